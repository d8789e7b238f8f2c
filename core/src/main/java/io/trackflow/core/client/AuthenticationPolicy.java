package io.trackflow.core.client;

import io.trackflow.core.auth.AuthStrategy;
import io.trackflow.core.error.UnauthorizedException;
import io.trackflow.core.http.HttpRequest;
import reactor.core.publisher.Mono;

/**
 * Authenticates every attempt of the call with the client's strategy (the transport stage applies
 * the credentials as each attempt is sent) and, when the call ends in a 401, asks the strategy
 * whether fresh credentials may help: if so the call runs once more, retries included.
 */
record AuthenticationPolicy(AuthStrategy auth) implements CallPolicy {

    @Override
    public <T> Mono<T> apply(Call<T> call, Next<T> next) {
        Call<T> authenticated = call.withAuth(auth);
        return next.proceed(authenticated).onErrorResume(UnauthorizedException.class, e -> {
            HttpRequest rejected = authenticated.state().lastSent();
            if (rejected == null) {
                return Mono.error(e);
            }
            return auth.onUnauthorized(rejected)
                    .flatMap(again -> again ? next.proceed(authenticated) : Mono.<T>error(e));
        });
    }
}
