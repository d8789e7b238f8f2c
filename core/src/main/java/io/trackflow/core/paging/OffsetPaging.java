package io.trackflow.core.paging;

import reactor.core.publisher.Mono;

/**
 * Offset paging ({@code offset}/{@code limit}): the items at an offset are asked for as they are, and
 * the size in force is the size asked, or the limit the server says it applied, or the length of a
 * page it clamped without saying (a page shorter than asked while its total says more follow).
 *
 * @param <T> the item type
 */
final class OffsetPaging<T> implements PagingStyle<T> {

    private final PageFetcher<T> fetcher;

    OffsetPaging(PageFetcher<T> fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public Mono<PageResponse<T>> fetch(long offset, int limit) {
        return fetcher.fetch(offset, limit);
    }

    @Override
    public int firstLimit(long start, long end, int pageSize) {
        return PagingStyle.limitFor(start, end, pageSize);
    }

    @Override
    public int sizeAfter(PageResponse<T> first, int pageSize, int firstLimit, boolean moreFollow) {
        int size = pageSize;
        if (first.limit().isPresent() && first.limit().getAsInt() > 0) {
            size = Math.min(size, first.limit().getAsInt());
        }
        int n = first.items().size();
        if (moreFollow && n > 0 && n < firstLimit) {
            size = Math.min(size, n); // the server clamped the page size without saying
        }
        return size;
    }

    @Override
    public int sizeInForce(int size) {
        return size;
    }

    @Override
    public int against(long at, int limit) {
        return limit;
    }

    @Override
    public String toString() {
        return fetcher.toString();
    }
}
