package io.trackflow.core.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** A rate limiter's figures: what it knows of the budget, and how much it held calls back. */
@Value.Immutable
public abstract class RateLimitStats {

    RateLimitStats() {}

    /** Requests allowed per window, as the server last said (or the fixed limit). */
    public abstract OptionalInt limit();

    /** Requests left in the current window as far as the limiter knows (in flight deducted). */
    public abstract OptionalInt remaining();

    /** When the current window ends (or the next token arrives), if known. */
    public abstract Optional<Instant> resetAt();

    /** Until when every call is held (a 429's {@code Retry-After}), if a hold is on. */
    public abstract Optional<Instant> heldUntil();

    /** Calls that had to wait for their permit, since the limiter was made. */
    public abstract long callsHeld();

    /** Calls waiting for their permit now. */
    public abstract int waiting();

    /** The total time calls waited for their permits. */
    public abstract Duration timeWaited();

    /**
     * Returns a new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link RateLimitStats} values. */
    public static final class Builder extends ImmutableRateLimitStats.Builder {
        Builder() {}
    }
}
