package io.trackflow.core.error;

import io.trackflow.core.http.HttpRequest;
import io.trackflow.core.http.HttpResponse;
import io.trackflow.core.http.internal.TransportFailure;
import io.trackflow.core.paging.PageCursor;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * The one place where trackflow's exceptions are created: from a response, a malformed body, a
 * transport failure, a page that does not advance, a deadline, or a token provider. Messages name
 * the request (method and URI, never a header) and never a credential.
 */
final class ErrorFactory implements Errors {

    private static final int EXCERPT_BYTES = 2048;
    private static final Clock CLOCK = Clock.systemUTC();

    static final ErrorFactory INSTANCE = new ErrorFactory();

    /** Stands for the request in a failure named without one ({@link #named}): never sent, never shown. */
    private static final HttpRequest NO_REQUEST = HttpRequest.get(URI.create("http://request.invalid/"));

    private ErrorFactory() {}

    @Override
    public HttpStatusException status(HttpRequest request, HttpResponse answer, ErrorDecoder decoder) {
        return status(null, request, answer, decoder);
    }

    @Override
    public HttpStatusException status(
            @Nullable HttpRequest original, HttpRequest request, HttpResponse answer, ErrorDecoder decoder) {
        HttpResponse response = EchoedSecrets.scrubbed(original, request, answer);
        ErrorBody body;
        try {
            body = decoder.decode(response);
        } catch (RuntimeException | StackOverflowError e) {
            body = ErrorBody.empty();
        }
        Optional<Duration> retryAfter = response.header("Retry-After")
                .flatMap(v -> RetryAfter.parse(v, CLOCK, response.header("Date").orElse(null)))
                .or(body::retryAfter);
        ErrorResponse error = ErrorResponse.builder()
                .method(request.method())
                .uri(request.uri())
                .status(response.status())
                .headers(response.headers())
                .body(body)
                .bodyExcerpt(Excerpts.of(response.body().duplicate(), EXCERPT_BYTES))
                .retryAfter(retryAfter)
                .build();
        return of(error);
    }

    @Override
    public HttpStatusException status(ErrorResponse response) {
        return of(response);
    }

    /** The exception of the right class for the response's status. */
    static HttpStatusException of(ErrorResponse response) {
        return of(response, ApiException.Facts.NONE);
    }

    private static HttpStatusException of(ErrorResponse response, ApiException.Facts facts) {
        return switch (response.status()) {
            case 400 -> new BadRequestException(response, facts);
            case 401 -> new UnauthorizedException(response, facts);
            case 403 -> new ForbiddenException(response, facts);
            case 404 -> new NotFoundException(response, facts);
            case 409 -> new ConflictException(response, facts);
            case 422 -> new ValidationException(response, facts);
            case 429 -> new RateLimitException(response, facts);
            default ->
                response.status() >= 500 && response.status() <= 599
                        ? new ServerException(response, facts)
                        : new HttpStatusException(response, facts);
        };
    }

    /**
     * A copy of an error with other facts: the same type (the hierarchy is closed, and a status error's
     * type follows from its status), message, cause, stack trace and suppressed exceptions.
     */
    @SuppressWarnings("unchecked")
    static <E extends ApiException> E copy(E error, ApiException.Facts facts) {
        ApiException made;
        if (error instanceof HttpStatusException) {
            made = of(((HttpStatusException) error).response(), facts);
        } else if (error instanceof TransportException) {
            TransportException t = (TransportException) error;
            made = new TransportException(
                    t.getMessage(), t.getCause(), t.isConnectFailure(), t.isPoolExhausted(), facts);
        } else if (error instanceof TimeoutException) {
            TimeoutException t = (TimeoutException) error;
            made = new TimeoutException(t.kind(), t.getMessage(), t.getCause(), facts);
        } else if (error instanceof DecodingException) {
            DecodingException d = (DecodingException) error;
            made = new DecodingException(
                    d.getMessage(), d.getCause(), d.status().orElse(0), d.bodyExcerpt(), facts);
        } else if (error instanceof CredentialsException) {
            made = new CredentialsException(error.getMessage(), error.getCause(), facts);
        } else {
            throw new IllegalStateException("not an error of the closed hierarchy: " + error.getClass());
        }
        made.setStackTrace(error.getStackTrace());
        for (Throwable t : error.getSuppressed()) {
            made.addSuppressed(t);
        }
        return (E) made;
    }

    @Override
    public RateLimitException rateLimited(HttpRequest request, Duration wait, String why) {
        return new RateLimitException(ErrorResponse.builder()
                .method(request.method())
                .uri(request.uri())
                .status(429)
                .body(ErrorBody.builder().message(why).build())
                .retryAfter(Optional.of(wait))
                .build());
    }

    @Override
    public RateLimitException notRetriedPastDeadline(RateLimitException error, Duration wait, Duration left) {
        ErrorResponse r = error.response();
        String note = "not retried: its Retry-After of " + seconds(wait) + " outlasts the call's deadline ("
                + seconds(left) + " left)";
        ErrorBody body = ErrorBody.builder()
                .from(r.body())
                .message(r.body().message().map(m -> m + "; " + note).orElse(note))
                .build();
        return new RateLimitException(ErrorResponse.builder().from(r).body(body).build(), error.facts());
    }

    private static String seconds(Duration d) {
        long ms = Math.max(0, d.toMillis());
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    @Override
    public DecodingException body(
            HttpRequest request, @Nullable HttpRequest sent, int status, ByteBuffer body, Throwable cause) {
        EchoedSecrets.Masker masker = EchoedSecrets.of(sent != null ? request : null, sent != null ? sent : request);
        String excerpt = masker.excerpt(body, EXCERPT_BYTES); // masked, then cut: no credential shows in part
        String trimmed = excerpt.stripLeading();
        String what;
        if (trimmed.startsWith("<")) {
            what = "an HTML/XML page instead of JSON";
        } else if (trimmed.isEmpty()) {
            what = "an empty body";
        } else {
            String reason = cause instanceof JacksonException
                    ? ((JacksonException) cause).getOriginalMessage()
                    : String.valueOf(cause.getMessage());
            what = "a body that does not match the contract (" + reason + ")";
        }
        return new DecodingException(
                masker.mask("HTTP " + status + " " + request + " returned " + what),
                masker.mask(cause),
                status,
                excerpt,
                ApiException.Facts.NONE);
    }

    @Override
    public DecodingException tooLarge(HttpRequest request, int status, long maxBytes) {
        return new DecodingException(
                "response body of " + request + " exceeds the limit of " + maxBytes + " bytes",
                null,
                status,
                "",
                ApiException.Facts.NONE);
    }

    @Override
    public DecodingException notAdvancing(long offset, String what) {
        return new DecodingException(
                "the page asked at offset " + offset + " " + what + ": the server (or a proxy) ignores"
                        + " the position asked (an offset or a page number); the listing stops here instead of"
                        + " repeating items",
                null,
                0,
                "",
                ApiException.Facts.NONE);
    }

    @Override
    public ApiException transport(HttpRequest request, Throwable e) {
        if (e instanceof ApiException) {
            return (ApiException) e;
        }
        if (e instanceof TransportFailure) {
            return named(request, (TransportFailure) e);
        }
        if (e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException) {
            return transport(request, "could not connect (" + e.getMessage() + ")", e, true);
        }
        if (e instanceof SSLException) {
            return transport(request, "TLS failure (" + e.getMessage() + ")", e, false);
        }
        if (e instanceof IOException) {
            return transport(request, "I/O failure (" + e.getMessage() + ")", e, false);
        }
        return transport(request, "transport failure (" + e + ")", e, false);
    }

    @Override
    public ApiException named(Throwable failure) {
        return transport(NO_REQUEST, failure);
    }

    /** The typed error for what the transport said ended an exchange. */
    private ApiException named(HttpRequest request, TransportFailure f) {
        Throwable cause = f.getCause() != null ? f.getCause() : f;
        return switch (f.kind()) {
            case CONNECT_TIMEOUT -> timeout(TimeoutException.Kind.CONNECT, request, cause);
            case RESPONSE_TIMEOUT -> timeout(TimeoutException.Kind.RESPONSE, request, cause);
            case POOL_EXHAUSTED -> poolExhausted(request, cause);
            case CLOSED_EARLY -> transport(request, "connection closed prematurely", cause, false);
            case TOO_LARGE -> tooLarge(request, f.status(), f.maxBytes());
            case UNDECODABLE ->
                new DecodingException(
                        "HTTP " + f.status() + " " + request + " returned a body that does not decode from its"
                                + " Content-Encoding (" + cause.getMessage() + ")",
                        cause,
                        f.status(),
                        "",
                        ApiException.Facts.NONE);
        };
    }

    @Override
    public TransportException transport(HttpRequest request, String what, Throwable cause, boolean connectFailure) {
        return new TransportException(what + ": " + request, cause, connectFailure, false, ApiException.Facts.NONE);
    }

    @Override
    public TransportException poolExhausted(HttpRequest request, Throwable cause) {
        return new TransportException(
                "connection pool exhausted (" + cause.getMessage() + "): " + request,
                cause,
                false,
                true,
                ApiException.Facts.NONE);
    }

    @Override
    public TimeoutException timeout(TimeoutException.Kind kind, HttpRequest request, Throwable cause) {
        String what = kind == TimeoutException.Kind.CONNECT
                ? "connect timed out: "
                : "no response bytes within the response timeout: ";
        return new TimeoutException(kind, what + request, cause);
    }

    @Override
    public TimeoutException total(HttpRequest request, Duration total, @Nullable Throwable lastFailure, int attempts) {
        String last = lastFailure == null ? "" : " (last failure: " + lastFailure.getMessage() + ")";
        return new TimeoutException(
                TimeoutException.Kind.TOTAL,
                "call exceeded the total timeout of " + total.toMillis() + " ms after " + attempts
                        + (attempts == 1 ? " attempt: " : " attempts: ") + request + last,
                lastFailure,
                ApiException.Facts.attempts(Math.max(1, attempts)));
    }

    @Override
    public CredentialsException credentials(String what, @Nullable Throwable cause) {
        String reason = cause == null ? "" : ": " + cause;
        return new CredentialsException(what + reason, cause);
    }

    @Override
    public <E extends ApiException> E withAttempts(E error, int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1, was " + attempts);
        }
        return error.attempts() == attempts
                ? error
                : copy(
                        error,
                        new ApiException.Facts(attempts, error.resumeCursor().orElse(null)));
    }

    @Override
    public Throwable endingAt(Throwable failure, PageCursor resumeAt) {
        return failure instanceof ApiException ? withResumeCursor((ApiException) failure, resumeAt) : failure;
    }

    @Override
    public <E extends ApiException> E withResumeCursor(E error, PageCursor cursor) {
        Objects.requireNonNull(cursor, "cursor");
        // the innermost listing's position wins: an error that has one keeps it
        return error.resumeCursor().isPresent() ? error : copy(error, new ApiException.Facts(error.attempts(), cursor));
    }
}
