package io.trackflow.core.error;

/** Credentials are missing, wrong or expired (HTTP 401). */
public final class UnauthorizedException extends HttpStatusException {

    private static final long serialVersionUID = 1L;

    UnauthorizedException(ErrorResponse response) {
        super(response);
    }

    UnauthorizedException(ErrorResponse response, Facts facts) {
        super(response, facts);
    }
}
