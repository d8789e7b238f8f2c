package io.trackflow.core.error;

/** The server failed (HTTP 5xx). */
public final class ServerException extends HttpStatusException {

    private static final long serialVersionUID = 1L;

    ServerException(ErrorResponse response) {
        super(response);
    }

    ServerException(ErrorResponse response, Facts facts) {
        super(response, facts);
    }
}
