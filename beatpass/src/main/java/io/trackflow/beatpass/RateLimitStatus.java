package io.trackflow.beatpass;

import io.trackflow.core.error.HttpStatusException;
import io.trackflow.core.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import org.immutables.value.Value;

/**
 * Where a client stands against the BeatPass rate limit (300 requests a minute per client), as the
 * last response said: {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining}, {@code
 * X-RateLimit-Reset}.
 */
@Value.Immutable
public abstract class RateLimitStatus {

    RateLimitStatus() {}

    /** Requests allowed per window. */
    public abstract OptionalInt limit();

    /** Requests left in the window. */
    public abstract OptionalInt remaining();

    /** When the window resets. */
    public abstract Optional<Instant> resetAt();

    /**
     * Until when the client holds every call (it was answered 429), as the client's rate limiter
     * says; empty when no hold is on or the figures come from a response alone.
     */
    public abstract Optional<Instant> heldUntil();

    /** Calls the client's rate limiter held back so far (0 when the figures come from a response alone). */
    @Value.Default
    public long callsHeld() {
        return 0;
    }

    /** The total time calls waited for the rate limiter (zero when the figures come from a response alone). */
    @Value.Default
    public Duration timeWaited() {
        return Duration.ZERO;
    }

    /**
     * This status with the client's own figures: calls held, time waited, a hold in force.
     *
     * @param stats the client's rate limiter's figures
     * @return the status
     */
    public final RateLimitStatus with(io.trackflow.core.ratelimit.RateLimitStats stats) {
        return ImmutableRateLimitStatus.builder()
                .from(this)
                .callsHeld(stats.callsHeld())
                .timeWaited(stats.timeWaited())
                .heldUntil(stats.heldUntil())
                .build();
    }

    /**
     * Reads the figures of a response, if it carries any.
     *
     * @param response the response
     * @return the status, or empty
     */
    public static Optional<RateLimitStatus> of(HttpResponse response) {
        return read(response::header);
    }

    /**
     * Reads the figures of a failed call, e.g. a {@code RateLimitException}.
     *
     * @param error the error
     * @return the status, or empty
     */
    public static Optional<RateLimitStatus> of(HttpStatusException error) {
        return read(error::header);
    }

    /**
     * Whether a response carries figures {@link #of(HttpResponse)} reads: the same test, without
     * making the status.
     */
    static boolean carried(HttpResponse response) {
        return number(response.header("x-ratelimit-limit")).isPresent()
                || number(response.header("x-ratelimit-remaining")).isPresent()
                || epoch(response.header("x-ratelimit-reset")).isPresent();
    }

    private static Optional<RateLimitStatus> read(Function<String, Optional<String>> headers) {
        OptionalInt limit = number(headers.apply("x-ratelimit-limit"));
        OptionalInt remaining = number(headers.apply("x-ratelimit-remaining"));
        OptionalLong reset = epoch(headers.apply("x-ratelimit-reset"));
        if (limit.isEmpty() && remaining.isEmpty() && reset.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ImmutableRateLimitStatus.builder()
                .limit(limit)
                .remaining(remaining)
                .resetAt(reset.isPresent() ? Optional.of(Instant.ofEpochSecond(reset.getAsLong())) : Optional.empty())
                .build());
    }

    private static OptionalLong epoch(Optional<String> v) {
        try {
            return v.isPresent() ? OptionalLong.of(Long.parseLong(v.get().trim())) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static OptionalInt number(Optional<String> v) {
        try {
            return v.isPresent() ? OptionalInt.of(Integer.parseInt(v.get().trim())) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
