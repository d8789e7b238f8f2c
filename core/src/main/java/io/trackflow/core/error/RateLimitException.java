package io.trackflow.core.error;

import java.time.Duration;
import java.util.Optional;

/**
 * Too many requests (HTTP 429). {@link #retryAfter()} carries the server's requested delay; when it
 * exceeds the policy's {@code maxRetryAfter}, this error surfaces instead of a long sleep.
 */
public final class RateLimitException extends HttpStatusException {

    private static final long serialVersionUID = 1L;

    RateLimitException(ErrorResponse response) {
        super(response);
    }

    RateLimitException(ErrorResponse response, Facts facts) {
        super(response, facts);
    }

    @Override
    public Optional<Duration> retryAfter() {
        return super.retryAfter();
    }
}
