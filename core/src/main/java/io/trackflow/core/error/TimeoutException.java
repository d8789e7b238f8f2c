package io.trackflow.core.error;

import org.jspecify.annotations.Nullable;

/** A time limit ran out: connecting, waiting for response bytes, or the whole call. */
public class TimeoutException extends ApiException {

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

  /**
   * Creates the exception.
   *
   * @param kind which limit ran out
   * @param message what timed out
   * @param cause the underlying failure, or {@code null}
   */
  public TimeoutException(Kind kind, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.kind = java.util.Objects.requireNonNull(kind, "kind");
  }

  /** Which time limit ran out. */
  public Kind kind() {
    return kind;
  }

  @Override
  public boolean isTransient() {
    return kind != Kind.TOTAL;
  }
}
