package io.trackflow.core.paging;

import io.trackflow.core.internal.HeaderMaps;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * What a server answered for one page request, as a {@link PageFetcher} reads it: the items and
 * what the server said about them. The paginator checks it (a page that does not start where it was
 * asked fails the listing) and turns it into the {@link Page} users see.
 *
 * @param <T> the item type
 */
@Value.Immutable
public abstract class PageResponse<T> {

    PageResponse() {}

    /** The items, in listing order. */
    public abstract List<T> items();

    /** The total number of items of the listing, when the server said (e.g. {@code X-Pagination-Total-Count}). */
    public abstract OptionalLong totalCount();

    /** The page size the server says it applied (e.g. {@code X-Pagination-Limit}), when it says. */
    public abstract OptionalInt limit();

    /** The offset the server says the page starts at (e.g. {@code X-Pagination-OffSet}), when it says. */
    public abstract OptionalLong offset();

    /** The response headers, names lower-case, for the page's provider-specific metadata. */
    @Value.Auxiliary
    public abstract Map<String, List<String>> headers();

    /** Keeps the header value lists read-only, whoever built the map. */
    @Value.Check
    final PageResponse<T> readOnlyHeaders() {
        return HeaderMaps.readOnly(headers())
                ? this
                : ((ImmutablePageResponse<T>) this).withHeaders(HeaderMaps.copy(headers()));
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
     * Builds {@link PageResponse} values.
     *
     * @param <T> the item type
     */
    public static final class Builder<T> extends ImmutablePageResponse.Builder<T> {
        Builder() {}

        /**
         * Builds the response with these items and headers in place of any given before, each copied
         * once at its exact size ({@code items(..)} grows the builder's list item by item and {@code
         * build()} copies it again): for a decoder that builds one response per page.
         *
         * @param items the items, in listing order, none null
         * @param headers the response headers, names lower-case
         * @return the response
         */
        public PageResponse<T> build(List<? extends T> items, Map<String, ? extends List<String>> headers) {
            return ((ImmutablePageResponse<T>) build()).withItems(items).withHeaders(headers);
        }
    }
}
