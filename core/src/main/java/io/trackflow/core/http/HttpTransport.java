package io.trackflow.core.http;

import reactor.core.publisher.Mono;

/**
 * Sends one HTTP request and receives the whole response. Netty-free: the provider clients only see
 * this interface. Implementations must be thread-safe.
 *
 * <p>A response with any status is a value, not an error: status handling is the caller's. Errors
 * are limited to failures to exchange: {@link io.trackflow.core.error.TransportException}, {@link
 * io.trackflow.core.error.TimeoutException} and {@link io.trackflow.core.error.DecodingException}
 * (body over the size limit). The returned {@code Mono} is cold: nothing is sent before
 * subscription, and cancelling it abandons the exchange.
 */
public interface HttpTransport extends AutoCloseable {

  /**
   * Exchanges one request for its response.
   *
   * @param request the request, credentials already applied
   * @return the response
   */
  Mono<HttpResponse> send(HttpRequest request);

  /** Frees what this transport created (connection pools). A no-op by default. */
  @Override
  default void close() {}
}
