package io.trackflow.core.error;

/** The request conflicts with the resource's state (HTTP 409). */
public final class ConflictException extends HttpStatusException {

    private static final long serialVersionUID = 1L;

    ConflictException(ErrorResponse response) {
        super(response);
    }

    ConflictException(ErrorResponse response, Facts facts) {
        super(response, facts);
    }
}
