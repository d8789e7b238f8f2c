package io.trackflow.core.http.internal;

import java.io.IOException;

/**
 * What the Reactor Netty transport knows about a failed exchange beyond an I/O error: a time limit, an
 * exhausted pool, a connection closed before the response was whole, a body over the size limit. The
 * transport sits below the error model and names no exception of it; the error model reads this and
 * makes the typed error ({@code TimeoutException}, {@code TransportException}, {@code
 * DecodingException}), as it does for the JDK's I/O exceptions. Not exported.
 */
public final class TransportFailure extends IOException {

    private static final long serialVersionUID = 1L;

    /** What ended the exchange. */
    public enum Kind {
        /** No connection within the connect timeout. */
        CONNECT_TIMEOUT,
        /** No response bytes within the response timeout. */
        RESPONSE_TIMEOUT,
        /** The connection pool could not hand out a connection. */
        POOL_EXHAUSTED,
        /** The connection closed before the response was complete. */
        CLOSED_EARLY,
        /** The response body exceeds the transport's limit (its connection is not reused). */
        TOO_LARGE,
        /**
         * A success's body does not decode from its content coding (a {@code Content-Encoding: gzip}
         * that is not gzip): what the server sent is not a body (its connection is not reused).
         */
        UNDECODABLE
    }

    private final Kind kind;
    private final int status;
    private final long maxBytes;

    private TransportFailure(Kind kind, String message, Throwable cause, int status, long maxBytes) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.maxBytes = maxBytes;
    }

    /**
     * A failure of a kind other than {@link Kind#TOO_LARGE}.
     *
     * @param kind what ended the exchange
     * @param cause what Netty signalled
     * @return the failure
     */
    public static TransportFailure of(Kind kind, Throwable cause) {
        if (kind == Kind.TOO_LARGE || kind == Kind.UNDECODABLE) {
            throw new IllegalArgumentException("kind: use tooLarge(status, maxBytes) or undecodable(status, cause)");
        }
        return new TransportFailure(kind, String.valueOf(cause.getMessage()), cause, 0, 0);
    }

    /**
     * A body over the limit.
     *
     * @param status the response status
     * @param maxBytes the limit, in bytes
     * @return the failure
     */
    public static TransportFailure tooLarge(int status, long maxBytes) {
        return new TransportFailure(Kind.TOO_LARGE, "body exceeds " + maxBytes + " bytes", null, status, maxBytes);
    }

    /**
     * A success's body that does not decode from its content coding.
     *
     * @param status the response status
     * @param cause what the decoder said
     * @return the failure
     */
    public static TransportFailure undecodable(int status, Throwable cause) {
        return new TransportFailure(
                Kind.UNDECODABLE, "body does not decode (" + cause.getMessage() + ")", cause, status, 0);
    }

    /** @return what ended the exchange */
    public Kind kind() {
        return kind;
    }

    /** @return the response status for {@link Kind#TOO_LARGE} and {@link Kind#UNDECODABLE}, else 0 */
    public int status() {
        return status;
    }

    /** @return the size limit in bytes for {@link Kind#TOO_LARGE}, else 0 */
    public long maxBytes() {
        return maxBytes;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // a description, not a place: the cause keeps Netty's trace
    }
}
