package io.trackflow.core.paging;

import reactor.core.publisher.Mono;

/**
 * Fetches one page of a listing: the provider's part of paging. Implementations fill {@link
 * Page#items()}, {@link Page#offset()} (as asked), {@link Page#limit()}, and what the server reported
 * (total, limit, offset, filter); the paginator does the rest.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface PageFetcher<T> {

  /**
   * Fetches up to {@code limit} items starting at {@code offset}.
   *
   * @param offset the offset asked
   * @param limit the page size asked
   * @return the page
   */
  Mono<Page<T>> fetch(long offset, int limit);
}
