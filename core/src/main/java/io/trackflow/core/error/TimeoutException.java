package io.trackflow.core.error;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A time limit ran out: connecting, waiting for response bytes, or the whole call. A {@link
 * Kind#TOTAL} timeout carries the failure of the last attempt, if one failed, as its {@link
 * #getCause() cause}.
 */
public final class TimeoutException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** Which time limit ran out. */
    public enum Kind {
        /** The connection was not established in time; the request never left. */
        CONNECT,
        /** The server sent no bytes for longer than the response timeout (slow first byte or stall). */
        RESPONSE,
        /** The whole call, retries included, took longer than the total timeout. */
        TOTAL
    }

    private final Kind kind;

    TimeoutException(Kind kind, String message, @Nullable Throwable cause) {
        this(kind, message, cause, Facts.NONE);
    }

    TimeoutException(Kind kind, String message, @Nullable Throwable cause, Facts facts) {
        super(message, cause, facts);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** Which time limit ran out. */
    public Kind kind() {
        return kind;
    }
}
