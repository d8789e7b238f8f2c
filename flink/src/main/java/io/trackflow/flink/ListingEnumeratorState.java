package io.trackflow.flink;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** The checkpointed state of the split enumerator of a {@link BackgroundTrackSource}. */
@Value.Immutable
public abstract class ListingEnumeratorState {

    ListingEnumeratorState() {}

    /** Splits not yet assigned to a reader. */
    public abstract List<OffsetRangeSplit> pendingSplits();

    /** The number the next split id gets. */
    public abstract long nextSplitNumber();

    /** The number of listing passes started (0 before the first). */
    public abstract long pass();

    /** When the latest pass started (continuous mode). */
    public abstract Optional<Instant> lastPassStartedAt();

    /** The initial, empty state. */
    public static ListingEnumeratorState initial() {
        return ImmutableListingEnumeratorState.builder()
                .nextSplitNumber(0)
                .pass(0)
                .build();
    }

    /**
     * Creates a state.
     *
     * @param pending the splits not yet assigned
     * @param nextSplitNumber the next split number
     * @param pass passes started
     * @param lastPassStartedAt when the latest pass started
     * @return the state
     */
    public static ListingEnumeratorState of(
            List<OffsetRangeSplit> pending, long nextSplitNumber, long pass, Optional<Instant> lastPassStartedAt) {
        return ImmutableListingEnumeratorState.builder()
                .pendingSplits(pending)
                .nextSplitNumber(nextSplitNumber)
                .pass(pass)
                .lastPassStartedAt(lastPassStartedAt)
                .build();
    }
}
