/** In-process fake servers of the BeyondWords and BeatPass APIs, with fault injection and request recording. */
@NullMarked
@TrackflowStyle
package io.trackflow.testkit;

import io.trackflow.core.TrackflowStyle;
import org.jspecify.annotations.NullMarked;
