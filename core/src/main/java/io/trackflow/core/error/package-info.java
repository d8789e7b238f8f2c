/** The typed, unchecked error model shared by every trackflow client. */
@NullMarked
@TrackflowStyle
package io.trackflow.core.error;

import io.trackflow.core.TrackflowStyle;
import org.jspecify.annotations.NullMarked;
