package io.trackflow.flink;

import io.trackflow.beyondwords.model.BackgroundTrack;
import java.util.Map;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.RecordEmitter;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;

/**
 * Emits the tracks of its splits and keeps, per split, the offset of the next item: that position
 * is what a checkpoint stores, so a restore resumes each split exactly where it stopped.
 */
final class ListingSourceReader
        extends SingleThreadMultiplexSourceReaderBase<
                TrackAtOffset, BackgroundTrack, OffsetRangeSplit, ListingSourceReader.SplitState> {

    ListingSourceReader(SourceSettings config, Configuration flinkConfig, SourceReaderContext context) {
        super(() -> new ListingSplitReader(config), new Emitter(), flinkConfig, context);
    }

    @Override
    public void start() {
        if (getNumberOfCurrentlyAssignedSplits() == 0) {
            context.sendSplitRequest();
        }
    }

    @Override
    protected void onSplitFinished(Map<String, SplitState> finished) {
        context.sendSplitRequest();
    }

    @Override
    protected SplitState initializedState(OffsetRangeSplit split) {
        return new SplitState(split);
    }

    @Override
    protected OffsetRangeSplit toSplitType(String splitId, SplitState state) {
        return state.split.atPosition(state.position);
    }

    /** The mutable position of one split. */
    static final class SplitState {
        final OffsetRangeSplit split;
        long position;

        SplitState(OffsetRangeSplit split) {
            this.split = split;
            this.position = split.position();
        }
    }

    /** Emits a track (when it passes the continuous-mode filter) and moves the split's position. */
    private static final class Emitter implements RecordEmitter<TrackAtOffset, BackgroundTrack, SplitState> {
        @Override
        public void emitRecord(TrackAtOffset element, SourceOutput<BackgroundTrack> output, SplitState state) {
            if (element.offset() < state.position) {
                return; // already emitted before a restore
            }
            BackgroundTrack t = element.track();
            if (state.split
                    .changedSince()
                    .map(since -> !t.updated().isBefore(since))
                    .orElse(true)) {
                output.collect(t);
            }
            state.position = element.offset() + 1;
        }
    }
}
