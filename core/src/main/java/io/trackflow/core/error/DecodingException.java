package io.trackflow.core.error;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The response was not what the contract says: malformed or truncated JSON, an HTML page, a wrong
 * type, a body over the size limit, or paging headers that would make a listing loop. Not retried.
 */
public final class DecodingException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String bodyExcerpt;

    DecodingException(String message, @Nullable Throwable cause, int status, String bodyExcerpt, Facts facts) {
        super(message, cause, facts);
        this.status = status;
        this.bodyExcerpt = Objects.requireNonNull(bodyExcerpt, "bodyExcerpt");
    }

    /** The HTTP status of the response, if known. */
    public Optional<Integer> status() {
        return status == 0 ? Optional.empty() : Optional.of(status);
    }

    /** The first 2 KiB of the body. */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }
}
