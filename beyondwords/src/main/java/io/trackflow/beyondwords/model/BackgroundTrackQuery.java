package io.trackflow.beyondwords.model;

import io.trackflow.core.paging.Listings;
import io.trackflow.core.paging.PageCursor;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.immutables.value.Value;

/**
 * What to list and how: the filters ({@code filter[name]}, {@code filter[custom]}, {@code
 * filter[scopes]}), the page size asked per request, an upper bound on items, the pages in flight,
 * and where to start (an offset, or a {@link PageCursor} from an earlier listing of the same query,
 * which wins over the offset: {@code BackgroundTrackQuery.builder().from(q).startAt(cursor)} resumes
 * {@code q}, ending where {@code q}'s listing would have ended; {@code maxItems}, counted from the
 * cursor, can only end it sooner).
 *
 * <p>A serializable value (a start cursor included), so that it can be shipped, e.g. to a Flink job.
 *
 * <p>Validated when built: {@code pageSize} 1..100 (the server may still return fewer per page),
 * {@code maxItems} and {@code concurrency} (1..64) positive, filters non-blank and free of control
 * characters, a cursor only from a query with the same filters.
 */
@Value.Immutable
public abstract class BackgroundTrackQuery implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The largest page size the provider accepts. */
    public static final int MAX_PAGE_SIZE = 100;
    /** The largest number of pages in flight. */
    public static final int MAX_CONCURRENCY = 64;

    BackgroundTrackQuery() {}

    /** Only tracks whose name contains this ({@code filter[name]}). */
    public abstract Optional<String> name();

    /** Only custom (or only non-custom) tracks ({@code filter[custom]}). */
    public abstract Optional<Boolean> custom();

    /** Only tracks of these scopes ({@code filter[scopes][]}, e.g. {@code primary}). */
    public abstract List<String> scopes();

    /** Items asked per request ({@code pagination[limit]}), 1..100. Default 100. */
    @Value.Default
    public int pageSize() {
        return MAX_PAGE_SIZE;
    }

    /**
     * Stop after this many items (counted from where this listing starts; a resumed listing also ends
     * where the original would have). Default: no bound.
     */
    @Value.Default
    public long maxItems() {
        return Long.MAX_VALUE;
    }

    /** Pages fetched at once (output stays in order), 1..64. Default 2. */
    @Value.Default
    public int concurrency() {
        return 2;
    }

    /** The offset of the first item to list, when no {@link #startAt()} cursor is given. Default 0. */
    @Value.Default
    public long offset() {
        return 0;
    }

    /** Resume a listing of the same query where this cursor points; wins over {@link #offset()}. */
    public abstract Optional<PageCursor> startAt();

    /** Where the listing starts: the cursor's offset if one is given, else {@link #offset()}. */
    public final long startOffset() {
        return startAt().map(PageCursor::offset).orElse(offset());
    }

    /**
     * A fingerprint of the filters (not of paging settings), carried by every cursor of this query.
     */
    @Value.Derived
    @Value.Auxiliary
    public String fingerprint() {
        StringBuilder b = new StringBuilder();
        b.append("name=").append(name().orElse("\u0000")).append('\n');
        b.append("custom=").append(custom().map(String::valueOf).orElse("")).append('\n');
        b.append("scopes=").append(new TreeSet<>(scopes()));
        return Listings.fingerprint("", b.toString());
    }

    @Value.Check
    final void check() {
        name().ifPresent(n -> Listings.checkText(n, "name"));
        for (String s : scopes()) {
            Listings.checkText(s, "scopes");
        }
        Listings.checkPaging(pageSize(), MAX_PAGE_SIZE, maxItems(), concurrency(), MAX_CONCURRENCY);
        if (offset() < 0) {
            throw new IllegalArgumentException("offset must be >= 0, was " + offset());
        }
        startAt().ifPresent(c -> Listings.checkCursor(c, fingerprint(), "startAt"));
    }

    /** The listing of every track with default paging. */
    public static BackgroundTrackQuery all() {
        return builder().build();
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link BackgroundTrackQuery} values. */
    public static final class Builder extends ImmutableBackgroundTrackQuery.Builder {
        Builder() {}

        /**
         * Sets the scopes ({@code filter[scopes][]}), replacing any set before.
         *
         * @param scopes e.g. {@code "primary", "secondary"}
         * @return this builder
         */
        public Builder scopes(String... scopes) {
            scopes(Arrays.asList(scopes));
            return this;
        }
    }
}
