package io.trackflow.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A fixed-window rate limit as Laravel's {@code throttle} middleware keeps it: a window of {@code
 * window} opens at the first attempt after the previous window expired (the decay key), at most
 * {@code limit} attempts are let through in it, and a refused attempt is not counted. Thread-safe
 * and exact: every attempt takes one lock, whatever event loop it runs on.
 */
final class RateLimitWindow {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int limit;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private boolean open;
    private long end;
    private int used;

    RateLimitWindow(int limit, Duration window) {
        this(limit, window, System::nanoTime);
    }

    /** With a ticker of our own, for tests: monotonic nanoseconds. */
    RateLimitWindow(int limit, Duration window, LongSupplier nanoTime) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Counts an attempt when the window has room; a refused attempt is not counted. */
    synchronized Verdict attempt() {
        long now = nanoTime.getAsLong();
        if (!open || now - end >= 0) {
            open = true;
            end = now + windowNanos;
            used = 0;
        }
        if (used >= limit) {
            return new Verdict(false, limit, 0, end - now);
        }
        used++;
        return new Verdict(true, limit, limit - used, end - now);
    }

    /** The state an attempt would see now, without counting one. */
    synchronized Verdict peek() {
        long now = nanoTime.getAsLong();
        if (!open || now - end >= 0) {
            return new Verdict(true, limit, limit, windowNanos);
        }
        return new Verdict(used < limit, limit, limit - used, end - now);
    }

    /**
     * What the window said to one attempt.
     *
     * @param allowed whether the attempt went through
     * @param limit the attempts per window
     * @param remaining the attempts left in the window after this one
     * @param nanosToReset how long until the window ends, always positive
     */
    record Verdict(boolean allowed, int limit, int remaining, long nanosToReset) {

        /** The same moment seen by a refused attempt: nothing left. */
        Verdict exhausted() {
            return new Verdict(false, limit, 0, nanosToReset);
        }

        /** Whole seconds until the window ends, rounded up, at least 1: {@code Retry-After}. */
        long retryAfterSeconds() {
            return Math.max(1, ceilSeconds(nanosToReset));
        }

        /**
         * {@code X-RateLimit-Limit}, {@code -Remaining} and {@code -Reset}.
         *
         * <p>Rounded up (the default), the epoch Reset is the first whole second at or after the
         * window's end and the delta is the seconds until the end rounded up: the window is always over
         * by then. Floored, as Laravel sends it ({@code availableAt(availableIn)}: the window's timer is
         * {@code time() + decay} with {@code time()} in whole seconds, while the counter's key expires
         * {@code decay} seconds after the instant the window opened), the epoch Reset is the window's
         * end floored to the second, and the delta is that second minus the current one (Laravel's
         * {@code availableIn}, which may be 0): the window may run on for up to a second after it.
         *
         * @param serverNow the server's idea of now (which may be skewed)
         * @param resetAsDelta whether Reset is seconds until the window ends instead of epoch seconds
         * @param floor whether the end is floored to the second (Laravel) instead of rounded up
         */
        Map<String, String> headers(Instant serverNow, boolean resetAsDelta, boolean floor) {
            long sinceSecond = serverNow.getNano() + nanosToReset; // from the start of the current second
            long wholeSeconds = floor ? Math.floorDiv(sinceSecond, NANOS_PER_SECOND) : ceilSeconds(sinceSecond);
            long reset = resetAsDelta
                    ? (floor ? wholeSeconds : ceilSeconds(nanosToReset))
                    : serverNow.getEpochSecond() + wholeSeconds;
            Map<String, String> h = new LinkedHashMap<>();
            h.put("X-RateLimit-Limit", String.valueOf(limit));
            h.put("X-RateLimit-Remaining", String.valueOf(remaining));
            h.put("X-RateLimit-Reset", String.valueOf(reset));
            return h;
        }

        private static long ceilSeconds(long nanos) {
            return -Math.floorDiv(-nanos, NANOS_PER_SECOND);
        }
    }
}
