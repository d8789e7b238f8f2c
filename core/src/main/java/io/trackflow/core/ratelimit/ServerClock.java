package io.trackflow.core.ratelimit;

import java.util.OptionalLong;

/**
 * The server's clock as seen through the whole seconds of its {@code Date} headers, mapped onto the
 * local {@link System#nanoTime()} scale, so that a reset the server states in its own epoch seconds
 * is found on the local clock whatever the skew between the two. When two responses close in time
 * carry consecutive {@code Date} seconds, the server's second turned between them: its phase is then
 * known to within their gap. Until then the mapping errs late (the server is assumed to have just
 * entered its second), so that a window is never thought over before it is. Without any {@code Date}
 * the local wall clock stands in. Not thread-safe: used under the limiter's lock.
 */
final class ServerClock {

    private static final long SECOND = 1_000_000_000L;

    /** Local nanoTime at which the server's clock read {@link #tickSecond} exactly. */
    private long tickNanos;

    private long tickSecond;
    /** How far {@link #tickNanos} may be off, in nanos; Long.MAX_VALUE before any Date. */
    private long uncertainty = Long.MAX_VALUE;

    private long lastDate = Long.MIN_VALUE;
    private long lastSeen;

    /**
     * Takes in a response's {@code Date}.
     *
     * @param now when the response arrived (nanoTime)
     * @param date its {@code Date} in epoch seconds, if it had one
     */
    void observe(long now, OptionalLong date) {
        if (date.isEmpty()) {
            return;
        }
        long d = date.getAsLong();
        if (lastDate != Long.MIN_VALUE && d == lastDate + 1 && now - lastSeen < SECOND) {
            long gap = now - lastSeen;
            if (gap <= uncertainty || uncertainty == Long.MAX_VALUE) {
                // the second turned within (lastSeen, now]: take the late end of that interval
                tickNanos = now;
                tickSecond = d;
                uncertainty = gap;
            }
        } else if (uncertainty == Long.MAX_VALUE || (uncertainty > SECOND && d > tickSecond)) {
            // coarse: the server's second may have begun just now (never thought later than it is)
            tickNanos = now;
            tickSecond = d;
            uncertainty = SECOND;
        } else if (d < toServerSecond(now) - 2 || d > toServerSecond(now) + 2) {
            // the server's clock jumped: start again
            tickNanos = now;
            tickSecond = d;
            uncertainty = SECOND;
        }
        lastDate = d;
        lastSeen = now;
    }

    /** Whether any {@code Date} was seen. */
    boolean known() {
        return uncertainty != Long.MAX_VALUE;
    }

    /** How well the server's second boundaries are known, in nanos (a second or more: coarse). */
    long uncertaintyNanos() {
        return uncertainty;
    }

    /** The server's time at a local instant, in epoch seconds (fractional). */
    double toServer(long nanos) {
        if (!known()) {
            return (System.currentTimeMillis() + (nanos - System.nanoTime()) / 1_000_000L) / 1000.0;
        }
        return tickSecond + (nanos - tickNanos) / (double) SECOND;
    }

    private long toServerSecond(long nanos) {
        return (long) Math.floor(toServer(nanos));
    }

    /** The local instant (nanoTime) at which the server's clock reads {@code serverSeconds}. */
    long toLocal(double serverSeconds) {
        if (!known()) {
            long now = System.nanoTime();
            return now + (long) ((serverSeconds - System.currentTimeMillis() / 1000.0) * SECOND);
        }
        return tickNanos + (long) ((serverSeconds - tickSecond) * SECOND);
    }
}
