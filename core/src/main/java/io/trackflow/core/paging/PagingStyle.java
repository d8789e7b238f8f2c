package io.trackflow.core.paging;

import reactor.core.publisher.Mono;

/**
 * A paging style, the one part of the engine that differs between listings: how the items at an
 * offset are asked for, and what an answer says about the page size in force and where a page ends.
 * Offset paging ({@link OffsetPaging}) and page-number paging ({@link PageNumberPaging}) are the two;
 * {@link PagingRun} is the same code for both (order, demand, read-ahead, loop guard, cursors). One
 * instance serves one subscription of a listing.
 *
 * @param <T> the item type
 */
interface PagingStyle<T> {

    /**
     * Asks for the items from {@code offset}, at most {@code limit} of them (an answer may hold fewer).
     *
     * @param offset the first item's offset in the listing
     * @param limit at most this many items
     * @return the answer, as the engine reads it
     */
    Mono<PageResponse<T>> fetch(long offset, int limit);

    /**
     * The limit of a listing's first request.
     *
     * @param start the listing's first offset
     * @param end its end, exclusive
     * @param pageSize the page size asked
     * @return the limit
     */
    int firstLimit(long start, long end, int pageSize);

    /**
     * The page size the rest of the listing is read at, learned from its first answer: the size asked,
     * or less when the server says or shows that it serves less.
     *
     * @param first the first answer
     * @param pageSize the page size asked
     * @param firstLimit the limit the first request asked
     * @param moreFollow whether the answer's total says that items follow it
     * @return the size
     */
    int sizeAfter(PageResponse<T> first, int pageSize, int firstLimit, boolean moreFollow);

    /**
     * The page size to ask next.
     *
     * @param size the size the listing settled on after its first answer
     * @return the size in force now
     */
    int sizeInForce(int size);

    /**
     * What an answer for {@code limit} items at {@code at} is measured against to tell a short page
     * (the last one of a listing without a total).
     *
     * @param at the offset asked
     * @param limit the limit asked
     * @return the length a full answer would have
     */
    int against(long at, int limit);

    /**
     * Where the listing goes on after an answer to a request for {@code limit} items at {@code at}: by
     * default right after its items, so that the rest of a short answer (a clamp) is asked from there.
     * A style whose pages are fixed slots says the end of the slot instead when the answer filled it
     * short: the items after them are on the next page, not at the offset after them.
     *
     * @param at the offset asked
     * @param limit the limit asked
     * @param answer the answer, trimmed to the limit
     * @return the offset after the answer, at least {@code at} plus its items
     */
    default long next(long at, int limit, PageResponse<T> answer) {
        return at + answer.items().size();
    }

    /** A limit of at most {@code size} items that does not reach past {@code to}, and at least 1. */
    static int limitFor(long at, long to, int size) {
        return (int) Math.max(1, Math.min(size, to - at));
    }
}
