/**
 * Shared client options: {@link io.trackflow.core.ClientConfig}, {@link io.trackflow.core.UserAgent}
 * and the Immutables style.
 */
@NullMarked
@TrackflowStyle
package io.trackflow.core;

import org.jspecify.annotations.NullMarked;
