package io.trackflow.core.client;

import io.trackflow.core.retry.RetryDecider;
import io.trackflow.core.retry.RetryListener;
import io.trackflow.core.retry.RetryPolicy;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Runs the rest of the pipeline once per attempt, as the {@link RetryPolicy} allows: only what it
 * deems retryable, at most {@code maxRetries} times, after its backoff or the server's {@code
 * Retry-After}, and never into a wait the call's deadline cannot afford (the failure then surfaces
 * at once). Each attempt sees its number in {@link Call#attempt()}.
 */
record RetryingPolicy(RetryPolicy policy, RetryListener listener, boolean limiterHolds) implements CallPolicy {

    @Override
    public <T> Mono<T> apply(Call<T> call, Next<T> next) {
        return new Attempts<>(call, next).attempt();
    }

    /**
     * The attempts of one call: the next starts from the error handler of the one before, so a call
     * answered at once carries no retry machinery (no {@code retryWhen} companion per call).
     */
    private final class Attempts<T> {
        private final Call<T> call;
        private final Next<T> next;
        private final RetryDecider decider;

        Attempts(Call<T> call, Next<T> next) {
            this.call = call;
            this.next = next;
            Call.CallState state = call.state();
            RetryListener counting = (attempt, error, delay) -> {
                state.retried();
                listener.onRetry(attempt, error, delay);
            };
            this.decider =
                    new RetryDecider(policy, call.request().method(), counting, call.deadlineNanos(), limiterHolds);
        }

        Mono<T> attempt() {
            Call.CallState state = call.state();
            int attempt = state.attempts();
            state.attemptStarted();
            Mono<T> sent;
            try {
                sent = next.proceed(call.withAttempt(attempt));
            } catch (RuntimeException e) {
                sent = Mono.error(e);
            }
            return sent.onErrorResume(this::afterFailure);
        }

        private Mono<T> afterFailure(Throwable failure) {
            Call.CallState state = call.state();
            state.failed(failure);
            Duration wait = decider.next(failure, Math.max(1, state.attempts()));
            if (wait == null) {
                return Mono.error(decider.surfacing(failure));
            }
            Mono<T> again = Mono.defer(this::attempt);
            return wait.isZero() ? again : Mono.delay(wait).then(again);
        }
    }
}
