package io.trackflow.beatpass.model;

import io.trackflow.core.paging.Listings;
import io.trackflow.core.paging.PageCursor;
import java.io.Serializable;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * Which part of the BeatPass catalogue to list, and how to page through it. The source is at most one
 * of an {@link #artist()}'s tracks ({@code GET /artists/{id}/tracks}), a {@link #tag()}'s ({@code GET
 * /tags/{name}/tracks}) or a {@link #playlist()}'s ({@code GET /playlists/{id}/tracks}); without one,
 * the whole catalogue ({@code GET /tracks}), narrowed by a search {@link #query()} if given (a query
 * only applies to the whole catalogue). Then the page size asked per request, an upper bound on items,
 * the pages in flight, and where to start (a {@link PageCursor} of an earlier listing of the same
 * query).
 *
 * <p>A serializable value (a start cursor included), so that it can be shipped, e.g. to a Flink job.
 *
 * <p>Validated when built ({@link IllegalArgumentException} naming the argument): at most one source;
 * no {@code query} with a source; ids positive; tag and query non-blank, without control characters
 * (and a tag not {@code .} or {@code ..});
 * {@code pageSize} 1..100 (the server may still serve fewer per page); {@code maxItems} positive;
 * {@code concurrency} 1..64; a cursor only from a query of the same listing.
 */
@Value.Immutable
public abstract class TrackQuery implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The largest page size the client asks for. */
    public static final int MAX_PAGE_SIZE = 100;
    /** The largest number of pages in flight. */
    public static final int MAX_CONCURRENCY = 64;

    TrackQuery() {}

    /** Search the whole catalogue for this text ({@code GET /tracks?query=...}); not with a source. */
    public abstract Optional<String> query();

    /** List this artist's tracks ({@code GET /artists/{id}/tracks}); id positive. */
    public abstract OptionalLong artist();

    /** List the tracks of this tag, by name ({@code GET /tags/{name}/tracks}); non-blank. */
    public abstract Optional<String> tag();

    /** List this playlist's tracks ({@code GET /playlists/{id}/tracks}); id positive. */
    public abstract OptionalLong playlist();

    /**
     * Items asked per request ({@code per_page} on {@code /tracks}, {@code perPage} on the others),
     * 1..100. Default 50. The server may apply a smaller size; the listing then follows the size it
     * states on its pages.
     */
    @Value.Default
    public int pageSize() {
        return 50;
    }

    /**
     * Stop after this many items (counted from where this listing starts; a resumed listing also ends
     * where the original would have). Default: no bound.
     */
    @Value.Default
    public long maxItems() {
        return Long.MAX_VALUE;
    }

    /** Pages fetched at once once the total is known (output stays in order), 1..64. Default 2. */
    @Value.Default
    public int concurrency() {
        return 2;
    }

    /** Resume a listing of the same query where this cursor points. Default: from the first track. */
    public abstract Optional<PageCursor> startAt();

    /** A fingerprint of the source and search (not of paging settings), carried by every cursor. */
    @Value.Derived
    @Value.Auxiliary
    public String fingerprint() {
        String text = "query=" + query().orElse("\u0000") + "\nartist=" + artist() + "\ntag=" + tag().orElse("\u0000")
                + "\nplaylist=" + playlist();
        return Listings.fingerprint("t", text);
    }

    @Value.Check
    final void check() {
        int sources = (artist().isPresent() ? 1 : 0)
                + (tag().isPresent() ? 1 : 0)
                + (playlist().isPresent() ? 1 : 0);
        if (sources > 1) {
            throw new IllegalArgumentException("artist, tag, playlist: give at most one source, got " + sources);
        }
        if (query().isPresent() && sources > 0) {
            throw new IllegalArgumentException(
                    "query: a search applies to the whole catalogue, not to an artist's, tag's or playlist's tracks");
        }
        query().ifPresent(q -> Listings.checkText(q, "query"));
        tag().ifPresent(t -> {
            Listings.checkText(t, "tag");
            if (t.equals(".") || t.equals("..")) {
                throw new IllegalArgumentException("tag must not be \"" + t + "\": a path would resolve it elsewhere");
            }
        });
        if (artist().isPresent() && artist().getAsLong() <= 0) {
            throw new IllegalArgumentException("artist must be > 0, was " + artist().getAsLong());
        }
        if (playlist().isPresent() && playlist().getAsLong() <= 0) {
            throw new IllegalArgumentException(
                    "playlist must be > 0, was " + playlist().getAsLong());
        }
        Listings.checkPaging(pageSize(), MAX_PAGE_SIZE, maxItems(), concurrency(), MAX_CONCURRENCY);
        startAt().ifPresent(c -> Listings.checkCursor(c, fingerprint(), "startAt"));
    }

    /** The whole catalogue with default paging. */
    public static TrackQuery all() {
        return builder().build();
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link TrackQuery} values. */
    public static final class Builder extends ImmutableTrackQuery.Builder {
        Builder() {}
    }
}
