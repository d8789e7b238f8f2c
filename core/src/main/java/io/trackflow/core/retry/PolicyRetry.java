package io.trackflow.core.retry;

import io.trackflow.core.error.ApiException;
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

    /**
     * @param deadlineNanos the call's deadline on {@link System#nanoTime()}'s scale, or {@link
     *     Long#MAX_VALUE} for none
     */
    PolicyRetry(RetryPolicy policy, HttpMethod method, RetryListener listener, long deadlineNanos) {
        this.policy = policy;
        this.method = method;
        this.listener = listener;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public Publisher<?> generateCompanion(Flux<RetrySignal> signals) {
        return signals.concatMap(signal -> {
            Throwable failure = signal.failure();
            long retries = signal.totalRetries();
            int attempts = (int) Math.min(Integer.MAX_VALUE, retries + 1);
            if (retries >= policy.maxRetries() || !policy.isRetryable(method, failure)) {
                return Mono.error(tag(failure, attempts));
            }
            Optional<Duration> delay = policy.delayBefore(retries, failure);
            if (delay.isEmpty() || passesDeadline(delay.get())) {
                // a wait the call cannot afford ends it now, with the failure that asked for the wait
                return Mono.error(tag(failure, attempts));
            }
            if (LOG.isDebugEnabled()) {
                LOG.debug(
                        "attempt {} failed ({}); retrying in {} ms",
                        attempts,
                        failure.toString(),
                        delay.get().toMillis());
            }
            listener.onRetry(attempts + 1, failure, delay.get());
            return delay.get().isZero()
                    ? Mono.just(retries)
                    : Mono.delay(delay.get()).thenReturn(retries);
        });
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
