package io.trackflow.core.ratelimit;

import io.trackflow.core.http.HttpRequest;
import io.trackflow.core.http.HttpResponse;
import io.trackflow.core.internal.Checks;
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
        return new SlidingWindowLimiter(n, per.toNanos());
    }

    /**
     * No limit: every attempt goes at once; a 429 is left to the retry policy of the call that
     * received it.
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
