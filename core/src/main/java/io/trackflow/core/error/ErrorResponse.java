package io.trackflow.core.error;

import io.trackflow.core.http.HttpMethod;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Everything known about a failed HTTP exchange, from which an {@link HttpStatusException} is built:
 * the request line (URI without credentials), the status, the response headers, what the {@link
 * ErrorDecoder} read from the body, and an excerpt of the body.
 */
@Value.Immutable
public abstract class ErrorResponse implements Serializable {

    private static final long serialVersionUID = 1L;

    ErrorResponse() {}

    /** The request method. */
    public abstract HttpMethod method();

    /** The request URI, without user-info. */
    public abstract URI uri();

    /** The status code. */
    public abstract int status();

    /** Response headers, names lower-case. */
    public abstract Map<String, List<String>> headers();

    /** What the decoder read from the body. */
    @Value.Default
    public ErrorBody body() {
        return ErrorBody.empty();
    }

    /** The body's first 2 KiB, as text. */
    @Value.Default
    public String bodyExcerpt() {
        return "";
    }

    /** The {@code Retry-After} delay: from the header (seconds or HTTP-date), else from the body. */
    @Value.Default
    public Optional<Duration> retryAfter() {
        return body().retryAfter();
    }

    /** Response headers that may carry credentials or session state: shown as {@code ****}. */
    static final Set<String> SENSITIVE =
            Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key");

    /**
     * Everything but the body, with the values of {@code Authorization}, {@code Proxy-Authorization},
     * {@code Cookie}, {@code Set-Cookie} and {@code X-Api-Key} headers shown as {@code ****}.
     */
    @Override
    public String toString() {
        StringBuilder h = new StringBuilder("{");
        for (Map.Entry<String, List<String>> e : headers().entrySet()) {
            if (h.length() > 1) {
                h.append(", ");
            }
            boolean secret = SENSITIVE.contains(e.getKey().toLowerCase(Locale.ROOT));
            h.append(e.getKey()).append('=').append(secret ? "[****]" : e.getValue());
        }
        h.append('}');
        return "ErrorResponse{method=" + method() + ", uri=" + uri() + ", status=" + status() + ", headers=" + h
                + ", body=" + body() + ", retryAfter="
                + retryAfter().map(Duration::toString).orElse("none") + "}";
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ErrorResponse} values. */
    public static final class Builder extends ImmutableErrorResponse.Builder {
        Builder() {}
    }
}
