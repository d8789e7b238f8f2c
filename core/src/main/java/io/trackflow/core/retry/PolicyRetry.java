package io.trackflow.core.retry;

import io.trackflow.core.error.ApiException;
import io.trackflow.core.error.RateLimitException;
import io.trackflow.core.http.HttpMethod;
import io.trackflow.core.internal.Errors;
import java.time.Duration;
import java.util.Optional;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.Logger;
import reactor.util.Loggers;
import reactor.util.retry.Retry;

/** The {@link Retry} a {@link RetryPolicy} builds. */
final class PolicyRetry extends Retry {

    private static final Logger LOG = Loggers.getLogger(PolicyRetry.class);

    private final RetryPolicy policy;
    private final HttpMethod method;
    private final RetryListener listener;
    private final long deadlineNanos;
    private final boolean limiterHolds;

    /**
     * @param deadlineNanos the call's deadline on {@link System#nanoTime()}'s scale, or {@link
     *     Long#MAX_VALUE} for none
     * @param limiterHolds whether a rate limiter holds the client for a 429's {@code Retry-After}
     */
    PolicyRetry(
            RetryPolicy policy, HttpMethod method, RetryListener listener, long deadlineNanos, boolean limiterHolds) {
        this.policy = policy;
        this.method = method;
        this.listener = listener;
        this.deadlineNanos = deadlineNanos;
        this.limiterHolds = limiterHolds;
    }

    @Override
    public Publisher<?> generateCompanion(Flux<RetrySignal> signals) {
        int[] counted = {0}; // retries that used up the budget; per subscription, signals come in sequence
        return signals.concatMap(signal -> {
            Throwable failure = signal.failure();
            int attempts = (int) Math.min(Integer.MAX_VALUE, signal.totalRetries() + 1);
            if (!policy.isRetryable(method, failure)) {
                return Mono.error(tag(failure, attempts));
            }
            Optional<Duration> held = heldByLimiter(failure);
            if (held.isPresent()) {
                // the server said when to come back and the limiter holds the client until then: the next
                // attempt waits there (deadline-aware), and this one does not count as a failed attempt
                if (held.get().compareTo(policy.maxRetryAfter()) > 0 || passesDeadline(held.get())) {
                    return Mono.error(tag(failure, attempts));
                }
                listener.onRetry(attempts + 1, failure, held.get());
                return Mono.just(attempts);
            }
            if (counted[0] >= policy.maxRetries()) {
                return Mono.error(tag(failure, attempts));
            }
            Optional<Duration> delay = policy.delayBefore(counted[0], failure);
            if (delay.isEmpty() || passesDeadline(delay.get())) {
                // a wait the call cannot afford ends it now, with the failure that asked for the wait
                return Mono.error(tag(failure, attempts));
            }
            counted[0]++;
            if (LOG.isDebugEnabled()) {
                LOG.debug(
                        "attempt {} failed ({}); retrying in {} ms",
                        attempts,
                        failure.toString(),
                        delay.get().toMillis());
            }
            listener.onRetry(attempts + 1, failure, delay.get());
            return delay.get().isZero()
                    ? Mono.just(attempts)
                    : Mono.delay(delay.get()).thenReturn(attempts);
        });
    }

    private Optional<Duration> heldByLimiter(Throwable failure) {
        return limiterHolds && policy.maxRetries() > 0 && failure instanceof RateLimitException
                ? ((RateLimitException) failure).retryAfter().filter(d -> !d.isZero())
                : Optional.empty();
    }

    private boolean passesDeadline(Duration delay) {
        return deadlineNanos != Long.MAX_VALUE && deadlineNanos - System.nanoTime() < delay.toNanos();
    }

    private static Throwable tag(Throwable failure, int attempts) {
        if (failure instanceof ApiException) {
            Errors.get().withAttempts((ApiException) failure, attempts);
        }
        return failure;
    }
}
