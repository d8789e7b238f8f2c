package io.trackflow.core.error;

/** The server failed (HTTP 5xx). */
public class ServerException extends HttpStatusException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param response what is known about the failed exchange
   */
  public ServerException(ErrorResponse response) {
    super(response);
  }
}
