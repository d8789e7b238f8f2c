package io.trackflow.core.client;

import io.trackflow.core.error.RateLimitException;
import io.trackflow.core.ratelimit.Permit;
import io.trackflow.core.ratelimit.RateLimiter;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Asks the client's rate limiter for a permit before each attempt (waiting on a timer, within the
 * call's deadline), holds it while the attempt is in flight, lets the limiter learn from the
 * response, and turns a 429's {@code Retry-After} into a hold of the whole client.
 */
record RateLimitPolicy(RateLimiter limiter, @Nullable Observing observing) implements CallPolicy {

    @Override
    public <T> Mono<T> apply(Call<T> call, Next<T> next) {
        Mono<Permit> acquire = limiter.acquire(call.request(), call.deadlineNanos());
        return Mono.usingWhen(
                observing == null ? acquire : observing.waitFor(call, acquire),
                permit -> next.proceed(call.onResponse(response -> limiter.update(response, permit)))
                        .doOnError(RateLimitException.class, e -> e.retryAfter().ifPresent(limiter::hold)),
                RateLimitPolicy::release,
                (permit, error) -> release(permit),
                RateLimitPolicy::release);
    }

    private static Mono<Void> release(Permit permit) {
        return Mono.fromRunnable(permit::release);
    }
}
