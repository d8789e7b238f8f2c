package io.trackflow.core.error;

/** The request was understood but a field is invalid (HTTP 422); see {@link #errors()}. */
public final class ValidationException extends HttpStatusException {

    private static final long serialVersionUID = 1L;

    ValidationException(ErrorResponse response) {
        super(response);
    }

    ValidationException(ErrorResponse response, Facts facts) {
        super(response, facts);
    }
}
