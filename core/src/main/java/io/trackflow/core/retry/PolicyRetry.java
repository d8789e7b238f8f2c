package io.trackflow.core.retry;

import io.trackflow.core.http.HttpMethod;
import java.time.Duration;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** The {@link Retry} a {@link RetryPolicy} builds. */
final class PolicyRetry extends Retry {

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
        // one decider per subscription; its signals come in sequence
        RetryDecider decider = new RetryDecider(policy, method, listener, deadlineNanos, limiterHolds);
        return signals.concatMap(signal -> {
            Throwable failure = signal.failure();
            int attempts = (int) Math.min(Integer.MAX_VALUE, signal.totalRetries() + 1);
            Duration wait = decider.next(failure, attempts);
            if (wait == null) {
                return Mono.error(decider.surfacing(failure));
            }
            return wait.isZero() ? Mono.just(attempts) : Mono.delay(wait).thenReturn(attempts);
        });
    }
}
