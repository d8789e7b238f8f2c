package io.trackflow.core.error;

/** The resource does not exist (HTTP 404). */
public final class NotFoundException extends HttpStatusException {

    private static final long serialVersionUID = 1L;

    NotFoundException(ErrorResponse response) {
        super(response);
    }

    private NotFoundException(ErrorResponse response, Facts facts) {
        super(response, facts);
    }

    @Override
    NotFoundException with(Facts facts) {
        return new NotFoundException(response(), facts);
    }
}
