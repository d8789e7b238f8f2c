package io.trackflow.core.client;

import io.trackflow.core.retry.RetryListener;
import io.trackflow.core.retry.RetryPolicy;
import reactor.core.publisher.Mono;

/**
 * Runs the rest of the pipeline once per attempt, as the {@link RetryPolicy} allows: only what it
 * deems retryable, at most {@code maxRetries} times, after its backoff or the server's {@code
 * Retry-After}, and never into a wait the call's deadline cannot afford (the failure then surfaces
 * at once). Each attempt sees its number in {@link Call#attempt()}.
 */
final class RetryingPolicy implements CallPolicy {

    private final RetryPolicy policy;
    private final RetryListener listener;
    private final boolean limiterHolds;

    RetryingPolicy(RetryPolicy policy, RetryListener listener, boolean limiterHolds) {
        this.policy = policy;
        this.listener = listener;
        this.limiterHolds = limiterHolds;
    }

    @Override
    public <T> Mono<T> apply(Call<T> call, Next<T> next) {
        Call.CallState state = call.state();
        RetryListener counting = (attempt, error, delay) -> {
            state.retried();
            listener.onRetry(attempt, error, delay);
        };
        return Mono.defer(() -> {
                    int attempt = state.attempts();
                    state.attemptStarted();
                    return next.proceed(call.withAttempt(attempt));
                })
                .doOnError(state::failed)
                .retryWhen(policy.toRetry(call.request().method(), counting, call.deadlineNanos(), limiterHolds));
    }
}
