package io.trackflow.core.auth;

import io.trackflow.core.http.HttpRequest;
import io.trackflow.core.internal.Checks;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** Sends an API key in a request header, e.g. {@code X-Api-Key}. Prints as {@code ****}. */
public final class ApiKeyAuth implements AuthStrategy {

    private final String headerName;
    private final String key;

    private ApiKeyAuth(String headerName, String key) {
        this.headerName = headerName;
        this.key = key;
    }

    /**
     * Sends {@code key} in the header {@code headerName}.
     *
     * @param headerName e.g. {@code X-Api-Key}
     * @param key the API key
     * @return the strategy
     * @throws IllegalArgumentException when the name is not a header token or the key is blank or
     *     holds control characters
     */
    public static ApiKeyAuth header(String headerName, String key) {
        Objects.requireNonNull(headerName, "headerName");
        Checks.headerName(headerName);
        return new ApiKeyAuth(headerName, Secrets.requireSecret(key, "apiKey"));
    }

    /** The header the key is sent in. */
    public String headerName() {
        return headerName;
    }

    @Override
    public Mono<HttpRequest> authenticate(HttpRequest request) {
        return Mono.just(request.withHeader(headerName, key));
    }

    @Override
    public String toString() {
        return "ApiKeyAuth{header=" + headerName + ", key=" + Secrets.MASK + "}";
    }
}
