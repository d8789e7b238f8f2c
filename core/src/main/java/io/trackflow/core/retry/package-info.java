/** Retry policy and the Reactor {@code Retry} built from it. */
@NullMarked
@TrackflowStyle
package io.trackflow.core.retry;

import io.trackflow.core.TrackflowStyle;
import org.jspecify.annotations.NullMarked;
