package io.trackflow.core.error;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What an {@link ErrorDecoder} could read from an error response body. Every part is optional:
 * an error the body cannot explain is still reported, by status and excerpt.
 */
@Value.Immutable
public abstract class ErrorBody implements Serializable {

    private static final long serialVersionUID = 1L;

    ErrorBody() {}

    /** The provider's human-readable message. */
    public abstract Optional<String> message();

    /** The provider's error code or type (e.g. {@code 422}, {@code permission_error}). */
    public abstract Optional<String> errorCode();

    /** Field-level errors, in the order given. */
    public abstract List<FieldError> errors();

    /** A retry delay the body asked for (e.g. {@code retry_after}), if any. */
    public abstract Optional<Duration> retryAfter();

    /** Returns an empty body: nothing could be read. */
    public static ErrorBody empty() {
        return builder().build();
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ErrorBody} values. */
    public static final class Builder extends ImmutableErrorBody.Builder {
        Builder() {}
    }
}
