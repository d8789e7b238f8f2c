package io.trackflow.core.paging;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * A half-open range {@code [start, end)} of listing offsets, read by one worker. {@code end ==
 * Long.MAX_VALUE} means "to the end of the listing".
 */
@Value.Immutable
public abstract class OffsetRange implements Serializable {

    private static final long serialVersionUID = 1L;

    OffsetRange() {}

    /** The first offset (inclusive). */
    @Value.Parameter
    public abstract long start();

    /** The end offset (exclusive); {@link Long#MAX_VALUE} for unbounded. */
    @Value.Parameter
    public abstract long end();

    @Value.Check
    final void check() {
        if (start() < 0 || end() < start()) {
            throw new IllegalArgumentException(
                    "range must satisfy 0 <= start <= end, was [" + start() + ", " + end() + ")");
        }
    }

    /** The number of offsets in the range. */
    public final long size() {
        return end() - start();
    }

    /** Whether the range is unbounded (reads to the end of the listing). */
    public final boolean isUnbounded() {
        return end() == Long.MAX_VALUE;
    }

    /**
     * Creates a range.
     *
     * @param start first offset, inclusive
     * @param end end offset, exclusive
     * @return the range
     */
    public static OffsetRange of(long start, long end) {
        return ImmutableOffsetRange.of(start, end);
    }

    /**
     * Splits {@code [start, end)} into at most {@code n} disjoint, contiguous, non-empty ranges of
     * sizes differing by at most one, in order. An empty interval gives an empty list.
     *
     * @param start first offset
     * @param end end offset (exclusive)
     * @param n the number of parts wanted, at least 1
     * @return the ranges
     */
    public static List<OffsetRange> split(long start, long end, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, was " + n);
        }
        if (start < 0 || end < start) {
            throw new IllegalArgumentException(
                    "range must satisfy 0 <= start <= end, was [" + start + ", " + end + ")");
        }
        long size = end - start;
        int parts = (int) Math.min(n, size);
        List<OffsetRange> out = new ArrayList<>(parts);
        long base = parts == 0 ? 0 : size / parts;
        long extra = parts == 0 ? 0 : size % parts;
        long at = start;
        for (int i = 0; i < parts; i++) {
            long len = base + (i < extra ? 1 : 0);
            out.add(of(at, at + len));
            at += len;
        }
        return out;
    }

    @Override
    public String toString() {
        return "[" + start() + ", " + (isUnbounded() ? "end" : String.valueOf(end())) + ")";
    }
}
