package io.trackflow.core.error;

/** Credentials are missing, wrong or expired (HTTP 401). */
public class UnauthorizedException extends HttpStatusException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param response what is known about the failed exchange
   */
  public UnauthorizedException(ErrorResponse response) {
    super(response);
  }
}
