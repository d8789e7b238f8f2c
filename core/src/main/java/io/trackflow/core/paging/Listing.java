package io.trackflow.core.paging;

import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;

/**
 * A listing as a {@code Flux}: each subscription is a {@link PagingRun} of its own, started afresh.
 *
 * @param <T> the item type
 * @param <R> what is emitted: the items, or whole pages
 */
final class Listing<T, R> extends Flux<R> {

    private final OffsetPaginator<T> paginator;
    private final PageCursor from;
    private final int pageSize;
    private final int concurrency;
    private final boolean wholePages;

    Listing(OffsetPaginator<T> paginator, PageCursor from, int pageSize, int concurrency, boolean wholePages) {
        this.paginator = paginator;
        this.from = from;
        this.pageSize = pageSize;
        this.concurrency = concurrency;
        this.wholePages = wholePages;
    }

    @Override
    public void subscribe(CoreSubscriber<? super R> actual) {
        paginator.run(actual, from, pageSize, concurrency, wholePages);
    }

    @Override
    public String toString() {
        return paginator + (wholePages ? ".pages" : ".items") + "(from " + from.offset() + ")";
    }
}
