package io.trackflow.core.error;

/** The resource does not exist (HTTP 404). */
public final class NotFoundException extends HttpStatusException {

    private static final long serialVersionUID = 1L;

    NotFoundException(ErrorResponse response) {
        super(response);
    }

    NotFoundException(ErrorResponse response, Facts facts) {
        super(response, facts);
    }
}
