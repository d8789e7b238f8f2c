package io.trackflow.core.error;

import io.trackflow.core.paging.PageCursor;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Root of every error a trackflow client signals. Unchecked; never carries a credential.
 *
 * <p>Two facts are attached by the layers that know them: {@link #attempts()} (by the retry layer:
 * how many times the call was tried before this error surfaced) and {@link #resumeCursor()} (by the
 * paginator: the position of the first item a failed listing did not emit, from which the listing
 * can be resumed with no gap and no duplicate).
 */
public abstract class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private volatile @Nullable PageCursor resumeCursor;
  private volatile int attempts = 1;

  /**
   * Creates an exception.
   *
   * @param message what went wrong, free of secrets
   * @param cause the underlying failure, or {@code null}
   */
  protected ApiException(String message, @Nullable Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
  }

  /**
   * Returns where a listing that ended with this error can be resumed: the position of the first
   * item not yet emitted. Empty for errors outside a listing.
   */
  public Optional<PageCursor> resumeCursor() {
    return Optional.ofNullable(resumeCursor);
  }

  /**
   * Records the resume position, once, like {@link Throwable#initCause}. Later calls are ignored,
   * so the innermost listing's position wins. Called by the paginator.
   *
   * @param cursor the position of the first item not emitted
   * @return this exception
   */
  public ApiException initResumeCursor(PageCursor cursor) {
    Objects.requireNonNull(cursor, "cursor");
    synchronized (this) {
      if (resumeCursor == null) {
        resumeCursor = cursor;
      }
    }
    return this;
  }

  /** Returns how many attempts were made before this error surfaced (1 when not retried). */
  public int attempts() {
    return attempts;
  }

  /**
   * Records the number of attempts made. Called by the retry layer.
   *
   * @param attempts at least 1
   * @return this exception
   */
  public ApiException initAttempts(int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be >= 1, was " + attempts);
    }
    this.attempts = attempts;
    return this;
  }

  /**
   * Whether a retry of an idempotent request may succeed. The retry layer also considers the HTTP
   * method and the {@code RetryPolicy}.
   */
  public boolean isTransient() {
    return false;
  }
}
