package io.trackflow.core.paging;

import java.util.List;
import java.util.OptionalLong;
import reactor.core.publisher.Mono;

/**
 * Page-number paging as a style of the paging engine: one subscription's view of a {@link
 * PageNumberFetcher} by offsets. An offset is the page that holds it at the size in
 * force ({@code page = offset / size + 1}) and a position within it. An answer never reaches past
 * the end of its page, so a listing that starts mid-page reads the rest of that page ({@link
 * #against}) and then asks every later page whole, at the size in force.
 *
 * <p>The size in force is the size asked until a page says otherwise ({@code per_page}, or a silent
 * clamp: a page shorter than asked while the total says more follow); it is then kept for the rest
 * of the listing, and a page fetched at the old size that does not hold the offset asked is fetched
 * again at the new one. A page that the server places elsewhere than asked ({@code current_page} or
 * {@code from}) is reported at the offset the server gave it, which the engine refuses: a server or
 * proxy that ignores {@code page} fails the listing instead of repeating items.
 *
 * @param <T> the item type
 */
final class PageNumberPaging<T> implements PagingStyle<T> {

    /** Pages fetched again for one offset when the size in force changed; then the page is refused. */
    private static final int MAX_REFETCHES = 3;

    private final PageNumberFetcher<T> source;
    /** The page size in force: written by one page's handler at a time, read by the next request. */
    private volatile int size;

    PageNumberPaging(PageNumberFetcher<T> source, int pageSize) {
        this.source = source;
        this.size = pageSize;
    }

    /** The first answer is the page that holds the start, from the start to its end (a size larger than asked included). */
    @Override
    public int firstLimit(long start, long end, int pageSize) {
        return PagingStyle.limitFor(start, end, Integer.MAX_VALUE);
    }

    /** The size in force, as the first page stated it or a clamp showed it. */
    @Override
    public int sizeAfter(PageResponse<T> first, int pageSize, int firstLimit, boolean moreFollow) {
        return size;
    }

    @Override
    public int sizeInForce(int settled) {
        return size;
    }

    /** An answer never reaches past the end of its page, at the size in force after the answer. */
    @Override
    public int against(long at, int limit) {
        int s = size;
        return (int) Math.min(limit, s - at % s);
    }

    /**
     * A page that holds fewer items than its slot (a deployment that filters a page's items after cutting
     * it: the total and the page numbers still count them) is followed by the next page, at the end of
     * its slot: asking for the rest of it would only answer the same page again. An answer with no items
     * for an offset inside a slot (past what a short page holds: a listing, a range or a cursor that starts
     * there) goes on at the slot's end too; only an empty answer at a slot's start is where the data ends.
     */
    @Override
    public long next(long at, int limit, PageResponse<T> answer) {
        int n = answer.items().size();
        int inForce = answer.limit().orElse(size);
        if (inForce < 1 || (n == 0 && at % inForce == 0)) {
            return at + n;
        }
        long slotStart = at - at % inForce;
        long slotEnd = slotStart >= Long.MAX_VALUE - inForce ? Long.MAX_VALUE : slotStart + inForce;
        long limitEnd = at >= Long.MAX_VALUE - limit ? Long.MAX_VALUE : at + limit;
        return Math.max(at + n, Math.min(limitEnd, slotEnd));
    }

    @Override
    public Mono<PageResponse<T>> fetch(long offset, int limit) {
        return fetch(offset, limit, MAX_REFETCHES);
    }

    private Mono<PageResponse<T>> fetch(long offset, int limit, int refetches) {
        int asked = size;
        long page = offset / asked + 1;
        return source.fetch(page, asked).flatMap(r -> {
            int inForce = appliedSize(r, page, asked);
            long start = r.currentPage().isPresent()
                    ? (r.currentPage().getAsLong() - 1) * inForce
                    : r.from().isPresent() ? r.from().getAsLong() - 1 : (page - 1) * inForce;
            boolean holds = offset >= start && offset - start < inForce;
            if (inForce != asked) {
                size = inForce;
                if (!holds && refetches > 0) {
                    return fetch(offset, limit, refetches - 1); // the page of the offset at the size in force
                }
            }
            return Mono.just(response(r, offset, limit, start, holds, inForce));
        });
    }

    /**
     * The size the server applied: the one it states ({@code per_page}); else the one its figures imply
     * ({@code from - 1 = (current_page - 1) × size} on a later page); else the number of items when
     * fewer than asked on a page that the total says should have been full (a silent clamp, unless its
     * {@code last_page} fits the size asked and not the number of items: a page filtered short), or on page
     * 1 without a total (a clamp, or the last page: then one more request finds the end, and nothing is
     * lost); else the size asked.
     */
    private static int appliedSize(PageNumberResponse<?> r, long page, int asked) {
        if (r.perPage().isPresent()) {
            return r.perPage().getAsInt();
        }
        long at = r.currentPage().orElse(page);
        if (at > 1 && r.from().isPresent()) {
            long before = r.from().getAsLong() - 1;
            if (before % (at - 1) == 0 && before / (at - 1) > 0 && before / (at - 1) <= Integer.MAX_VALUE) {
                return (int) (before / (at - 1));
            }
        }
        int n = r.items().size();
        OptionalLong total = r.totalCount();
        if (n > 0 && n < asked) {
            // fewer than asked. The slots the server cut for the page ({@code to - from + 1}) say whether it
            // was cut short (a clamp) or filtered after it was cut; without them, on page 1 without a total, a
            // clamp or the last page (one more request tells); with a total that says the page should have
            // been full, a clamp, unless the last page the server names fits the size asked and not the number
            // of items
            long slots = slots(r, n);
            if (slots >= asked) {
                return asked;
            }
            int cut = (int) slots;
            if (total.isEmpty()
                    ? at == 1
                    : (at - 1) * (long) asked + cut < total.getAsLong()
                            && !(fits(r, total.getAsLong(), asked) && !fits(r, total.getAsLong(), cut))) {
                return cut;
            }
        }
        return asked;
    }

    /** The slots of a page by its {@code from} and {@code to} when they hold its items, else its items. */
    private static long slots(PageNumberResponse<?> r, int items) {
        if (r.from().isPresent() && r.to().isPresent()) {
            long span = r.to().getAsLong() - r.from().getAsLong() + 1;
            if (span >= items) {
                return span;
            }
        }
        return items;
    }

    /** Whether {@code size} gives the last page the server names ({@code ceil(total / size)}, at least 1). */
    private static boolean fits(PageNumberResponse<?> r, long total, int size) {
        return r.lastPage().isPresent() && r.lastPage().getAsLong() == Math.max(1, (total + size - 1) / size);
    }

    /**
     * The page as the engine reads it: the items from {@code offset} on (at most {@code limit}) when the
     * page holds the offset, reported at the offset asked; otherwise the page whole, at the offset the
     * server placed it at, which the engine refuses as a page that does not advance.
     */
    private PageResponse<T> response(
            PageNumberResponse<T> r, long offset, int limit, long start, boolean holds, int inForce) {
        List<T> items = r.items();
        boolean placed = r.currentPage().isPresent() || r.from().isPresent();
        PageResponse.Builder<T> b = PageResponse.<T>builder().limit(inForce).totalCount(totalOf(r, start));
        if (!holds) {
            return b.offset(start).build(items, r.headers());
        }
        int skip = (int) (offset - start);
        int from = Math.min(skip, items.size());
        int to = (int) Math.min(items.size(), (long) skip + limit);
        if (placed) {
            b.offset(offset);
        }
        return b.build(from == 0 && to == items.size() ? items : items.subList(from, to), r.headers());
    }

    /**
     * The listing's total: as the server states it; else, on the page the server says is the last one
     * ({@code current_page == last_page}), where its items end, so that a listing without a total stops
     * there instead of asking past its end (a server may answer that with its last page again). A page
     * past the last one says nothing of where the listing ends.
     */
    private static OptionalLong totalOf(PageNumberResponse<?> r, long start) {
        if (r.totalCount().isPresent()) {
            return r.totalCount();
        }
        if (r.lastPage().isPresent()
                && r.currentPage().isPresent()
                && r.currentPage().getAsLong() == r.lastPage().getAsLong()) {
            return OptionalLong.of(start + r.items().size());
        }
        return OptionalLong.empty();
    }

    @Override
    public String toString() {
        return "PageNumberPaging{size=" + size + "}";
    }
}
