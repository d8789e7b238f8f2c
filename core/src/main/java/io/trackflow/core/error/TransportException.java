package io.trackflow.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The exchange failed below HTTP: connection refused or reset, closed before or in the middle of a
 * response, TLS failure, DNS failure, connection pool exhausted.
 */
public class TransportException extends ApiException {

  private static final long serialVersionUID = 1L;

  private final boolean connectFailure;
  private final boolean poolExhausted;

  /**
   * Creates the exception.
   *
   * @param message what failed
   * @param cause the underlying failure
   * @param connectFailure whether the connection could not be established, so the request provably
   *     never reached the server
   */
  public TransportException(String message, @Nullable Throwable cause, boolean connectFailure) {
    this(message, cause, connectFailure, false);
  }

  TransportException(
      String message, @Nullable Throwable cause, boolean connectFailure, boolean poolExhausted) {
    super(message, cause);
    this.connectFailure = connectFailure;
    this.poolExhausted = poolExhausted;
  }

  /**
   * A connection pool that could not hand out a connection in time, or whose queue of pending
   * acquires is full. Not retried: it is local back-pressure, not a server failure.
   *
   * @param message what failed
   * @param cause the pool's error
   * @return the exception
   */
  public static TransportException poolExhausted(String message, Throwable cause) {
    return new TransportException(message, cause, true, true);
  }

  /** Whether the request provably never reached the server (it could not connect). */
  public boolean isConnectFailure() {
    return connectFailure;
  }

  /** Whether the local connection pool was exhausted. */
  public boolean isPoolExhausted() {
    return poolExhausted;
  }

  @Override
  public boolean isTransient() {
    return !poolExhausted;
  }
}
