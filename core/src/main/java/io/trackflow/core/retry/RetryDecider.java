package io.trackflow.core.retry;

import io.trackflow.core.error.ApiException;
import io.trackflow.core.error.RateLimitException;
import io.trackflow.core.error.internal.ErrorAccess;
import io.trackflow.core.http.HttpMethod;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * The retry decisions of one call under a {@link RetryPolicy}: after each failed attempt, whether to
 * try again and after what wait. Not thread-safe: a call's failures come one after another. Used by
 * the {@code Retry} of {@link RetryPolicy#toRetry(HttpMethod)} and by the client's retry policy, which retries
 * from an error handler so that a call that succeeds at once pays nothing for retrying.
 */
public final class RetryDecider {

    private static final Logger LOG = Loggers.getLogger(RetryDecider.class);

    private final RetryPolicy policy;
    private final HttpMethod method;
    private final RetryListener listener;
    private final long deadlineNanos;
    private final boolean limiterHolds;
    /** Retries that used up the budget (a wait the rate limiter imposed does not). */
    private int counted;
    /** The error to end the call with instead of the failure, when one was made anew. */
    private @Nullable Throwable surfaced;

    /**
     * Starts the decisions of one call.
     *
     * @param policy the policy
     * @param method the call's method (only idempotent calls are retried after they reached the server)
     * @param listener told of each retry before its wait
     * @param deadlineNanos the call's deadline on {@link System#nanoTime()}'s scale, or {@link
     *     Long#MAX_VALUE} for none: a wait past it is never started
     * @param limiterHolds whether a rate limiter holds the client for a 429's {@code Retry-After}
     *     (such a retry then waits in the limiter and is not counted against {@code maxRetries})
     */
    public RetryDecider(
            RetryPolicy policy, HttpMethod method, RetryListener listener, long deadlineNanos, boolean limiterHolds) {
        this.policy = policy;
        this.method = method;
        this.listener = listener;
        this.deadlineNanos = deadlineNanos;
        this.limiterHolds = limiterHolds;
    }

    /**
     * Decides after a failed attempt.
     *
     * @param failure what ended the attempt
     * @param attempts attempts made so far, 1 after the first
     * @return the wait before the next attempt (zero for none), or {@code null} when the call ends with
     *     {@code failure} (then tagged with the number of attempts)
     */
    public @Nullable Duration next(Throwable failure, int attempts) {
        if (!policy.isRetryable(method, failure)) {
            return giveUp(failure, attempts);
        }
        Optional<Duration> held = heldByLimiter(failure);
        if (held.isPresent()) {
            // the server said when to come back and the limiter holds the client until then: the next
            // attempt waits there (deadline-aware), and this one does not count as a failed attempt
            if (held.get().compareTo(policy.maxRetryAfter()) > 0) {
                return giveUp(failure, attempts);
            }
            if (passesDeadline(held.get())) {
                Duration left = Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
                return giveUp(
                        ErrorAccess.get().notRetriedPastDeadline((RateLimitException) failure, held.get(), left),
                        attempts);
            }
            listener.onRetry(attempts, failure, held.get()); // retry number: one per attempt made
            return Duration.ZERO;
        }
        if (counted >= policy.maxRetries()) {
            return giveUp(failure, attempts);
        }
        Optional<Duration> delay = policy.delayBefore(counted, failure);
        if (delay.isEmpty()) {
            return giveUp(failure, attempts);
        }
        if (passesDeadline(delay.get())) {
            // a wait the call cannot afford ends it now, with the failure that asked for the wait
            if (failure instanceof RateLimitException) {
                Duration left = Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
                RateLimitException r = (RateLimitException) failure;
                return giveUp(
                        ErrorAccess.get()
                                .notRetriedPastDeadline(r, r.retryAfter().orElse(delay.get()), left),
                        attempts);
            }
            return giveUp(failure, attempts);
        }
        counted++;
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "attempt {} failed ({}); retrying in {} ms",
                    attempts,
                    failure.toString(),
                    delay.get().toMillis());
        }
        listener.onRetry(attempts, failure, delay.get());
        return delay.get();
    }

    /** Ends the retries: the call surfaces {@code failure} saying how many attempts it took. */
    private @Nullable Duration giveUp(Throwable failure, int attempts) {
        surfaced = failure instanceof ApiException
                ? ErrorAccess.get().withAttempts((ApiException) failure, attempts)
                : failure;
        return null;
    }

    private Optional<Duration> heldByLimiter(Throwable failure) {
        return limiterHolds && policy.maxRetries() > 0 && failure instanceof RateLimitException
                ? ((RateLimitException) failure).retryAfter().filter(d -> !d.isZero())
                : Optional.empty();
    }

    /**
     * The error the call ends with after {@link #next} answered null: {@code failure} with the number of
     * attempts it took, or, for a 429 whose {@code Retry-After} outlasts the deadline, the same 429
     * saying why it was not retried.
     */
    public Throwable surfacing(Throwable failure) {
        Throwable s = surfaced;
        return s != null ? s : failure;
    }

    private boolean passesDeadline(Duration delay) {
        if (deadlineNanos == Long.MAX_VALUE) {
            return false;
        }
        long left = deadlineNanos - System.nanoTime();
        // a delay past what nanoseconds count (~292 years) passes any deadline
        return delay.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L || left < delay.toNanos();
    }
}
