package io.trackflow.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The client could not obtain credentials for a request: its token provider failed, answered with
 * no token, or did not answer within the token-fetch timeout. Nothing was sent. Not retried by the
 * retry policy; the next call asks the provider afresh. The provider's own failure is the {@link
 * #getCause() cause}.
 */
public final class CredentialsException extends ApiException {

    private static final long serialVersionUID = 1L;

    CredentialsException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    CredentialsException(String message, @Nullable Throwable cause, Facts facts) {
        super(message, cause, facts);
    }
}
