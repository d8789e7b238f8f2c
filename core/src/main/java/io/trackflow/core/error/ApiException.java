package io.trackflow.core.error;

import io.trackflow.core.paging.PageCursor;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Root of every error a trackflow client signals. Unchecked; never carries a credential.
 *
 * <p>The hierarchy is closed: every subclass is one of this package's, created by the library
 * only, so that callers can rely on the set of types ({@link HttpStatusException} and its
 * subclasses by status, {@link TransportException}, {@link TimeoutException}, {@link
 * DecodingException}, {@link CredentialsException}).
 *
 * <p>Two facts come from the layers that know them: {@link #attempts()} (how many times the call was
 * tried before this error surfaced) and {@link #resumeCursor()} (for a failed listing: the position
 * of the first item it did not emit, from which the listing can be resumed with no gap and no
 * duplicate). An exception is complete when made and never changed afterwards: a layer that learns
 * one of these facts signals a copy that carries it (same type, message, cause and stack trace).
 * Every failed call gets an exception instance of its own.
 */
public abstract class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final @Nullable PageCursor resumeCursor;
    private final int attempts;

    ApiException(String message, @Nullable Throwable cause) {
        this(message, cause, Facts.NONE);
    }

    ApiException(String message, @Nullable Throwable cause, Facts facts) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.attempts = facts.attempts;
        this.resumeCursor = facts.resumeCursor;
    }

    /**
     * Returns where a listing that ended with this error can be resumed: the position of the first
     * item not yet emitted. Empty for errors outside a listing.
     */
    public final Optional<PageCursor> resumeCursor() {
        return Optional.ofNullable(resumeCursor);
    }

    /** Returns how many attempts were made before this error surfaced (1 when not retried). */
    public final int attempts() {
        return attempts;
    }

    /** The facts of this exception. */
    final Facts facts() {
        return new Facts(attempts, resumeCursor);
    }

    /** How many attempts an error took and where its listing can resume: set when it is made. */
    static final class Facts {
        static final Facts NONE = new Facts(1, null);

        final int attempts;
        final @Nullable PageCursor resumeCursor;

        Facts(int attempts, @Nullable PageCursor resumeCursor) {
            this.attempts = attempts;
            this.resumeCursor = resumeCursor;
        }

        static Facts attempts(int attempts) {
            return new Facts(attempts, null);
        }
    }
}
