package io.trackflow.core.paging;

import reactor.core.publisher.Mono;

/**
 * Fetches one page of a listing that is addressed by page number (as Laravel's {@code paginate}
 * serves it: {@code page} from 1 and a page size): the provider's part of page-number paging. It asks
 * the server for page {@code page} of {@code perPage} items and reports what the server answered,
 * including what it said about the page (the page it served, the size in force, totals); {@link
 * OffsetPaginator#ofPageNumbers} does the rest.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface PageNumberFetcher<T> {

    /**
     * Fetches page {@code page} of {@code perPage} items.
     *
     * @param page the page number asked, from 1
     * @param perPage the page size asked, at least 1
     * @return the server's answer
     */
    Mono<PageNumberResponse<T>> fetch(long page, int perPage);
}
