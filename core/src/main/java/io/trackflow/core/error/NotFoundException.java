package io.trackflow.core.error;

/** The resource does not exist (HTTP 404). */
public class NotFoundException extends HttpStatusException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param response what is known about the failed exchange
   */
  public NotFoundException(ErrorResponse response) {
    super(response);
  }
}
