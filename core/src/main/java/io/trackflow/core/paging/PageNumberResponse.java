package io.trackflow.core.paging;

import io.trackflow.core.internal.HeaderMaps;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * What a server answered for one page of a page-number listing, as a {@link PageNumberFetcher} reads
 * it (Laravel's {@code current_page}, {@code per_page}, {@code from}, {@code to}, {@code last_page},
 * {@code total}). The paginator places the page in the listing from these figures: a page that is not
 * the page asked (a server or proxy that ignores {@code page}) fails the listing; a size in force other
 * than the size asked (a server that clamps) is taken for the rest of the listing.
 *
 * @param <T> the item type
 */
@Value.Immutable
public abstract class PageNumberResponse<T> {

    PageNumberResponse() {}

    /** The items, in listing order. */
    public abstract List<T> items();

    /** The page the server says it served ({@code current_page}), from 1, when it says. */
    public abstract OptionalLong currentPage();

    /** The page size the server says is in force ({@code per_page}), when it says. */
    public abstract OptionalInt perPage();

    /** The 1-based position of the page's first item ({@code from}); absent on an empty page. */
    public abstract OptionalLong from();

    /**
     * The 1-based position of the page's last slot ({@code to}), when the server says; absent on an empty
     * page. With {@link #from()}, how many slots the server cut for this page: a page filtered after it was
     * cut (a track hidden) holds fewer items than that, and is not taken for a clamp.
     */
    public abstract OptionalLong to();

    /** The number of the listing's last page ({@code last_page}), when the server says. */
    public abstract OptionalLong lastPage();

    /** The total number of items of the listing ({@code total}), when the server says. */
    public abstract OptionalLong totalCount();

    /** The response headers, names lower-case, for the page's provider-specific metadata. */
    @Value.Auxiliary
    public abstract Map<String, List<String>> headers();

    /** Keeps the header value lists read-only, whoever built the map. */
    @Value.Check
    final PageNumberResponse<T> readOnlyHeaders() {
        return HeaderMaps.readOnly(headers())
                ? this
                : ((ImmutablePageNumberResponse<T>) this).withHeaders(HeaderMaps.copy(headers()));
    }

    @Value.Check
    final void check() {
        if (currentPage().isPresent() && currentPage().getAsLong() < 1) {
            throw new IllegalArgumentException(
                    "currentPage must be >= 1, was " + currentPage().getAsLong());
        }
        if (perPage().isPresent() && perPage().getAsInt() < 1) {
            throw new IllegalArgumentException(
                    "perPage must be >= 1, was " + perPage().getAsInt());
        }
        if (lastPage().isPresent() && lastPage().getAsLong() < 1) {
            throw new IllegalArgumentException(
                    "lastPage must be >= 1, was " + lastPage().getAsLong());
        }
        if (from().isPresent() && from().getAsLong() < 1) {
            throw new IllegalArgumentException("from must be >= 1, was " + from().getAsLong());
        }
        if (totalCount().isPresent() && totalCount().getAsLong() < 0) {
            throw new IllegalArgumentException(
                    "totalCount must be >= 0, was " + totalCount().getAsLong());
        }
    }

    /**
     * Returns a new builder.
     *
     * @param <T> the item type
     * @return the builder
     */
    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /**
     * Builds {@link PageNumberResponse} values.
     *
     * @param <T> the item type
     */
    public static final class Builder<T> extends ImmutablePageNumberResponse.Builder<T> {
        Builder() {}

        /**
         * Builds the response with these items and headers in place of any given before, each copied
         * once at its exact size (as {@link PageResponse.Builder#build(List, Map)}): for a decoder that
         * builds one response per page.
         *
         * @param items the items, in listing order, none null
         * @param headers the response headers, names lower-case
         * @return the response
         */
        public PageNumberResponse<T> build(List<? extends T> items, Map<String, ? extends List<String>> headers) {
            return ((ImmutablePageNumberResponse<T>) build()).withItems(items).withHeaders(headers);
        }
    }
}
