package io.trackflow.core.ratelimit;

import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.MonoSink;

/** A call waiting in a {@link QueueingLimiter}'s queue for its permit. */
final class Waiter {
    static final int WAITING = 0;
    static final int GRANTED = 1;
    static final int CANCELLED = 2;

    final MonoSink<Permit> sink;
    final long since;
    final AtomicInteger state = new AtomicInteger(WAITING);
    volatile QueueingLimiter.@Nullable Grant permit;

    Waiter(MonoSink<Permit> sink, long since) {
        this.sink = sink;
        this.since = since;
    }

    boolean cancelled() {
        return state.get() == CANCELLED;
    }
}
