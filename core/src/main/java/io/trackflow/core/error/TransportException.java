package io.trackflow.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The exchange failed below HTTP: connection refused or reset, closed before or in the middle of a
 * response, TLS failure, DNS failure, connection pool exhausted.
 */
public final class TransportException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final boolean connectFailure;
    private final boolean poolExhausted;

    TransportException(
            String message, @Nullable Throwable cause, boolean connectFailure, boolean poolExhausted, Facts facts) {
        super(message, cause, facts);
        this.connectFailure = connectFailure && !poolExhausted;
        this.poolExhausted = poolExhausted;
    }

    /**
     * Whether the request provably never reached the server: the connection could not be made. False
     * for an exhausted local pool (no connection was attempted; see {@link #isPoolExhausted()}).
     */
    public boolean isConnectFailure() {
        return connectFailure;
    }

    /**
     * Whether the local connection pool could not hand out a connection in time, or its queue of
     * pending acquires was full: local back-pressure, not a server failure, and not retried.
     */
    public boolean isPoolExhausted() {
        return poolExhausted;
    }
}
