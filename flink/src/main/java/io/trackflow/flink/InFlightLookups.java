package io.trackflow.flink;

import io.trackflow.beatpass.BeatPassClient;
import io.trackflow.beatpass.model.Track;
import io.trackflow.beatpass.model.TrackInclude;
import io.trackflow.core.error.HttpStatusException;
import io.trackflow.core.error.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import reactor.core.Disposable;
import reactor.core.Disposables;

/**
 * One lookup subtask's lookups in flight: each element's lookup, completed exactly once, by its track,
 * its failure (a missing track skipped when asked) or its timeout, whichever comes first: Flink's async
 * timeout or the client's total timeout, which is capped at it, both fail the element with a {@link
 * TimeoutException} naming the id. Results
 * are handed to Flink from a thread of the subtask's own ({@link Completions}), never from a Netty event
 * loop: completing a {@code ResultFuture} enqueues into the task's mailbox, which takes a lock.
 */
final class InFlightLookups implements AutoCloseable {

    private final BeatPassClient client;
    private final TrackInclude[] with;
    private final boolean skipMissing;
    private final TrackflowMetrics metrics;
    private final Map<ResultFuture<Track>, Disposable> inFlight = new ConcurrentHashMap<>();
    private final Completions completions;

    InFlightLookups(
            BeatPassClient client, TrackInclude[] with, boolean skipMissing, TrackflowMetrics metrics, int subtask) {
        this.client = client;
        this.with = with;
        this.skipMissing = skipMissing;
        this.metrics = metrics;
        this.completions = new Completions("trackflow-lookups-" + subtask);
    }

    /** Starts the lookup of {@code id}, to complete {@code result}. */
    void start(Long id, ResultFuture<Track> result) {
        metrics.calls.inc();
        if (id == null || id <= 0) {
            metrics.errors.inc();
            result.completeExceptionally(new IllegalArgumentException("track ids must be > 0, got " + id));
            return;
        }
        Disposable.Swap lookup = Disposables.swap();
        inFlight.put(result, lookup);
        lookup.update(client.tracks()
                .get(id, with)
                .subscribe(
                        track -> completions.execute(() -> found(result, track)),
                        error -> completions.execute(() -> failed(id, result, error))));
    }

    private void found(ResultFuture<Track> result, Track track) {
        if (inFlight.remove(result) != null) {
            metrics.records.inc();
            result.complete(List.of(track));
        }
    }

    private void failed(Long id, ResultFuture<Track> result, Throwable error) {
        if (inFlight.remove(result) == null) {
            return; // timed out already
        }
        if (skipMissing && isMissing(error)) {
            metrics.missing.inc();
            result.complete(List.of());
        } else if (isOutOfTime(error)) {
            // the client's deadline is the async timeout (or shorter): the same event as Flink's timer,
            // which it may beat by a tick, so it fails the element the same way
            metrics.timeouts.inc();
            TimeoutException timeout = new TimeoutException("the BeatPass lookup of track " + id
                    + " took longer than its time limit (rate-limit waits and retries included)");
            timeout.initCause(error);
            result.completeExceptionally(timeout);
        } else {
            metrics.errors.inc();
            result.completeExceptionally(error);
        }
    }

    private static boolean isOutOfTime(Throwable e) {
        return e instanceof io.trackflow.core.error.TimeoutException
                && ((io.trackflow.core.error.TimeoutException) e).kind()
                        == io.trackflow.core.error.TimeoutException.Kind.TOTAL;
    }

    private static boolean isMissing(Throwable e) {
        return e instanceof NotFoundException
                || (e instanceof HttpStatusException && ((HttpStatusException) e).status() == 410);
    }

    /** Flink's timeout for {@code id}: cancels the lookup (freeing its limiter slot) and fails the element. */
    void timeout(Long id, ResultFuture<Track> result) {
        Disposable lookup = inFlight.remove(result);
        if (lookup == null) {
            return; // finished in the meantime
        }
        lookup.dispose();
        metrics.timeouts.inc();
        result.completeExceptionally(new TimeoutException("the BeatPass lookup of track " + id
                + " took longer than the async timeout (rate-limit waits and retries included)"));
    }

    /** Cancels every lookup in flight and closes the client. */
    @Override
    public void close() {
        inFlight.values().forEach(Disposable::dispose);
        inFlight.clear();
        client.close();
        completions.close();
    }
}
