package io.trackflow.core.auth;

import reactor.core.publisher.Mono;

/**
 * Supplies bearer tokens, e.g. from a secrets manager or an OAuth endpoint. Called when no valid
 * token is cached, at most one call at a time.
 */
@FunctionalInterface
public interface TokenProvider {

  /**
   * Fetches a fresh token.
   *
   * @return the token
   */
  Mono<AccessToken> fetchToken();
}
