/**
 * Client-side rate limiting: one {@link io.trackflow.core.ratelimit.RateLimiter} per client, shared
 * by all its calls and asked before each attempt ({@link io.trackflow.core.ratelimit.RateLimits}).
 */
@NullMarked
@TrackflowStyle
package io.trackflow.core.ratelimit;

import io.trackflow.core.TrackflowStyle;
import org.jspecify.annotations.NullMarked;
