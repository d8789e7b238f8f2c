/** The BeatPass value types (Immutables-generated, Jackson-readable). */
@NullMarked
@TrackflowStyle
package io.trackflow.beatpass.model;

import io.trackflow.core.TrackflowStyle;
import org.jspecify.annotations.NullMarked;
