package io.trackflow.core.testing;

import io.trackflow.core.error.ErrorResponse;
import io.trackflow.core.error.HttpStatusException;
import io.trackflow.core.error.TimeoutException;
import io.trackflow.core.error.TransportException;
import io.trackflow.core.error.internal.ErrorAccess;
import io.trackflow.core.http.HttpMethod;
import io.trackflow.core.http.HttpRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Exceptions for tests, made by the library's one error factory. */
public final class TestErrors {

    private static final HttpRequest REQUEST = HttpRequest.get(URI.create("https://api.example.com/x"));

    private TestErrors() {}

    /** A status error for a GET, with an optional Retry-After. */
    public static HttpStatusException status(int status, Optional<Duration> retryAfter) {
        return ErrorAccess.get()
                .status(ErrorResponse.builder()
                        .method(HttpMethod.GET)
                        .uri(REQUEST.uri())
                        .status(status)
                        .retryAfter(retryAfter)
                        .build());
    }

    /** A status error for a GET. */
    public static HttpStatusException status(int status) {
        return status(status, Optional.empty());
    }

    /** A transport failure; {@code connect}: the request never left. */
    public static TransportException transport(boolean connect) {
        return ErrorAccess.get().transport(REQUEST, connect ? "refused" : "reset", new IOException("x"), connect);
    }

    /** An exhausted local pool. */
    public static TransportException poolExhausted() {
        return ErrorAccess.get().poolExhausted(REQUEST, new IllegalStateException("full"));
    }

    /** A connect or response timeout. */
    public static TimeoutException timeout(TimeoutException.Kind kind) {
        return ErrorAccess.get().timeout(kind, REQUEST, new IOException("slow"));
    }
}
