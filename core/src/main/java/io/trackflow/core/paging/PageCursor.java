package io.trackflow.core.paging;

import io.trackflow.core.json.Json;
import java.io.Serializable;
import java.util.Objects;
import org.immutables.value.Value;

/**
 * A resumable position in one listing: the offset of the next item, the bounds of the listing it
 * belongs to ({@code [start, end)}, so that resuming completes exactly the original listing and no
 * more), and a fingerprint of the query (its filters), so that a cursor cannot silently be applied
 * to a different listing.
 *
 * <p>{@link #toString()} gives a compact, URL-safe form, {@code tf2.<start>.<offset>.<end>.<fingerprint>}
 * ({@code end} is {@code max} for a listing that runs to the end), that {@link #parse(String)} reads
 * back: store it anywhere a string fits. The older form {@code tf1.<offset>.<fingerprint>} is still
 * read (as a listing from 0 to the end).
 */
@Value.Immutable
public abstract class PageCursor implements Serializable {

    private static final long serialVersionUID = 2L;
    private static final String V1 = "tf1";
    private static final String V2 = "tf2";
    private static final String UNBOUNDED = "max";

    static {
        // an application's own mapper (and trackflow's codec) read and write a cursor as its text
        Json.registerText(PageCursor.class, PageCursor::toString, PageCursor::parse);
    }

    PageCursor() {}

    /** The offset where the listing began (inclusive). */
    @Value.Parameter
    public abstract long start();

    /** The offset of the first item not yet read. */
    @Value.Parameter
    public abstract long offset();

    /** The offset where the listing ends (exclusive); {@link Long#MAX_VALUE} when it runs to the end. */
    @Value.Parameter
    public abstract long end();

    /** The fingerprint of the query the cursor belongs to ({@code [0-9a-z]*}, at most 64 characters). */
    @Value.Parameter
    public abstract String fingerprint();

    @Value.Check
    final void check() {
        if (start() < 0 || offset() < start() || end() < offset()) {
            throw new IllegalArgumentException("cursor must satisfy 0 <= start <= offset <= end, was start=" + start()
                    + ", offset=" + offset() + ", end=" + end());
        }
        if (fingerprint().length() > 64
                || !fingerprint().chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'))) {
            throw new IllegalArgumentException("fingerprint must be at most 64 characters of [0-9a-z]");
        }
    }

    /** The bounds of the listing this cursor belongs to. */
    public final OffsetRange listing() {
        return OffsetRange.of(start(), end());
    }

    /** Whether the listing has no item left to read. */
    public final boolean isExhausted() {
        return offset() >= end();
    }

    /**
     * A cursor at {@code offset} of a listing that starts at 0 and runs to the end.
     *
     * @param offset the offset of the next item, at least 0
     * @param fingerprint the query's fingerprint
     * @return the cursor
     */
    public static PageCursor of(long offset, String fingerprint) {
        return of(0, offset, Long.MAX_VALUE, fingerprint);
    }

    /**
     * A cursor at {@code offset} of the listing {@code [start, end)}.
     *
     * @param start where the listing began
     * @param offset the offset of the next item
     * @param end where the listing ends, exclusive ({@link Long#MAX_VALUE}: to the end)
     * @param fingerprint the query's fingerprint
     * @return the cursor
     * @throws IllegalArgumentException unless {@code 0 <= start <= offset <= end}
     */
    public static PageCursor of(long start, long offset, long end, String fingerprint) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, was " + offset);
        }
        return ImmutablePageCursor.of(start, offset, end, fingerprint);
    }

    /**
     * This cursor with its listing ending no later than {@code end}.
     *
     * @param end the new end, exclusive
     * @return the cursor (this one when its end is already at or before {@code end})
     */
    public final PageCursor endingBy(long end) {
        long e = Math.max(offset(), Math.min(end(), end));
        return e == end() ? this : of(start(), offset(), e, fingerprint());
    }

    /**
     * Reads a cursor from its {@link #toString()} form.
     *
     * @param cursor the text
     * @return the cursor
     * @throws IllegalArgumentException when the text is not a cursor
     */
    public static PageCursor parse(String cursor) {
        Objects.requireNonNull(cursor, "cursor");
        String s = cursor.trim();
        String[] parts = s.split("\\.", -1);
        try {
            if (parts.length == 3 && parts[0].equals(V1)) {
                return of(0, Long.parseLong(parts[1]), Long.MAX_VALUE, parts[2]);
            }
            if (parts.length == 5 && parts[0].equals(V2)) {
                long end = parts[3].equals(UNBOUNDED) ? Long.MAX_VALUE : Long.parseLong(parts[3]);
                return of(Long.parseLong(parts[1]), Long.parseLong(parts[2]), end, parts[4]);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor is not a trackflow page cursor: " + abbreviate(s), e);
        }
        throw new IllegalArgumentException("cursor is not a trackflow page cursor: " + abbreviate(s));
    }

    @Override
    public String toString() {
        return V2 + "." + start() + "." + offset() + "." + (end() == Long.MAX_VALUE ? UNBOUNDED : end()) + "."
                + fingerprint();
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
