package io.trackflow.core.error;

import io.trackflow.core.http.HttpRequest;
import io.trackflow.core.http.HttpResponse;
import io.trackflow.core.paging.ListingFailures;
import io.trackflow.core.paging.PageCursor;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How trackflow's layers create errors: the face of this package's package-private {@code
 * ErrorFactory}, the one place exceptions are made (r2dbc-postgresql's {@code ExceptionFactory} is the
 * model). Exceptions have no public constructors and this interface is sealed, so the set of types and
 * the facts they carry stay the library's. The layers above this one ({@code auth}, {@code retry},
 * {@code ratelimit}, {@code client}) reach the factory through a package that is not exported, so an
 * application on the module path cannot obtain an instance.
 */
public sealed interface Errors extends ListingFailures permits ErrorFactory {

    /**
     * The typed error for a non-success response, its body read by {@code decoder} (which may fail:
     * the error then carries the status and excerpt only).
     *
     * @param request the request as sent, credentials included: what the response echoes of them is shown
     *     as {@code ****} (the error keeps its method and URI only)
     * @param response the response
     * @param decoder reads the provider's error body
     * @return the exception of the status's class
     */
    HttpStatusException status(HttpRequest request, HttpResponse response, ErrorDecoder decoder);

    /**
     * As {@link #status(HttpRequest, HttpResponse, ErrorDecoder)}, knowing what the authentication added to
     * the request: those headers' values are masked too, whatever their names.
     *
     * @param original the request before authentication
     * @param sent the request as sent, credentials included
     * @param response the response
     * @param decoder reads the provider's error body
     * @return the exception of the status's class
     */
    HttpStatusException status(HttpRequest original, HttpRequest sent, HttpResponse response, ErrorDecoder decoder);

    /**
     * The typed error for what is known about a failed exchange.
     *
     * @param response the failed exchange
     * @return the exception of the status's class
     */
    HttpStatusException status(ErrorResponse response);

    /**
     * A call the client's own rate limiter will not let wait: the hold would pass its deadline.
     *
     * @param request the request
     * @param wait how long the call would have waited
     * @param why what holds it
     * @return a {@link RateLimitException} with {@code retryAfter() == wait}
     */
    RateLimitException rateLimited(HttpRequest request, Duration wait, String why);

    /**
     * The 429 a call ends with because its {@code Retry-After} outlasts the call's deadline: the same error,
     * made anew with a message that says why it was not retried.
     *
     * @param error the 429
     * @param wait the server's {@code Retry-After}
     * @param left what was left of the deadline
     * @return the error to surface
     */
    RateLimitException notRetriedPastDeadline(RateLimitException error, Duration wait, Duration left);

    /**
     * A success body that does not fit the contract. What the body echoes of the credentials {@code sent}
     * carried is masked in the excerpt, the message and the causes' messages.
     *
     * @param request the request (before authentication)
     * @param sent the request as sent, with its credentials, or {@code null} when unknown (then only the
     *     usual credential headers of {@code request} count)
     * @param status the response status
     * @param body the body's first bytes: more than the excerpt's 2 KiB, so that a credential that
     *     crosses the excerpt's end is masked before the cut ({@link #EXCERPT_SOURCE_BYTES})
     * @param cause what the reader threw
     * @return the exception
     */
    DecodingException body(
            HttpRequest request, @Nullable HttpRequest sent, int status, ByteBuffer body, Throwable cause);

    /**
     * How much of a success body {@link #body} is given: the excerpt's 2 KiB and room for a credential
     * (a long JWT too) that crosses its end.
     */
    int EXCERPT_SOURCE_BYTES = 2048 + 16 * 1024;

    /**
     * A body over the transport's size limit.
     *
     * @param request the request
     * @param status the response status
     * @param maxBytes the limit
     * @return the exception
     */
    DecodingException tooLarge(HttpRequest request, int status, long maxBytes);

    /**
     * A page that does not advance the listing.
     *
     * @param offset the offset asked
     * @param what what was wrong with the answer
     * @return the exception
     */
    @Override
    DecodingException notAdvancing(long offset, String what);

    /**
     * A failure to exchange below HTTP, from JDK types (connect refused, unknown host, TLS, I/O).
     *
     * @param request the request
     * @param failure what the transport signalled
     * @return the exception: the failure itself when it already is an {@link ApiException}
     */
    ApiException transport(HttpRequest request, Throwable failure);

    /**
     * What a transport used on its own signalled (an I/O exception), as the error model names it, for a
     * decision about it (a retry): its message does not name the request.
     *
     * @param failure what the transport signalled
     * @return the typed error
     */
    ApiException named(Throwable failure);

    /**
     * A transport failure of a known kind.
     *
     * @param request the request
     * @param what a short description
     * @param cause the underlying failure
     * @param connectFailure whether the request provably never reached the server
     * @return the exception
     */
    TransportException transport(HttpRequest request, String what, Throwable cause, boolean connectFailure);

    /**
     * The local connection pool could not hand out a connection.
     *
     * @param request the request
     * @param cause the pool's error
     * @return the exception
     */
    TransportException poolExhausted(HttpRequest request, Throwable cause);

    /**
     * A connect or response time limit ran out.
     *
     * @param kind {@code CONNECT} or {@code RESPONSE}
     * @param request the request
     * @param cause the underlying failure
     * @return the exception
     */
    TimeoutException timeout(TimeoutException.Kind kind, HttpRequest request, Throwable cause);

    /**
     * The call's deadline ran out.
     *
     * @param request the request
     * @param total the total timeout
     * @param lastFailure the failure of the last attempt, if one failed
     * @param attempts the attempts made
     * @return the exception
     */
    TimeoutException total(HttpRequest request, Duration total, @Nullable Throwable lastFailure, int attempts);

    /**
     * Credentials could not be obtained.
     *
     * @param what a short description
     * @param cause the provider's failure, or {@code null}
     * @return the exception
     */
    CredentialsException credentials(String what, @Nullable Throwable cause);

    /**
     * The error as it surfaces after {@code attempts} attempts: itself when it says so already, else a
     * copy that does (an exception is never changed once made).
     *
     * @param error the error
     * @param attempts at least 1
     * @param <E> its type
     * @return the error to signal
     */
    <E extends ApiException> E withAttempts(E error, int attempts);

    /**
     * The error as it ends a listing: itself when it carries a resume cursor already (the innermost
     * listing's wins), else a copy with {@code cursor}.
     *
     * @param error the error
     * @param cursor the position of the first item not emitted
     * @param <E> its type
     * @return the error to signal
     */
    <E extends ApiException> E withResumeCursor(E error, PageCursor cursor);
}
