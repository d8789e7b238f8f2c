package io.trackflow.core.paging;

import io.trackflow.core.internal.Checks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.Optional;

/**
 * What every provider's listing query does the same way, for providers written with core: the
 * fingerprint its cursors carry, the checks of its paging settings and filter texts, and where a
 * listing starts and ends (a start cursor, or an offset, bounded by {@code maxItems}).
 */
public final class Listings {

    private Listings() {}

    /**
     * The fingerprint of a query: 12 hex digits of the SHA-256 of {@code canonical}, a text that names
     * every filter of the query (not its paging settings) in a fixed order.
     *
     * @param prefix put before the digits ({@code [0-9a-z]*}, may be empty), e.g. to tell providers apart
     * @param canonical the query's filters, written the same way for the same filters
     * @return the fingerprint, {@code [0-9a-z]}
     */
    public static String fingerprint(String prefix, String canonical) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(prefix);
            for (int i = 0; i < 6; i++) {
                hex.append(Character.forDigit((d[i] >> 4) & 0xf, 16)).append(Character.forDigit(d[i] & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks a filter's text: non-blank, without control characters.
     *
     * @param value the text
     * @param argument its name, for the message
     * @throws IllegalArgumentException naming the argument when the text is not fit
     */
    public static void checkText(String value, String argument) {
        Checks.text(value, argument);
    }

    /**
     * Checks that a cursor belongs to a listing of the query whose fingerprint is given.
     *
     * @param cursor the cursor (a query's {@code startAt}, a {@code resumeFrom})
     * @param fingerprint the query's fingerprint
     * @param argument the cursor's name, for the message
     * @return the cursor
     * @throws NullPointerException naming the argument when the cursor is null
     * @throws IllegalArgumentException naming the argument when the cursor belongs to a listing with other
     *     filters
     */
    public static PageCursor checkCursor(PageCursor cursor, String fingerprint, String argument) {
        Objects.requireNonNull(cursor, argument);
        if (!cursor.fingerprint().equals(fingerprint)) {
            throw new IllegalArgumentException(argument + ": the cursor belongs to a listing with other filters");
        }
        return cursor;
    }

    /**
     * Checks a query's paging settings.
     *
     * @param pageSize items asked per request, 1..{@code maxPageSize}
     * @param maxPageSize the largest page size the provider accepts
     * @param maxItems at least 1
     * @param concurrency 1..{@code maxConcurrency}
     * @param maxConcurrency the largest number of pages in flight
     * @throws IllegalArgumentException naming the setting that is out of range
     */
    public static void checkPaging(int pageSize, int maxPageSize, long maxItems, int concurrency, int maxConcurrency) {
        if (pageSize < 1 || pageSize > maxPageSize) {
            throw new IllegalArgumentException("pageSize must be within 1.." + maxPageSize + ", was " + pageSize);
        }
        if (maxItems < 1) {
            throw new IllegalArgumentException("maxItems must be > 0, was " + maxItems);
        }
        if (concurrency < 1 || concurrency > maxConcurrency) {
            throw new IllegalArgumentException(
                    "concurrency must be within 1.." + maxConcurrency + ", was " + concurrency);
        }
    }

    /**
     * Where a query's listing starts and ends: its start cursor (resumed, bounds kept) if it has one, else
     * {@code [offset, offset + maxItems)}.
     *
     * @param startAt the query's start cursor
     * @param offset the first offset, when there is no cursor
     * @param maxItems at most this many items
     * @param fingerprint the query's fingerprint
     * @return the cursor the listing runs from
     */
    public static PageCursor from(Optional<PageCursor> startAt, long offset, long maxItems, String fingerprint) {
        return startAt.map(c -> resumed(c, maxItems, fingerprint))
                .orElseGet(() -> PageCursor.of(offset, offset, end(offset, maxItems), fingerprint));
    }

    /**
     * The cursor a resumed listing runs from: {@code resumeFrom}, ending where the original listing would
     * have, or sooner if {@code maxItems} (counted from the cursor) says so.
     *
     * @param resumeFrom a page's {@code nextCursor()} or a failure's {@code resumeCursor()}
     * @param maxItems at most this many items from the cursor
     * @param fingerprint the query's fingerprint
     * @return the cursor
     * @throws IllegalArgumentException naming {@code resumeFrom} when the cursor belongs to another query
     */
    public static PageCursor resumed(PageCursor resumeFrom, long maxItems, String fingerprint) {
        return checkCursor(resumeFrom, fingerprint, "resumeFrom").endingBy(end(resumeFrom.offset(), maxItems));
    }

    /**
     * {@code start + maxItems}, or {@link Long#MAX_VALUE} when that overflows.
     *
     * @param start the first offset
     * @param maxItems how many items at most
     * @return the end offset, exclusive
     */
    public static long end(long start, long maxItems) {
        return maxItems >= Long.MAX_VALUE - start ? Long.MAX_VALUE : start + maxItems;
    }
}
