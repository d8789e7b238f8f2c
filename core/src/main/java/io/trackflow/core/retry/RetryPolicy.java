package io.trackflow.core.retry;

import io.trackflow.core.error.ApiException;
import io.trackflow.core.error.HttpStatusException;
import io.trackflow.core.error.TimeoutException;
import io.trackflow.core.error.TransportException;
import io.trackflow.core.error.internal.ErrorAccess;
import io.trackflow.core.http.HttpMethod;
import io.trackflow.core.internal.Deadlines;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.immutables.value.Value;
import reactor.util.retry.Retry;

/**
 * When and how a failed attempt is tried again.
 *
 * <p>Defaults ({@link #defaults()}): 3 retries; exponential backoff from 200 ms doubling up to 10 s
 * with full jitter (a uniformly random delay between 0 and the exponential bound); on HTTP 408, 429,
 * 500, 502, 503, 504, on connection failures (refused, reset, closed before or during the body) and
 * on connect/response timeouts. Only idempotent methods (GET, PUT, ...) are retried; a POST is
 * retried only when it provably never reached the server (the connection could not be made). A
 * {@code Retry-After} (seconds or HTTP-date) replaces the backoff (plus up to 10 %, at most 1 s, of
 * jitter so that the callers it stopped do not return in lockstep); when it is longer than {@link
 * #maxRetryAfter()} (60 s by default), or than what is left of the call's total timeout, no retry is
 * made and the error surfaces at once with the server's value. A malformed success body is never
 * retried. The final error carries {@link ApiException#attempts()}.
 */
@Value.Immutable
public abstract class RetryPolicy implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxRetries(0).build();

    RetryPolicy() {}

    /** Retries after the first attempt (0 disables retries). Default 3. */
    @Value.Default
    public int maxRetries() {
        return 3;
    }

    /** Backoff bound of the first retry. Default 200 ms. */
    @Value.Default
    public Duration initialBackoff() {
        return Duration.ofMillis(200);
    }

    /** Upper bound of any backoff. Default 10 s. */
    @Value.Default
    public Duration maxBackoff() {
        return Duration.ofSeconds(10);
    }

    /** Whether backoffs are drawn uniformly from {@code [0, bound]} (full jitter). Default true. */
    @Value.Default
    public boolean jitter() {
        return true;
    }

    /** Statuses worth retrying. Default 408, 429, 500, 502, 503, 504. */
    @Value.Default
    public Set<Integer> retryableStatuses() {
        return Set.of(408, 429, 500, 502, 503, 504);
    }

    /** The longest {@code Retry-After} honoured by waiting. Default 60 s. */
    @Value.Default
    public Duration maxRetryAfter() {
        return Duration.ofSeconds(60);
    }

    @Value.Check
    final void check() {
        if (maxRetries() < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries());
        }
        if (initialBackoff().isNegative()
                || maxBackoff().isNegative()
                || maxRetryAfter().isNegative()) {
            throw new IllegalArgumentException("initialBackoff, maxBackoff and maxRetryAfter must not be negative");
        }
    }

    /** The default policy described above. */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** A policy that never retries. */
    public static RetryPolicy none() {
        return NONE;
    }

    /** Returns a new builder, starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether a failed attempt may be retried, judging only the error and the method (not the count).
     *
     * @param method the request's method
     * @param error the failure
     * @return whether to retry
     */
    public boolean isRetryable(HttpMethod method, Throwable error) {
        if (error instanceof IOException) {
            // what a transport used on its own signals, judged as the error model names it
            return isRetryable(method, ErrorAccess.get().named(error));
        }
        if (error instanceof TransportException) {
            TransportException t = (TransportException) error;
            if (t.isPoolExhausted()) {
                return false;
            }
            return method.isIdempotent() || t.isConnectFailure();
        }
        if (error instanceof TimeoutException) {
            TimeoutException t = (TimeoutException) error;
            return switch (t.kind()) {
                case CONNECT -> true;
                case RESPONSE -> method.isIdempotent();
                case TOTAL -> false;
            };
        }
        if (error instanceof HttpStatusException) {
            return method.isIdempotent() && retryableStatuses().contains(((HttpStatusException) error).status());
        }
        return false;
    }

    /**
     * The delay before retry number {@code retry} (0-based), honouring {@code Retry-After}; empty
     * when the server asks for longer than {@link #maxRetryAfter()}.
     *
     * @param retry how many retries were made before this one
     * @param error the failure
     * @return the delay, or empty to give up
     */
    public Optional<Duration> delayBefore(long retry, Throwable error) {
        if (error instanceof HttpStatusException) {
            Optional<Duration> ra = ((HttpStatusException) error).retryAfter();
            if (ra.isPresent()) {
                return ra.get().compareTo(maxRetryAfter()) > 0 ? Optional.empty() : Optional.of(spread(ra.get()));
            }
        }
        long bound = backoffBound(retry);
        long delay = jitter() && bound > 0 ? ThreadLocalRandom.current().nextLong(bound + 1) : bound;
        return Optional.of(Duration.ofNanos(delay));
    }

    /**
     * A server's {@code Retry-After} plus up to 10 % (at most 1 s) when {@link #jitter()} is on, so
     * that the callers it stopped do not all come back in the same instant. Never shorter than asked.
     */
    private Duration spread(Duration retryAfter) {
        if (!jitter() || retryAfter.isZero() || retryAfter.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L / 2) {
            return retryAfter; // (a wait of ~146 years or more: no nanoseconds to spread it by)
        }
        long extra = Math.min(retryAfter.toNanos() / 10, 1_000_000_000L);
        return retryAfter.plusNanos(extra == 0 ? 0 : ThreadLocalRandom.current().nextLong(extra + 1));
    }

    /** {@code min(maxBackoff, initialBackoff * 2^retry)} in nanoseconds, without overflow. */
    private long backoffBound(long retry) {
        long base = Math.max(0, Deadlines.saturatedNanos(initialBackoff()));
        long cap = Math.max(0, Deadlines.saturatedNanos(maxBackoff()));
        if (base == 0 || retry < 0) {
            return Math.min(base, cap);
        }
        // base << shift stays positive while shift < (leading zeros of base) - 1
        int headroom = Long.numberOfLeadingZeros(base) - 1;
        return retry >= headroom ? cap : Math.min(cap, base << retry);
    }

    /**
     * A Reactor {@link Retry} for requests of {@code method}: retries what {@link #isRetryable}
     * accepts up to {@link #maxRetries()} times with {@link #delayBefore} delays; the final error is
     * the last failure itself (not a wrapper), with its attempt count recorded.
     *
     * @param method the request's method
     * @return the retry spec
     */
    public Retry toRetry(HttpMethod method) {
        return toRetry(method, RetryListener.NONE);
    }

    /**
     * As {@link #toRetry(HttpMethod)}, telling {@code listener} about each retry.
     *
     * @param method the request's method
     * @param listener told before each retry
     * @return the retry spec
     */
    public Retry toRetry(HttpMethod method, RetryListener listener) {
        return toRetry(method, listener, Long.MAX_VALUE, false);
    }

    /**
     * As {@link #toRetry(HttpMethod, RetryListener)}, for a call that must end by {@code
     * deadlineNanos}: a wait (backoff or {@code Retry-After}) that would pass it is not made, and the
     * failure that asked for it surfaces at once.
     *
     * @param method the request's method
     * @param listener told before each retry
     * @param deadlineNanos the deadline, on {@link System#nanoTime()}'s scale
     * @return the retry spec
     */
    public Retry toRetry(HttpMethod method, RetryListener listener, long deadlineNanos) {
        return toRetry(method, listener, deadlineNanos, false);
    }

    /**
     * As {@link #toRetry(HttpMethod, RetryListener, long)}, for a client whose rate limiter holds every
     * call for a 429's {@code Retry-After} (see {@code io.trackflow.core.ratelimit}): such a 429 is
     * retried at once, without counting against {@link #maxRetries()} (the server said when to come
     * back; the limiter makes the next attempt wait until then), unless the wait is longer than {@link
     * #maxRetryAfter()} or than what is left of the deadline. A policy with no retries ({@link
     * #none()}) retries nothing, these included.
     *
     * @param method the request's method
     * @param listener told before each retry
     * @param deadlineNanos the deadline, on {@link System#nanoTime()}'s scale
     * @param limiterHolds whether a rate limiter holds the client on a 429
     * @return the retry spec
     */
    public Retry toRetry(HttpMethod method, RetryListener listener, long deadlineNanos, boolean limiterHolds) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(listener, "listener");
        return new PolicyRetry(() -> new RetryDecider(this, method, listener, deadlineNanos, limiterHolds));
    }

    /** Builds {@link RetryPolicy} values. */
    public static final class Builder extends ImmutableRetryPolicy.Builder {
        Builder() {}
    }
}
