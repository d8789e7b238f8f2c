package io.trackflow.core.internal;

import io.trackflow.core.http.HttpResponse;

/**
 * Decodes a successful response.
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface BodyReader<T> {

  /**
   * Reads the body.
   *
   * @param response the 2xx response
   * @return the value, never null
   * @throws Exception when the body does not fit the contract
   */
  T read(HttpResponse response) throws Exception;
}
