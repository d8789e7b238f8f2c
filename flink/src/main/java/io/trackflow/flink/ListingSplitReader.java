package io.trackflow.flink;

import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.core.paging.Page;
import io.trackflow.core.paging.PageCursor;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;

/**
 * Reads its splits one after the other through the reactive client (its retries, its pages in
 * flight), one page per {@link #fetch()}. Buffering is bounded: the subscriber asks for the next
 * page only when Flink has taken the previous one. A listing that fails after the client's retries
 * fails the fetch, and Flink restarts from the last checkpoint. The client is the source reader's.
 */
final class ListingSplitReader implements SplitReader<TrackAtOffset, OffsetRangeSplit> {

    private static final Object WAKE_UP = new Object();
    private static final Object DONE = new Object();

    private final SourceSettings config;
    private final BeyondWordsClient client;
    private final TrackflowMetrics metrics;
    private final Deque<OffsetRangeSplit> splits = new ArrayDeque<>();
    private @Nullable OffsetRangeSplit current;
    private volatile @Nullable PageSubscriber subscriber;

    ListingSplitReader(SourceSettings config, BeyondWordsClient client, TrackflowMetrics metrics) {
        this.config = config;
        this.client = client;
        this.metrics = metrics;
    }

    @Override
    public RecordsWithSplitIds<TrackAtOffset> fetch() throws IOException {
        RecordsBySplits.Builder<TrackAtOffset> out = new RecordsBySplits.Builder<>();
        OffsetRangeSplit split = current;
        if (split == null) {
            split = splits.poll();
            if (split == null) {
                return out.build();
            }
            if (split.isFinished()) {
                out.addFinishedSplit(split.splitId());
                return out.build();
            }
            current = split;
            subscriber = start(split);
        }
        PageSubscriber s = subscriber;
        Object next;
        try {
            next = s.queue.poll(200, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return out.build();
        }
        if (next == null || next == WAKE_UP) {
            return out.build();
        }
        if (next == DONE) {
            out.addFinishedSplit(split.splitId());
            current = null;
            subscriber = null;
            return out.build();
        }
        if (next instanceof Throwable) {
            metrics.errors.inc();
            current = null;
            subscriber = null;
            throw new IOException("reading " + split + " failed: " + ((Throwable) next).getMessage(), (Throwable) next);
        }
        @SuppressWarnings("unchecked")
        Page<BackgroundTrack> page = (Page<BackgroundTrack>) next;
        metrics.calls.inc();
        List<BackgroundTrack> items = page.items();
        for (int i = 0; i < items.size(); i++) {
            out.add(split.splitId(), new TrackAtOffset(items.get(i), page.offset() + i));
        }
        s.more();
        return out.build();
    }

    private PageSubscriber start(OffsetRangeSplit split) {
        BackgroundTrackQuery query = config.query();
        PageCursor from = PageCursor.of(split.start(), split.position(), split.end(), query.fingerprint());
        PageSubscriber s = new PageSubscriber();
        client.backgroundTracks().pages(query, from).subscribe(s);
        return s;
    }

    @Override
    public void handleSplitsChanges(SplitsChange<OffsetRangeSplit> change) {
        if (!(change instanceof SplitsAddition)) {
            throw new UnsupportedOperationException("unsupported split change " + change);
        }
        splits.addAll(change.splits());
    }

    @Override
    public void wakeUp() {
        PageSubscriber s = subscriber;
        if (s != null) {
            s.queue.offer(WAKE_UP);
        }
    }

    /** Stops the listing in flight; the client belongs to the source reader, which closes it. */
    @Override
    public void close() {
        PageSubscriber s = subscriber;
        if (s != null) {
            s.dispose();
        }
    }

    /** Pages into a queue, one requested at a time. */
    private static final class PageSubscriber extends BaseSubscriber<Page<BackgroundTrack>> {
        final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            request(1);
        }

        @Override
        protected void hookOnNext(Page<BackgroundTrack> page) {
            queue.offer(page);
        }

        @Override
        protected void hookOnComplete() {
            queue.offer(DONE);
        }

        @Override
        protected void hookOnError(Throwable error) {
            queue.offer(error);
        }

        void more() {
            request(1);
        }
    }
}
