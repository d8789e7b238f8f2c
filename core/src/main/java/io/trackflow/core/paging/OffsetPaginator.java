package io.trackflow.core.paging;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.IntFunction;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * Turns a {@link PageFetcher} into listings: ordered, demand-driven, with bounded concurrency.
 *
 * <p>Rules (see {@code docs/decisions.md}, Paging): each page advances by the items actually returned, never by the limit
 * asked, since servers may clamp it. The listing stops at the total count, on an empty page, or
 * (when the server gives no total) on a page shorter than the page size the server says it applied.
 * A server that clamps the page size is detected on the first page (fewer items than asked while the
 * total says more exist); later pages are then asked at that size, and any page that still comes
 * back short is completed by further requests before the next page's items are emitted, so nothing
 * is skipped. Every page is checked to advance: one whose reported offset differs from the offset
 * asked, or that starts with the same item as the page before it (by {@code equals}, or by what {@link
 * #identifiedBy} names), ends the listing with a {@link
 * io.trackflow.core.error.DecodingException} instead of repeating items; a page found beyond an empty
 * one (the listing shrank) is not emitted after the gap.
 *
 * <p>With the total known after the first page, later pages are fetched up to {@code concurrency} at
 * a time and emitted in order; fetching is driven by demand (the first page is fetched on the first
 * request, later ones only once items beyond the first page are requested), so memory stays bounded
 * by {@code (concurrency + 1)} pages. Every subscription starts afresh; cancelling stops fetches in
 * flight. A page that fails (its answer, or the fetcher when asked) ends the listing in order, after the
 * items before it; a fetcher whose answer completes without a page ends it with an {@link
 * IllegalStateException}. An {@link io.trackflow.core.error.ApiException} that ends a listing carries {@link io.trackflow.core.error.ApiException#resumeCursor()}:
 * the position of the first item not emitted, within the listing's original bounds, so that {@link
 * #items(PageCursor, int, int)} completes exactly what is left.
 *
 * @param <T> the item type
 */
public final class OffsetPaginator<T> {

    /** The paging style of one subscription, given its page size: a style may keep state per listing. */
    private final IntFunction<PagingStyle<T>> styles;

    private final String fingerprint;
    private final String style;
    private final ListingFailures failures;
    /** What the loop guard compares of two pages' first items: the item itself, or its id. */
    private final Function<? super T, ?> identity;

    private OffsetPaginator(
            IntFunction<PagingStyle<T>> styles,
            String fingerprint,
            String style,
            ListingFailures failures,
            Function<? super T, ?> identity) {
        this.styles = styles;
        this.failures = Objects.requireNonNull(failures, "failures");
        this.fingerprint = fingerprint;
        this.style = style;
        this.identity = identity;
    }

    /**
     * This paginator with its loop guard comparing items by {@code identity} (an item's id) instead of
     * {@code equals}: a page that starts with the item the page before it started with is refused even
     * when other fields of that item changed between the two requests (a play count, an update time), as
     * they do when a proxy or a server that ignores the page serves the same items again. Without it,
     * items are compared with {@code equals}.
     *
     * @param identity what identifies an item in the listing (never null for an item)
     * @return a paginator with the same pages and that guard
     */
    public OffsetPaginator<T> identifiedBy(Function<? super T, ?> identity) {
        Objects.requireNonNull(identity, "identity");
        return new OffsetPaginator<>(styles, fingerprint, style, failures, identity);
    }

    /**
     * Creates a paginator.
     *
     * @param fetcher fetches one page
     * @param fingerprint the fingerprint of the query, put in every cursor ({@code [0-9a-z]}, at most 64)
     * @param failures makes the failures a listing ends with (the client's error model)
     * @param <T> the item type
     * @return the paginator
     */
    public static <T> OffsetPaginator<T> of(PageFetcher<T> fetcher, String fingerprint, ListingFailures failures) {
        Objects.requireNonNull(fetcher, "fetcher");
        PageCursor.of(0, Objects.requireNonNull(fingerprint, "fingerprint"));
        OffsetPaging<T> offsets = new OffsetPaging<>(fetcher);
        return new OffsetPaginator<>(pageSize -> offsets, fingerprint, "offset", failures, item -> item);
    }

    /**
     * Creates a paginator over a listing served in numbered pages (Laravel's {@code page} and {@code
     * per_page}), with every rule of offset paging: the listing is still addressed by item offsets
     * (cursors, ranges and {@link Page#offset()} count items from 0), each offset read from the page
     * that holds it. The first page is asked at the listing's page size; the size the server says is in
     * force ({@link PageNumberResponse#perPage()}, or a silent clamp seen on page 1) is kept for the rest
     * of the listing, so that every later request is one whole page. A page the server places elsewhere
     * than the page asked ({@link PageNumberResponse#currentPage()} or {@link PageNumberResponse#from()})
     * ends the listing with a {@link io.trackflow.core.error.DecodingException}, as does a page that
     * starts with the previous page's first item. A listing resumed mid-page (a cursor of an error, a
     * range) reads the rest of that page first, then whole pages. Offsets count the pages' slots: a page
     * served shorter than its size while more follow (a deployment that filters a page after cutting it)
     * is followed by the next page, and the offsets after it stay those of the server's pages.
     *
     * @param fetcher fetches one numbered page
     * @param fingerprint the fingerprint of the query, put in every cursor ({@code [0-9a-z]}, at most 64)
     * @param failures makes the failures a listing ends with (the client's error model)
     * @param <T> the item type
     * @return the paginator
     */
    public static <T> OffsetPaginator<T> ofPageNumbers(
            PageNumberFetcher<T> fetcher, String fingerprint, ListingFailures failures) {
        Objects.requireNonNull(fetcher, "fetcher");
        PageCursor.of(0, Objects.requireNonNull(fingerprint, "fingerprint"));
        return new OffsetPaginator<>(
                pageSize -> new PageNumberPaging<>(fetcher, pageSize),
                fingerprint,
                "page-number",
                failures,
                item -> item);
    }

    /**
     * The items of {@code [start, end)} of the listing, in order.
     *
     * @param start the first offset
     * @param end the end offset, exclusive ({@link Long#MAX_VALUE}: to the end of the listing)
     * @param pageSize items asked per page
     * @param concurrency pages in flight at most
     * @return the items
     */
    public Flux<T> items(long start, long end, int pageSize, int concurrency) {
        check(start, end, pageSize, concurrency);
        return items(PageCursor.of(start, start, end, fingerprint), pageSize, concurrency);
    }

    /**
     * The items of the listing a cursor points into, from the cursor's offset to the listing's end:
     * resuming a listing with the cursor of its last page, or of the error that ended it, yields
     * exactly the items it had not emitted. Later cursors keep the listing's bounds.
     *
     * @param from where to resume; its fingerprint must be this paginator's
     * @param pageSize items asked per page
     * @param concurrency pages in flight at most
     * @return the items
     * @throws IllegalArgumentException when the cursor belongs to another query
     */
    public Flux<T> items(PageCursor from, int pageSize, int concurrency) {
        checkCursor(from);
        check(from.offset(), from.end(), pageSize, concurrency);
        return new Listing<T, T>(this, from, pageSize, concurrency, false);
    }

    /**
     * The pages of {@code [start, end)} of the listing, in order. The first page is always emitted,
     * even when empty; later pages only when they hold items.
     *
     * @param start the first offset
     * @param end the end offset, exclusive ({@link Long#MAX_VALUE}: to the end of the listing)
     * @param pageSize items asked per page
     * @param concurrency pages in flight at most
     * @return the pages
     */
    public Flux<Page<T>> pages(long start, long end, int pageSize, int concurrency) {
        check(start, end, pageSize, concurrency);
        return pages(PageCursor.of(start, start, end, fingerprint), pageSize, concurrency);
    }

    /**
     * The pages of the listing a cursor points into, from the cursor's offset to the listing's end
     * (see {@link #items(PageCursor, int, int)}).
     *
     * @param from where to resume; its fingerprint must be this paginator's
     * @param pageSize items asked per page
     * @param concurrency pages in flight at most
     * @return the pages
     * @throws IllegalArgumentException when the cursor belongs to another query
     */
    public Flux<Page<T>> pages(PageCursor from, int pageSize, int concurrency) {
        checkCursor(from);
        check(from.offset(), from.end(), pageSize, concurrency);
        return new Listing<T, Page<T>>(this, from, pageSize, concurrency, true);
    }

    /**
     * Splits {@code [start, min(end, total))} into at most {@code n} disjoint ranges that together
     * cover it, asking the server for the total with a one-item page. When the server gives no total,
     * the answer is the single range {@code [start, end)}.
     *
     * @param start the first offset
     * @param end the end offset, exclusive
     * @param n the number of ranges wanted
     * @return the ranges, in order
     */
    public Mono<List<OffsetRange>> partitions(long start, long end, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, was " + n);
        }
        check(start, end, 1, 1);
        return Mono.defer(() -> styles.apply(1).fetch(start, 1)).map(p -> {
            OptionalLong total = p.totalCount();
            if (total.isEmpty()) {
                return List.of(OffsetRange.of(start, end));
            }
            long stop = Math.max(start, Math.min(end, total.getAsLong()));
            return OffsetRange.split(start, stop, n);
        });
    }

    /** Runs one subscription of a listing. */
    <R> void run(CoreSubscriber<? super R> actual, PageCursor from, int pageSize, int concurrency, boolean wholePages) {
        PagingStyle<T> style;
        try {
            style = styleFor(from, pageSize);
        } catch (RuntimeException e) {
            Operators.error(actual, e);
            return;
        }
        PagingRun<T, R> run = new PagingRun<>(
                actual,
                new ListingPlan<>(style, fingerprint, from, pageSize, concurrency, failures, identity),
                wholePages);
        actual.onSubscribe(run);
        run.start();
    }

    /**
     * The paging style of one subscription. A listing shorter than a page asks no bigger a page than it
     * reads ({@code maxItems(5)} asks {@code per_page=5}).
     */
    private PagingStyle<T> styleFor(PageCursor from, int pageSize) {
        return styles.apply((int) Math.max(1, Math.min(pageSize, from.end() - from.offset())));
    }

    private void checkCursor(PageCursor from) {
        Listings.checkCursor(from, fingerprint, "from");
    }

    private static void check(long start, long end, int pageSize, int concurrency) {
        if (start < 0) {
            throw new IllegalArgumentException("start must be >= 0, was " + start);
        }
        if (end < start) {
            throw new IllegalArgumentException("end must be >= start, was " + end);
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be >= 1, was " + pageSize);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
        }
    }

    @Override
    public String toString() {
        return "OffsetPaginator{" + style + ", fingerprint=" + fingerprint + "}";
    }
}
