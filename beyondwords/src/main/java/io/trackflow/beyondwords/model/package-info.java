/** The BeyondWords background-tracks value types (Immutables-generated, Jackson-readable). */
@NullMarked
@TrackflowStyle
package io.trackflow.beyondwords.model;

import io.trackflow.core.TrackflowStyle;
import org.jspecify.annotations.NullMarked;
