package io.trackflow.flink;

import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.core.ratelimit.RateLimiter;
import java.util.Map;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.base.source.reader.RecordEmitter;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;

/**
 * Emits the tracks of its splits and keeps, per split, the offset of the next item: that position
 * is what a checkpoint stores, so a restore resumes each split exactly where it stopped.
 *
 * <p>The reader owns one client (and so one rate limiter, its share of the source's budget) for its
 * whole life: Flink closes an idle split fetcher and makes a new one for the next split, and a client
 * per fetcher would open a new pool and start a fresh budget each time.
 */
final class ListingSourceReader
        extends SingleThreadMultiplexSourceReaderBase<
                TrackAtOffset, BackgroundTrack, OffsetRangeSplit, ListingSourceReader.SplitState> {

    private final BeyondWordsClient client;

    private ListingSourceReader(
            SourceSettings config, SourceReaderContext context, BeyondWordsClient client, TrackflowMetrics metrics) {
        super(
                () -> new ListingSplitReader(config, client, metrics),
                new Emitter(metrics),
                context.getConfiguration(),
                context);
        this.client = client;
    }

    /** A reader with its client, its share of the rate budget and its metrics. */
    static ListingSourceReader create(SourceSettings config, SourceReaderContext context) {
        RateLimiter limiter = config.readerLimiter(context);
        TrackflowMetrics metrics = TrackflowMetrics.forSource(context.metricGroup(), limiter);
        BeyondWordsClient client = config.newClient(limiter, metrics.retryListener());
        ReactorResources.releaseWith(context.getUserCodeClassLoader());
        try {
            return new ListingSourceReader(config, context, client, metrics);
        } catch (RuntimeException | Error e) {
            client.close();
            throw e;
        }
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

    @Override
    public void close() throws Exception {
        try {
            super.close();
        } finally {
            client.close();
        }
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
        private final TrackflowMetrics metrics;

        Emitter(TrackflowMetrics metrics) {
            this.metrics = metrics;
        }

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
                metrics.records.inc();
            }
            state.position = element.offset() + 1;
        }
    }
}
