package io.trackflow.core.ratelimit;

import io.trackflow.core.http.HttpRequest;
import io.trackflow.core.http.HttpResponse;
import io.trackflow.core.internal.Checks;
import io.trackflow.core.internal.Deadlines;
import java.time.Duration;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** The rate limiters trackflow ships. Each call makes a new limiter, with a budget of its own. */
public final class RateLimits {

    private RateLimits() {}

    /**
     * Paces by the server's {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code
     * X-RateLimit-Reset} (BeatPass, and Laravel deployments in general): never more requests in flight
     * than the window has left; a spent window holds new attempts until its reset, then releases them
     * once the server confirms a new window; a 429 holds every call for its {@code Retry-After}. The
     * reset may be epoch seconds or seconds until the reset; the responses' {@code Date} places it on
     * the local clock, so clock skew does not matter.
     *
     * @return a new limiter
     */
    public static RateLimiter fromHeaders() {
        return fromHeaders("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset");
    }

    /**
     * As {@link #fromHeaders()}, for a server that names its headers otherwise.
     *
     * @param limit the header stating requests per window
     * @param remaining the header stating requests left in the window
     * @param reset the header stating when the window resets
     * @return a new limiter
     */
    public static RateLimiter fromHeaders(String limit, String remaining, String reset) {
        return new HeaderPacedLimiter(
                Objects.requireNonNull(limit, "limit"),
                Objects.requireNonNull(remaining, "remaining"),
                Objects.requireNonNull(reset, "reset"));
    }

    /**
     * A client-side limit for providers that send no figures: at most {@code n} requests in any
     * interval of {@code per} (a burst of {@code n}, then {@code n / per}); a 429 holds every call for
     * its {@code Retry-After}.
     *
     * @param n requests per interval, at least 1
     * @param per the interval, positive
     * @return a new limiter
     * @throws IllegalArgumentException naming {@code n} or {@code per}
     */
    public static RateLimiter fixed(int n, Duration per) {
        Checks.atLeast(n, 1, "n");
        Checks.positive(per, "per");
        return new SlidingWindowLimiter(n, Deadlines.saturatedNanos(per));
    }

    /**
     * A client-side limit that holds however late requests reach the server: {@code n} slots, each
     * free again {@code per} after the attempt that used it <em>ended</em> (its response, failure or
     * cancellation), not after it was granted. Every request reaches the server before its attempt
     * ends, so two requests on one slot arrive at least {@code per} apart: no interval of {@code per}
     * at the server sees more than {@code n} of this limiter's requests, whatever the network's
     * jitter. The price is one round trip per slot and interval, a rate of {@code n / (per +
     * latency)}. For one share of a budget split between processes (trackflow-flink's subtasks).
     *
     * <p>As the other limiters: waiting calls are served first come, first served, on a timer; a call
     * that waited gets its permit on a worker of {@code Schedulers.parallel()}, one granted at once
     * goes on on its own thread; cancelling a waiting call frees its place; a 429 holds every call for
     * its {@code Retry-After}. Unlike them, a wait is never refused for the call's deadline (a slot may
     * wait on a response not yet received): the call waits until it has its slot or is cancelled.
     * Figures: {@code limit} is {@code n}, {@code remaining} the slots free now, {@code resetAt} when
     * the next slot that is not in use frees (absent when none is waiting out its {@code per});
     * {@code callsHeld} and {@code timeWaited} count the calls granted after a wait of more than a
     * millisecond, once granted; {@code waiting} the calls waiting now.
     *
     * @param n slots, at least 1 (no default)
     * @param per how long a slot stays unused after its attempt ended, positive (no default;
     *     nanosecond precision)
     * @return a new limiter
     * @throws IllegalArgumentException naming {@code n} or {@code per}
     */
    public static RateLimiter slots(int n, Duration per) {
        Checks.atLeast(n, 1, "n");
        Checks.positive(per, "per");
        return new SlotLimiter(n, Deadlines.saturatedNanos(per));
    }

    /**
     * No limit: every attempt goes at once. A 429 still holds every call of the client for its {@code
     * Retry-After} when that is within the retry policy's {@code maxRetryAfter} (a longer one surfaces and
     * holds nothing): the client keeps that hold itself (this limiter is stateless and may be shared), and
     * the call that received the 429 waits it out as a retry of its retry policy.
     *
     * @return the limiter
     */
    public static RateLimiter none() {
        return None.INSTANCE;
    }

    /** The limiter that does nothing. */
    private static final class None implements RateLimiter {
        static final None INSTANCE = new None();
        private static final Permit PERMIT = new Permit() {
            @Override
            public long grantedAtNanos() {
                return 0;
            }

            @Override
            public void release() {}
        };

        @Override
        public Mono<Permit> acquire(HttpRequest request, long deadlineNanos) {
            return Mono.just(PERMIT);
        }

        @Override
        public void update(HttpResponse response, Permit permit) {}

        @Override
        public void hold(Duration duration) {}

        @Override
        public boolean holdsOnRateLimit() {
            return false;
        }

        @Override
        public RateLimitStats stats() {
            return RateLimitStats.builder()
                    .callsHeld(0)
                    .waiting(0)
                    .timeWaited(Duration.ZERO)
                    .build();
        }

        @Override
        public String toString() {
            return "RateLimits.none()";
        }
    }
}
