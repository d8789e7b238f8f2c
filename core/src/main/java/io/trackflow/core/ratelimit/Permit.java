package io.trackflow.core.ratelimit;

/** Permission for one attempt, held while it is in flight. */
public interface Permit {

    /** When the permit was granted, on {@link System#nanoTime()}'s scale (about when the request left). */
    long grantedAtNanos();

    /** Gives the permit back: the attempt is over (answered, failed or cancelled). Idempotent. */
    void release();
}
