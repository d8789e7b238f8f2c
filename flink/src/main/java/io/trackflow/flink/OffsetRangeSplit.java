package io.trackflow.flink;

import io.trackflow.core.paging.OffsetRange;
import java.time.Instant;
import java.util.Optional;
import org.apache.flink.api.connector.source.SourceSplit;
import org.immutables.value.Value;

/**
 * A part of a listing one reader reads: the offsets {@code [start, end)}, the reader's position
 * inside it (the offset of the next item to read, checkpointed), the pass of the listing it
 * belongs to, and, in continuous mode, the instant since which changes are emitted.
 */
@Value.Immutable
public abstract class OffsetRangeSplit implements SourceSplit {

    OffsetRangeSplit() {}

    /** The split id, unique within a job. */
    @Override
    public abstract String splitId();

    /** The first offset of the range. */
    public abstract long start();

    /** The end offset of the range (exclusive); {@link Long#MAX_VALUE} for "to the end". */
    public abstract long end();

    /** The offset of the next item to read: {@code start()} for a fresh split. */
    public abstract long position();

    /** The pass of the listing (1 for the first; continuous mode counts up). */
    public abstract long pass();

    /** In continuous mode after the first pass: only tracks updated at or after this are emitted. */
    public abstract Optional<Instant> changedSince();

    @Value.Check
    final void check() {
        if (start() < 0 || end() < start() || position() < start() || position() > end()) {
            throw new IllegalArgumentException("split must satisfy 0 <= start <= position <= end, was " + this);
        }
    }

    /** The offsets still to read. */
    public final OffsetRange remaining() {
        return OffsetRange.of(position(), end());
    }

    /** Whether nothing is left to read. */
    public final boolean isFinished() {
        return position() >= end();
    }

    /**
     * This split with the reader's position moved.
     *
     * @param position the offset of the next item to read
     * @return the split
     */
    public final OffsetRangeSplit atPosition(long position) {
        return of(splitId(), start(), end(), position, pass(), changedSince());
    }

    /**
     * Creates a split.
     *
     * @param splitId the id
     * @param start the first offset
     * @param end the end offset (exclusive)
     * @param position the next offset to read
     * @param pass the listing pass
     * @param changedSince the continuous-mode filter, if any
     * @return the split
     */
    public static OffsetRangeSplit of(
            String splitId, long start, long end, long position, long pass, Optional<Instant> changedSince) {
        return ImmutableOffsetRangeSplit.builder()
                .splitId(splitId)
                .start(start)
                .end(end)
                .position(position)
                .pass(pass)
                .changedSince(changedSince)
                .build();
    }

    @Override
    public String toString() {
        return "OffsetRangeSplit{" + splitId() + " [" + start() + ", " + (end() == Long.MAX_VALUE ? "end" : end())
                + ") at " + position() + ", pass " + pass()
                + changedSince().map(c -> ", changed since " + c).orElse("") + "}";
    }
}
