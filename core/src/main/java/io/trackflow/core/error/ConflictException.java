package io.trackflow.core.error;

/** The request conflicts with the resource's state (HTTP 409). */
public class ConflictException extends HttpStatusException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param response what is known about the failed exchange
   */
  public ConflictException(ErrorResponse response) {
    super(response);
  }
}
