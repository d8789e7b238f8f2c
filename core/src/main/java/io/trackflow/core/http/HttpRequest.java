package io.trackflow.core.http;

import io.trackflow.core.internal.Checks;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One HTTP request, as a value: method, absolute URI, headers and an optional body.
 *
 * <p>Header values are validated (no CR/LF), so a request can never smuggle a header. The {@link
 * #toString()} shows the method and URI only: headers may hold credentials.
 */
@Value.Immutable
public abstract class HttpRequest {

    HttpRequest() {}

    /** The method. */
    public abstract HttpMethod method();

    /** The absolute {@code http} or {@code https} URI, query included. */
    public abstract URI uri();

    /** Headers to send, in insertion order. Names are matched case-insensitively by {@link #header}. */
    public abstract Map<String, String> headers();

    /**
     * The body bytes, empty without a body. The array is copied when set and each time it is read, so
     * the request cannot be changed through it.
     */
    @Value.Redacted
    @Value.Default
    public byte[] content() {
        return new byte[0];
    }

    /** The request body, if any (not empty): a copy, so changing it does not change the request. */
    public final Optional<byte[]> body() {
        byte[] b = content();
        return b.length == 0 ? Optional.empty() : Optional.of(b);
    }

    /**
     * Returns the value of a header, matched case-insensitively.
     *
     * @param name the header name
     * @return the value, or empty
     */
    public final Optional<String> header(String name) {
        for (Map.Entry<String, String> e : headers().entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * Returns a copy with the header set, replacing any header of the same name (case-insensitive).
     *
     * @param name the header name
     * @param value the value
     * @return the new request
     */
    public final HttpRequest withHeader(String name, String value) {
        // the builder's words, as before
        Objects.requireNonNull(name, "headers key");
        Objects.requireNonNull(value, () -> "headers value for key: " + name);
        Map<String, String> headers = headers();
        Map<String, String> copy = new LinkedHashMap<>((int) ((headers.size() + 1) / 0.75f) + 1);
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (!e.getKey().equalsIgnoreCase(name)) {
                copy.put(e.getKey(), e.getValue());
            }
        }
        copy.put(name, value);
        // one copy into the new value (a builder would copy the map three times: from, headers, build)
        return ((ImmutableHttpRequest) this).withHeaders(copy);
    }

    @Value.Check
    final void check() {
        String scheme = uri().getScheme();
        if (!uri().isAbsolute()
                || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                || uri().getHost() == null) {
            throw new IllegalArgumentException("uri must be an absolute http(s) URI with a host");
        }
        for (Map.Entry<String, String> e : headers().entrySet()) {
            Checks.headerName(e.getKey());
            Checks.headerValue(e.getKey(), e.getValue());
        }
    }

    @Override
    public String toString() {
        return method() + " " + uri();
    }

    /** Returns the body decoded as UTF-8, or an empty string. */
    public final String bodyAsString() {
        return new String(content(), StandardCharsets.UTF_8);
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A GET request for an absolute URI.
     *
     * @param uri the URI
     * @return the request
     */
    public static HttpRequest get(URI uri) {
        return builder().method(HttpMethod.GET).uri(uri).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof HttpRequest)) {
            return false;
        }
        HttpRequest r = (HttpRequest) o;
        return method() == r.method()
                && uri().equals(r.uri())
                && headers().equals(r.headers())
                && Arrays.equals(content(), r.content());
    }

    @Override
    public int hashCode() {
        return method().hashCode() * 31 + uri().hashCode();
    }

    /** Builds {@link HttpRequest} values. */
    public static final class Builder extends ImmutableHttpRequest.Builder {
        Builder() {}

        /**
         * Sets the body; the array is copied, so changing it afterwards does not change the request.
         *
         * @param body the bytes
         * @return this builder
         */
        public Builder body(byte[] body) {
            content(body);
            return this;
        }
    }
}
