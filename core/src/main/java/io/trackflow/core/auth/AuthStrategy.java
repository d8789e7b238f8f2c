package io.trackflow.core.auth;

import io.trackflow.core.http.HttpRequest;
import reactor.core.publisher.Mono;

/**
 * Applies credentials to one attempt of a request. Called once per attempt (so a retried request
 * carries fresh credentials), never puts a credential in a URL, and prints as {@code ****}.
 */
public interface AuthStrategy {

    /**
     * Returns the request with credentials applied.
     *
     * @param request the request, without credentials
     * @return the authenticated request
     */
    Mono<HttpRequest> authenticate(HttpRequest request);

    /**
     * Told when an authenticated request was answered 401. A strategy that can refresh its credentials
     * drops the rejected ones and answers {@code true}: the request is then re-sent once with fresh
     * credentials. The default answers {@code false}.
     *
     * @param rejected the request as sent (with the rejected credentials)
     * @return whether a single re-try with fresh credentials makes sense
     */
    default Mono<Boolean> onUnauthorized(HttpRequest rejected) {
        return Mono.just(false);
    }

    /** No credentials at all. */
    static AuthStrategy none() {
        return new AuthStrategy() {
            @Override
            public Mono<HttpRequest> authenticate(HttpRequest request) {
                return Mono.just(request);
            }

            @Override
            public String toString() {
                return "AuthStrategy.none()";
            }
        };
    }
}
