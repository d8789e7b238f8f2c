package io.trackflow.core.error;

/** The request was malformed or rejected (HTTP 400). */
public final class BadRequestException extends HttpStatusException {

    private static final long serialVersionUID = 1L;

    BadRequestException(ErrorResponse response) {
        super(response);
    }

    BadRequestException(ErrorResponse response, Facts facts) {
        super(response, facts);
    }
}
