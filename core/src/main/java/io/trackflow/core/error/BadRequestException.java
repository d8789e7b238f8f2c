package io.trackflow.core.error;

/** The request was malformed or rejected (HTTP 400). */
public class BadRequestException extends HttpStatusException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param response what is known about the failed exchange
   */
  public BadRequestException(ErrorResponse response) {
    super(response);
  }
}
