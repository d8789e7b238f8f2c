package io.trackflow.core.auth;

import reactor.core.publisher.Mono;

/**
 * Supplies bearer tokens, e.g. from a secrets manager or an OAuth endpoint. Called when no valid
 * token is cached, at most one call at a time.
 *
 * <p>The returned {@code Mono} may be subscribed on a Netty event loop or another non-blocking
 * thread: it must not block (wrap blocking code in {@code Mono.fromCallable(..)
 * .subscribeOn(Schedulers.boundedElastic())}). It is cancelled when it takes longer than the
 * strategy's fetch timeout (30 s by default) or when every caller waiting for it has gone.
 */
@FunctionalInterface
public interface TokenProvider {

    /**
     * Fetches a fresh token. Lazy: nothing should happen before subscription.
     *
     * @return the token (an empty {@code Mono} is an error)
     */
    Mono<AccessToken> fetchToken();
}
