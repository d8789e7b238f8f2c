package io.trackflow.core.client;

import reactor.core.publisher.Mono;

/**
 * One step of the call pipeline: it may change the call, act around the rest of the pipeline
 * ({@code next}), or both. The built-in steps run in a fixed order (see {@link ApiClient}); a
 * policy added with {@link ApiClientBuilder#policy(CallPolicy)} runs once per attempt, just before
 * the transport. Policies are shared by every call of a client: keep per-call state in the {@link
 * Call}, never in fields. They must not block.
 */
public interface CallPolicy {

    /**
     * Runs this step.
     *
     * @param call the call as the steps before made it
     * @param next the rest of the pipeline
     * @param <T> the call's result
     * @return the result
     */
    <T> Mono<T> apply(Call<T> call, Next<T> next);

    /**
     * The rest of the pipeline after a policy.
     *
     * @param <T> the call's result
     */
    @FunctionalInterface
    interface Next<T> {

        /**
         * Runs the rest of the pipeline.
         *
         * @param call the call to pass on
         * @return the result
         */
        Mono<T> proceed(Call<T> call);
    }
}
