package io.trackflow.core.client;

import io.trackflow.core.error.internal.ErrorAccess;
import io.trackflow.core.internal.Deadlines;
import reactor.core.publisher.Mono;

/**
 * Bounds each attempt by what is left of the call's deadline (the client's total timeout, counted
 * from the call's start): past it the call ends in a {@code TimeoutException} of kind {@code TOTAL}
 * carrying the last failure, if an attempt failed before, as its cause.
 */
final class DeadlinePolicy implements CallPolicy {

    @Override
    public <T> Mono<T> apply(Call<T> call, Next<T> next) {
        if (call.deadlineNanos() - System.nanoTime() <= 0) {
            return Mono.error(expired(call));
        }
        return Deadlines.within(next.proceed(call), call.deadlineNanos(), () -> expired(call));
    }

    private static Throwable expired(Call<?> call) {
        Call.CallState s = call.state();
        return ErrorAccess.get().total(call.request(), call.timeout(), s.lastFailure(), Math.max(1, s.attempts()));
    }
}
