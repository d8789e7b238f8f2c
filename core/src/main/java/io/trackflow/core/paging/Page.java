package io.trackflow.core.paging;

import io.trackflow.core.internal.HeaderMaps;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One page of a listing, as the paginator emits it.
 *
 * @param <T> the item type
 */
@Value.Immutable
public abstract class Page<T> {

    Page() {}

    /** The items, in listing order. */
    public abstract List<T> items();

    /** The offset of the first item. */
    public abstract long offset();

    /**
     * The page size in force: the one the server says it applied when it says, else the size asked.
     * The server may return fewer items (see {@link #items()}).
     */
    public abstract int limit();

    /** The total number of items of the listing, when the server said. */
    public abstract OptionalLong totalCount();

    /**
     * Where the next page starts; empty on the last page. Pass it to the provider's resuming overload
     * (e.g. {@code list(query, cursor)}) to continue there.
     */
    public abstract Optional<PageCursor> nextCursor();

    /**
     * The headers of the response that carried the page, names lower-case: provider-specific metadata
     * (e.g. BeyondWords' {@code X-BeyondWords-Filter}). Not part of the page's equality.
     */
    @Value.Auxiliary
    public abstract Map<String, List<String>> headers();

    /**
     * The first value of a header of the page's response, any case.
     *
     * @param name the header name
     * @return the value, or empty
     */
    public final Optional<String> header(String name) {
        List<String> v = headers().get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** The number of items on this page. */
    public final int size() {
        return items().size();
    }

    /** Keeps the header value lists read-only, whoever built the map. */
    @Value.Check
    final Page<T> readOnlyHeaders() {
        return HeaderMaps.readOnly(headers())
                ? this
                : ((ImmutablePage<T>) this).withHeaders(HeaderMaps.copy(headers()));
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
     * Builds {@link Page} values.
     *
     * @param <T> the item type
     */
    public static final class Builder<T> extends ImmutablePage.Builder<T> {
        Builder() {}

        /** Builds the page with these items and headers, each copied once at its exact size. */
        Page<T> build(List<? extends T> items, Map<String, ? extends List<String>> headers) {
            return ((ImmutablePage<T>) build()).withItems(items).withHeaders(headers);
        }
    }
}
