/**
 * The reactive BeatPass client: {@link io.trackflow.beatpass.BeatPassClient} and {@link
 * io.trackflow.beatpass.Tracks}.
 */
@NullMarked
@TrackflowStyle
package io.trackflow.beatpass;

import io.trackflow.core.TrackflowStyle;
import org.jspecify.annotations.NullMarked;
