package io.trackflow.core.client;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * The calls of one client that have started and not ended, so that closing the client ends them at once:
 * an attempt in flight is cancelled (its connection closed, not left to answer), a wait before a retry or
 * for a rate-limit slot stops, and the caller gets the client's refusal. A call joins when it starts and
 * leaves when it ends; one that starts while the client closes finds the refusal when it looks again after
 * joining, so none is missed.
 */
final class RunningCalls {

    /** The running calls ({@link CallRun}s). */
    private final Set<Object> running = ConcurrentHashMap.newKeySet();

    RunningCalls() {
        // the map's table made here, on the client's thread: two event loops starting the first calls at once
        // would otherwise race to make it, and the loser yields its thread (a blocking call to BlockHound)
        Object marker = new Object();
        running.add(marker);
        running.remove(marker);
    }

    /** Adds a call that has started. */
    void add(CallRun<?> run) {
        running.add(run);
    }

    /** Removes a call that has ended (once or more: harmless). */
    void remove(CallRun<?> run) {
        running.remove(run);
    }

    /** Ends every running call with the refusal {@code error} makes (one per call). */
    void abortAll(Supplier<? extends Throwable> error) {
        for (Object run : running) {
            try {
                ((CallRun<?>) run).abort(error.get());
            } catch (RuntimeException e) { // a subscriber that throws from onError: the others still end
                Operators.onErrorDropped(e, Context.empty());
            }
        }
    }

    /** How many calls are running (for tests). */
    int size() {
        return running.size();
    }
}
