package io.trackflow.flink;

import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.core.paging.OffsetRange;
import io.trackflow.core.retry.RetryListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.util.FlinkRuntimeException;
import org.jspecify.annotations.Nullable;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * Lists the total once per pass, cuts {@code [offset, total)} into splits of {@code splitSize}, and
 * hands them to readers as they ask. Splits of a failed reader come back through {@link
 * #addSplitsBack} and go out again. In continuous mode a new pass starts every interval once every
 * split of the previous one has been handed out. All state is touched on the coordinator thread;
 * HTTP runs in {@code callAsync} workers.
 */
final class ListingEnumerator implements SplitEnumerator<OffsetRangeSplit, ListingEnumeratorState> {

    private static final Logger LOG = Loggers.getLogger(ListingEnumerator.class);

    private final SplitEnumeratorContext<OffsetRangeSplit> context;
    private final SourceSettings config;
    private final Deque<OffsetRangeSplit> pending = new ArrayDeque<>();
    private final Set<Integer> waiting = new LinkedHashSet<>();
    private long nextSplitNumber;
    private long pass;
    private Optional<Instant> lastPassStartedAt;
    private boolean discovering;
    private volatile @Nullable BeyondWordsClient client;

    ListingEnumerator(
            SplitEnumeratorContext<OffsetRangeSplit> context, SourceSettings config, ListingEnumeratorState state) {
        this.context = context;
        this.config = config;
        this.pending.addAll(state.pendingSplits());
        this.nextSplitNumber = state.nextSplitNumber();
        this.pass = state.pass();
        this.lastPassStartedAt = state.lastPassStartedAt();
    }

    @Override
    public void start() {
        if (pass == 0) {
            discover();
        }
        if (config.continuous()) {
            long every = config.continuousIntervalMillis();
            context.callAsync(
                    () -> Boolean.TRUE,
                    (ok, error) -> {
                        if (pending.isEmpty() && !discovering) {
                            discover();
                        }
                    },
                    every,
                    every);
        }
    }

    /** Starts a pass: learns the total in a worker, then cuts splits on the coordinator thread. */
    private void discover() {
        discovering = true;
        Instant startedAt = Instant.now();
        context.callAsync(
                () -> client().backgroundTracks().partitions(config.query(), 1).block(Duration.ofMinutes(5)),
                (ranges, error) -> {
                    discovering = false;
                    if (error != null) {
                        if (config.continuous() && pass > 0) {
                            LOG.warn(
                                    "listing pass {} could not start; retrying at the next interval: {}",
                                    pass + 1,
                                    error.toString());
                            return;
                        }
                        throw new FlinkRuntimeException("could not list the BeyondWords background tracks", error);
                    }
                    Optional<Instant> changedSince = pass == 0 || lastPassStartedAt.isEmpty()
                            ? Optional.empty()
                            : Optional.of(lastPassStartedAt.get().minus(config.lookback()));
                    pass++;
                    lastPassStartedAt = Optional.of(startedAt);
                    List<OffsetRangeSplit> created = cut(ranges, changedSince);
                    pending.addAll(created);
                    LOG.debug("pass {}: {} splits", pass, created.size());
                    assignWaiting();
                });
    }

    private List<OffsetRangeSplit> cut(List<OffsetRange> ranges, Optional<Instant> changedSince) {
        List<OffsetRangeSplit> out = new ArrayList<>();
        for (OffsetRange r : ranges) {
            if (r.isUnbounded()) {
                out.add(OffsetRangeSplit.of(nextId(), r.start(), r.end(), r.start(), pass, changedSince));
                continue;
            }
            for (long at = r.start(); at < r.end(); at += config.splitSize()) {
                long to = Math.min(r.end(), at + config.splitSize());
                out.add(OffsetRangeSplit.of(nextId(), at, to, at, pass, changedSince));
            }
        }
        return out;
    }

    private String nextId() {
        return "split-" + nextSplitNumber++;
    }

    private BeyondWordsClient client() {
        BeyondWordsClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    client = c = config.newClient(config.enumeratorLimiter(), RetryListener.NONE);
                }
            }
        }
        return c;
    }

    @Override
    public void handleSplitRequest(int subtaskId, @Nullable String requesterHostname) {
        waiting.add(subtaskId);
        assignWaiting();
    }

    private void assignWaiting() {
        for (Integer reader : new ArrayList<>(waiting)) {
            if (!context.registeredReaders().containsKey(reader)) {
                continue;
            }
            OffsetRangeSplit next = pending.poll();
            if (next != null) {
                context.assignSplit(next, reader);
                waiting.remove(reader);
            } else if (!config.continuous() && pass > 0 && !discovering) {
                context.signalNoMoreSplits(reader);
                waiting.remove(reader);
            }
        }
    }

    @Override
    public void addSplitsBack(List<OffsetRangeSplit> splits, int subtaskId) {
        List<OffsetRangeSplit> back = new ArrayList<>(splits);
        Collections.reverse(back);
        back.forEach(pending::addFirst);
        assignWaiting();
    }

    @Override
    public void addReader(int subtaskId) {
        // readers ask for splits themselves
    }

    @Override
    public ListingEnumeratorState snapshotState(long checkpointId) {
        return ListingEnumeratorState.of(new ArrayList<>(pending), nextSplitNumber, pass, lastPassStartedAt);
    }

    @Override
    public void close() {
        BeyondWordsClient c = client;
        if (c != null) {
            c.close();
        }
    }
}
