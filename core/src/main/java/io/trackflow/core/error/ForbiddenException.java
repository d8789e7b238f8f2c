package io.trackflow.core.error;

/** Credentials are valid but not allowed to do this (HTTP 403). */
public final class ForbiddenException extends HttpStatusException {

    private static final long serialVersionUID = 1L;

    ForbiddenException(ErrorResponse response) {
        super(response);
    }

    ForbiddenException(ErrorResponse response, Facts facts) {
        super(response, facts);
    }
}
