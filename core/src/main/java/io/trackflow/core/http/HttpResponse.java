package io.trackflow.core.http;

import io.trackflow.core.internal.HeaderMaps;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One HTTP response, fully received: status, headers and body.
 *
 * <p>Header names are stored lower-case; {@link #header(String)} matches any case. The body is a
 * read-only buffer shared without copying; use {@link #bodyStream()} to read it.
 */
@Value.Immutable
public abstract class HttpResponse {

    /** An empty body. */
    static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();

    HttpResponse() {}

    /** The status code. */
    public abstract int status();

    /** Headers, names lower-case, values in the order received. */
    public abstract Map<String, List<String>> headers();

    /** The body, as a read-only buffer (position 0). Do not assume it has an accessible array. */
    @Value.Redacted
    public abstract ByteBuffer body();

    /** Whether the status is 2xx. */
    public final boolean isSuccess() {
        return status() >= 200 && status() < 300;
    }

    /**
     * Returns the first value of a header, matched case-insensitively.
     *
     * @param name the header name
     * @return the value, or empty
     */
    public final Optional<String> header(String name) {
        List<String> values = headers().get(Headers.lower(name));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * A header's first value as a non-negative whole number, e.g. {@code X-Pagination-Total-Count}.
     *
     * @param name the header name, any case
     * @return the number; empty when the header is missing, not a number, or negative
     */
    public final OptionalLong headerAsLong(String name) {
        Optional<String> v = header(name);
        if (v.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long n = Long.parseLong(v.get().trim());
            return n >= 0 ? OptionalLong.of(n) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * A header's first value as a positive {@code int}, e.g. {@code X-Pagination-Limit}.
     *
     * @param name the header name, any case
     * @return the number; empty when missing, not a number, zero, negative or too large
     */
    public final OptionalInt headerAsPositiveInt(String name) {
        OptionalLong v = headerAsLong(name);
        return v.isPresent() && v.getAsLong() > 0 && v.getAsLong() <= Integer.MAX_VALUE
                ? OptionalInt.of((int) v.getAsLong())
                : OptionalInt.empty();
    }

    /** The body length in bytes. */
    public final int bodyLength() {
        return body().remaining();
    }

    /** A fresh stream over the body (no copy). */
    public final InputStream bodyStream() {
        return new BufferStream(body().duplicate());
    }

    /** A copy of the body bytes. */
    public final byte[] bodyBytes() {
        ByteBuffer b = body().duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    /** The body decoded as UTF-8. */
    public final String bodyAsString() {
        return new String(bodyBytes(), StandardCharsets.UTF_8);
    }

    @Value.Check
    final HttpResponse normalize() {
        boolean lower = true;
        for (String k : headers().keySet()) {
            lower &= k.equals(Headers.lower(k)); // lower() copies nothing for a name already lower-case ASCII
        }
        boolean readOnly = body().isReadOnly() && body().position() == 0;
        if (lower && readOnly && HeaderMaps.readOnly(headers())) {
            return this;
        }
        Map<String, List<String>> h = new LinkedHashMap<>();
        headers().forEach((k, v) -> h.merge(Headers.lower(k), List.copyOf(v), HeaderMaps::concat));
        return ImmutableHttpResponse.builder()
                .status(status())
                .headers(h)
                .body(body().slice().asReadOnlyBuffer())
                .build();
    }

    @Override
    public String toString() {
        return "HttpResponse{status=" + status() + ", bodyLength=" + bodyLength() + "}";
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A response with a body given as bytes (copied) and no headers; handy in tests.
     *
     * @param status the status
     * @param body the body
     * @return the response
     */
    public static HttpResponse of(int status, byte[] body) {
        return builder()
                .status(status)
                .body(ByteBuffer.wrap(body.clone()).asReadOnlyBuffer())
                .build();
    }

    /** Builds {@link HttpResponse} values. */
    public static final class Builder extends ImmutableHttpResponse.Builder {
        Builder() {}

        /**
         * Adds one header value.
         *
         * @param name the name (stored lower-case)
         * @param value the value
         * @return this builder
         */
        public Builder header(String name, String value) {
            putHeaders(Headers.lower(name), List.of(value));
            return this;
        }
    }
}
