package io.trackflow.core.ratelimit;

import java.util.OptionalLong;

/**
 * The server's clock as seen through the whole seconds of its {@code Date} headers, mapped onto the
 * local {@link System#nanoTime()} scale, so that a reset the server states in its own epoch seconds
 * is found on the local clock whatever the skew between the two.
 *
 * <p>{@code Date} is the server's time floored to the second, stamped somewhere between the moment
 * the request was sent and the moment its answer arrived. Each answer therefore bounds the offset
 * between the two clocks (server epoch nanos minus local nanos) from both sides: it is at least
 * {@code date - received} (the server had reached {@code date} by the time the answer arrived) and
 * less than {@code date + 1 s - sent}. The bounds of all answers are intersected, so the offset gets
 * known more finely as answers arrive at different moments of the server's second (an answer just
 * after the server's second turned pins the lower bound). Every mapping takes the lower bound: the
 * server's time is never thought later than it is, and a server instant is never placed on the local
 * clock before it happens. The bounds are widened by 100 ppm of the time since they were set, for the
 * two clocks' drift; an answer outside them (the server's clock was set) starts again from that
 * answer alone. Without any {@code Date} the local wall clock stands in. Not thread-safe: used under
 * the limiter's lock.
 */
final class ServerClock {

    private static final long SECOND = 1_000_000_000L;
    private static final long DRIFT_DIVISOR = 10_000; // 100 ppm

    private boolean known;
    /** The offset is at least {@code lo} (less the drift since {@code loAt}). */
    private long lo;

    private long loAt;
    /** The offset is less than {@code hi} (plus the drift since {@code hiAt}). */
    private long hi;

    private long hiAt;

    /**
     * Takes in a response's {@code Date}.
     *
     * @param sent when the request was sent, or earlier (nanoTime)
     * @param received when the response arrived (nanoTime)
     * @param date its {@code Date} in epoch seconds, if it had one
     */
    void observe(long sent, long received, OptionalLong date) {
        if (date.isEmpty()) {
            return;
        }
        long d = date.getAsLong();
        long newLo = d * SECOND - received;
        long newHi = (d + 1) * SECOND - Math.min(sent, received);
        if (!known || newLo >= upper(received) || newHi <= lower(received)) {
            // the first Date, or one the others rule out: the server's clock was set; start again
            known = true;
            lo = newLo;
            hi = newHi;
        } else {
            lo = Math.max(lower(received), newLo);
            hi = Math.min(upper(received), newHi);
        }
        loAt = received;
        hiAt = received;
    }

    /** How far apart the bounds of the offset are at {@code now}, in nanos; Long.MAX_VALUE before any Date. */
    long uncertaintyNanos(long now) {
        return known ? upper(now) - lower(now) : Long.MAX_VALUE;
    }

    /** The earliest the server's clock can read at a local instant, in epoch nanos. */
    long earliestServerNanos(long nanos) {
        if (!known) {
            return System.currentTimeMillis() * 1_000_000L + (nanos - System.nanoTime());
        }
        return nanos + lower(nanos);
    }

    /** The server's time at a local instant, in epoch seconds (fractional; never later than it is). */
    double toServer(long nanos) {
        return earliestServerNanos(nanos) / (double) SECOND;
    }

    /** The local instant (nanoTime) by which the server's clock has surely reached the whole {@code second}. */
    long toLocalSecond(long second) {
        return toLocalNanos(second * SECOND);
    }

    private long toLocalNanos(long server) {
        if (!known) {
            long now = System.nanoTime();
            return now + (server - System.currentTimeMillis() * 1_000_000L);
        }
        long at = server - lo; // where it would be without drift; the drift allowance is taken from there
        return server - lower(at);
    }

    private long lower(long now) {
        return lo - Math.max(0, now - loAt) / DRIFT_DIVISOR;
    }

    private long upper(long now) {
        return hi + Math.max(0, now - hiAt) / DRIFT_DIVISOR;
    }
}
