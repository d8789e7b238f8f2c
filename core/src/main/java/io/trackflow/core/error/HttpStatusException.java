package io.trackflow.core.error;

import io.trackflow.core.http.HttpMethod;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The server answered with a status that is not a success. Subclasses name the common statuses;
 * a status without its own class (e.g. 410) is a plain {@code HttpStatusException}.
 *
 * <p>{@link #getMessage()} leads with the provider's message, then the status, method and URI (never
 * a credential), the field errors and the request id when the server sent one.
 */
public class HttpStatusException extends ApiException {

    private static final long serialVersionUID = 1L;
    private static final List<String> REQUEST_ID_HEADERS =
            List.of("x-request-id", "request-id", "x-amzn-requestid", "x-correlation-id", "cf-ray");

    private final ErrorResponse response;

    HttpStatusException(ErrorResponse response) {
        this(response, Facts.NONE);
    }

    HttpStatusException(ErrorResponse response, Facts facts) {
        super(describe(Objects.requireNonNull(response, "response")), null, facts);
        this.response = response;
    }

    /** The HTTP status code. */
    public int status() {
        return response.status();
    }

    /** The request method. */
    public HttpMethod method() {
        return response.method();
    }

    /** The request URI, without credentials. */
    public URI uri() {
        return response.uri();
    }

    /** The provider's error code or type, if the body had one. */
    public Optional<String> errorCode() {
        return response.body().errorCode();
    }

    /** The provider's message, if the body had one. */
    public Optional<String> providerMessage() {
        return response.body().message();
    }

    /** Field-level errors, empty when the body had none. */
    public List<FieldError> errors() {
        return response.body().errors();
    }

    /** The request id the server sent ({@code X-Request-Id} and common variants), if any. */
    public Optional<String> requestId() {
        return requestIdOf(response);
    }

    /** The first 2 KiB of the response body, as text. */
    public String bodyExcerpt() {
        return response.bodyExcerpt();
    }

    /** The delay the server asked for before a retry ({@code Retry-After}), if any. */
    public Optional<Duration> retryAfter() {
        return response.retryAfter();
    }

    /**
     * Returns the first value of a response header, any case.
     *
     * @param name the header name
     * @return the value, or empty
     */
    public Optional<String> header(String name) {
        List<String> v = response.headers().get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** Response headers, names lower-case. */
    public Map<String, List<String>> headers() {
        return response.headers();
    }

    /** Everything known about the failed exchange. */
    public ErrorResponse response() {
        return response;
    }

    private static Optional<String> requestIdOf(ErrorResponse r) {
        for (String h : REQUEST_ID_HEADERS) {
            List<String> v = r.headers().get(h);
            if (v != null && !v.isEmpty()) {
                return Optional.of(v.get(0));
            }
        }
        return Optional.empty();
    }

    private static String describe(ErrorResponse r) {
        StringBuilder b = new StringBuilder();
        r.body().message().ifPresent(m -> b.append(m).append(" ("));
        b.append("HTTP ")
                .append(r.status())
                .append(' ')
                .append(r.method())
                .append(' ')
                .append(r.uri());
        r.body().errorCode().ifPresent(c -> b.append(", code ").append(c));
        requestIdOf(r).ifPresent(id -> b.append(", request-id ").append(id));
        if (r.body().message().isPresent()) {
            b.append(')');
        }
        if (!r.body().errors().isEmpty()) {
            b.append(": ");
            for (int i = 0; i < r.body().errors().size(); i++) {
                b.append(i == 0 ? "" : "; ").append(r.body().errors().get(i));
            }
        }
        return b.toString();
    }
}
