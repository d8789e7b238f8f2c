package io.trackflow.flink;

import io.trackflow.core.ratelimit.RateLimiter;
import io.trackflow.core.ratelimit.RateLimits;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * A job-wide request budget of {@code n} requests per {@code per}, cut into one client-side limiter
 * per parallel participant (source readers, lookup subtasks), because subtasks run in different JVMs
 * and cannot share one limiter. Participant {@code i} of {@code p} gets {@link RateLimits#slots} with
 * {@code q = n / p} slots per {@code per}, the first {@code n % p} participants one more, so that the
 * shares add up to {@code n} exactly, and no interval of {@code per} at the server sees more than
 * {@code n} requests from the whole job. When {@code n < p} each participant gets one request per
 * {@code per × p / n}: the average rate is still {@code n / per}, but an interval of {@code per} may see
 * up to {@code p}.
 *
 * <p>A slot is free again {@code per} after the end of the attempt that used it (its response or
 * failure), so that late requests cannot crowd a server window. A wait for a slot is not checked
 * against the call's deadline: a lookup that waits too long is cut by Flink's async timeout (which
 * frees its place), a source reader simply reads more slowly. The limiter's figures are the {@code
 * rateLimitWait*} gauges of {@link TrackflowMetrics}: calls granted after a wait of more than a
 * millisecond and their total wait (counted once granted), and the calls waiting now.
 */
final class RateBudget implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int n;
    private final long perNanos;

    private RateBudget(int n, long perNanos) {
        this.n = n;
        this.perNanos = perNanos;
    }

    /**
     * A budget.
     *
     * @param n requests per interval, at least 1
     * @param per the interval, positive
     * @return the budget
     */
    static RateBudget of(int n, Duration per) {
        Objects.requireNonNull(per, "per");
        if (n < 1) {
            throw new IllegalArgumentException("rateLimit n must be >= 1, was " + n);
        }
        if (per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("rateLimit per must be positive, was " + per);
        }
        return new RateBudget(n, per.toNanos());
    }

    int n() {
        return n;
    }

    Duration per() {
        return Duration.ofNanos(perNanos);
    }

    /** This budget less {@code k} requests per interval (at least 1 left). */
    RateBudget less(int k) {
        return new RateBudget(Math.max(1, n - k), perNanos);
    }

    /** The requests per interval participant {@code index} of {@code parallelism} may send. */
    double shareOf(int index, int parallelism) {
        check(index, parallelism);
        if (n < parallelism) {
            return (double) n / parallelism;
        }
        return n / parallelism + (index < n % parallelism ? 1 : 0);
    }

    /**
     * A new limiter holding participant {@code index} of {@code parallelism} to its share.
     *
     * @param index 0-based subtask index
     * @param parallelism the number of participants
     * @return the limiter, for that participant's client only
     */
    RateLimiter limiterFor(int index, int parallelism) {
        check(index, parallelism);
        if (n < parallelism) {
            // one request per (per × p / n), rounded up so that the average stays within n per per
            long stretched = Math.multiplyExact(perNanos, (long) parallelism);
            return RateLimits.slots(1, Duration.ofNanos((stretched + n - 1) / n));
        }
        return RateLimits.slots((int) shareOf(index, parallelism), per());
    }

    private static void check(int index, int parallelism) {
        if (parallelism < 1 || index < 0 || index >= parallelism) {
            throw new IllegalArgumentException("subtask " + index + " of " + parallelism);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RateBudget && ((RateBudget) o).n == n && ((RateBudget) o).perNanos == perNanos;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(perNanos) * 31 + n;
    }

    @Override
    public String toString() {
        return n + " per " + per();
    }
}
