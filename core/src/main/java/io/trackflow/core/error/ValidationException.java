package io.trackflow.core.error;

/** The request was understood but a field is invalid (HTTP 422); see {@link #errors()}. */
public class ValidationException extends HttpStatusException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param response what is known about the failed exchange
   */
  public ValidationException(ErrorResponse response) {
    super(response);
  }
}
