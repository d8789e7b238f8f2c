package io.trackflow.core.retry;

import java.time.Duration;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** The {@link Retry} a {@link RetryPolicy} builds. */
final class PolicyRetry extends Retry {

    /** Makes the decisions of one subscription (a call's whole run of attempts). */
    private final Supplier<RetryDecider> decisions;

    PolicyRetry(Supplier<RetryDecider> decisions) {
        this.decisions = decisions;
    }

    @Override
    public Publisher<?> generateCompanion(Flux<RetrySignal> signals) {
        // one decider per subscription; its signals come in sequence
        RetryDecider decider = decisions.get();
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
