package io.trackflow.core.paging;

import java.util.List;

/**
 * A page as a listing holds it until it is let through: the answer as read, and where it stands in the
 * listing. The {@link Page} users see is made of it ({@link ListingPlan#view}) only when they asked for
 * pages; a listing of items lets its items through without making one.
 *
 * @param <T> the item type
 */
final class ReadPage<T> {

    /** The answer, trimmed to the limit asked. */
    final PageResponse<T> answer;
    /** The offset of its first item. */
    final long offset;
    /** The limit it was asked with. */
    final int asked;
    /** Where what follows it begins, or {@code -1} when the listing ends with it. */
    final long after;
    /** Where the listing stops: no cursor at or past it. */
    final long stop;

    ReadPage(PageResponse<T> answer, long offset, int asked, long after, long stop) {
        this.answer = answer;
        this.offset = offset;
        this.asked = asked;
        this.after = after;
        this.stop = stop;
    }

    /** Its items, in listing order. */
    List<T> items() {
        return answer.items();
    }

    /** How many items it holds. */
    int size() {
        return answer.items().size();
    }
}
