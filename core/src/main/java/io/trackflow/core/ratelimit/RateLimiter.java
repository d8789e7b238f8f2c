package io.trackflow.core.ratelimit;

import io.trackflow.core.http.HttpRequest;
import io.trackflow.core.http.HttpResponse;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Paces one client's requests: asked for a {@link Permit} before each attempt of every call of the
 * client, told of every response. Waiting is a timer, never a parked thread; cancelling a waiting
 * call frees its place. Implementations are thread-safe. Make one with {@link RateLimits}; give one
 * instance to one client (or to several on purpose, so that they share one budget).
 */
public interface RateLimiter {

    /**
     * Permission for one attempt, granted in the order asked. When the wait can be told in advance
     * (a hold, a spent window, a token bucket) and would pass the call's deadline, the result fails
     * at once with a {@link io.trackflow.core.error.RateLimitException} whose {@code retryAfter()} is
     * the wait.
     *
     * @param request the attempt's request (for the error's method and URI)
     * @param deadlineNanos the call's deadline, on {@link System#nanoTime()}'s scale
     * @return the permit, to release when the attempt is over
     */
    Mono<Permit> acquire(HttpRequest request, long deadlineNanos);

    /**
     * Learns from a response to an attempt it permitted (any status; headers only, the body is not
     * read).
     *
     * @param response the response
     * @param permit the attempt's permit
     */
    void update(HttpResponse response, Permit permit);

    /**
     * Holds every call of the client for {@code duration}: the server answered 429 with this {@code
     * Retry-After}.
     *
     * @param duration how long
     */
    void hold(Duration duration);

    /**
     * Whether a 429's {@code Retry-After} is waited out here, for every call, rather than by the
     * retry policy of the call that received it (the client then holds its other calls itself). True
     * unless the limiter does nothing.
     *
     * @return whether it holds the client on a 429
     */
    default boolean holdsOnRateLimit() {
        return true;
    }

    /**
     * What the limiter has done so far and knows now.
     *
     * @return the figures
     */
    RateLimitStats stats();
}
