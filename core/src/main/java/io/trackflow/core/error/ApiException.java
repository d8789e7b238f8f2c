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
 * <p>Two facts are attached by the layers that know them: {@link #attempts()} (how many times the
 * call was tried before this error surfaced) and {@link #resumeCursor()} (for a failed listing: the
 * position of the first item it did not emit, from which the listing can be resumed with no gap and
 * no duplicate). Every failed call gets an exception instance of its own.
 */
public abstract class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private volatile @Nullable PageCursor resumeCursor;
    private volatile int attempts = 1;

    ApiException(String message, @Nullable Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
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

    /** Records the resume position once: the innermost listing's position wins. */
    final synchronized void setResumeCursor(PageCursor cursor) {
        if (resumeCursor == null) {
            resumeCursor = cursor;
        }
    }

    final void setAttempts(int attempts) {
        this.attempts = attempts;
    }
}
