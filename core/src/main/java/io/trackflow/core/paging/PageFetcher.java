package io.trackflow.core.paging;

import reactor.core.publisher.Mono;

/**
 * Fetches one page of a listing: the provider's part of paging. It asks the server for {@code
 * limit} items from {@code offset} and reports what the server answered, including what it said
 * about the page (total, limit applied, offset); the paginator does the rest.
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
     * @return the server's answer
     */
    Mono<PageResponse<T>> fetch(long offset, int limit);
}
