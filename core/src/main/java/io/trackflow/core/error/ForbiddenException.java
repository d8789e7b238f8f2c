package io.trackflow.core.error;

/** Credentials are valid but not allowed to do this (HTTP 403). */
public class ForbiddenException extends HttpStatusException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param response what is known about the failed exchange
   */
  public ForbiddenException(ErrorResponse response) {
    super(response);
  }
}
