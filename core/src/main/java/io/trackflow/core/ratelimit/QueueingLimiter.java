package io.trackflow.core.ratelimit;

import io.trackflow.core.error.internal.ErrorAccess;
import io.trackflow.core.http.HttpRequest;
import io.trackflow.core.http.HttpResponse;
import io.trackflow.core.internal.Deadlines;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * What the queueing limiters share: a first-come-first-served queue of waiting calls, holds, a timer
 * (never a parked thread) that wakes the queue when the budget allows, the hand-over of permits to the
 * limiter's scheduler, the deadline check, and the figures. Subclasses say when a permit may be
 * granted; every subclass hook runs under the lock. Time is the clock's ({@link System#nanoTime()}
 * unless a test gives another).
 */
abstract class QueueingLimiter implements RateLimiter {

    /** {@link #grantableAt} when only a response or a released permit can change the answer. */
    static final long ON_EVENT = Long.MAX_VALUE;

    /** With {@code countOnGrant}: a shorter wait does not count as held (1 ms). */
    static final long HELD = 1_000_000;

    private final Object lock = new Object();
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    private final Scheduler scheduler;
    private final LongSupplier clock;
    private final boolean countOnGrant;
    private long holdUntil = Long.MIN_VALUE; // guarded by lock, System.nanoTime() scale
    private @Nullable Disposable timer; // guarded by lock
    private long timerAt = Long.MAX_VALUE; // guarded by lock
    private long callsHeld; // guarded by lock
    private long waitedNanos; // guarded by lock

    QueueingLimiter() {
        this(Schedulers.parallel(), System::nanoTime, false);
    }

    /**
     * @param scheduler runs the timer and hands permits over to calls that waited
     * @param clock {@link System#nanoTime()}, or a test's clock
     * @param countOnGrant how the figures count held calls: false, a call counts in {@code callsHeld}
     *     as soon as it queues; true, when it is granted after waiting more than {@link #HELD}, and
     *     only then is its wait added to {@code timeWaited}
     */
    QueueingLimiter(Scheduler scheduler, LongSupplier clock, boolean countOnGrant) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.countOnGrant = countOnGrant;
    }

    /** 0 when a permit can be granted at {@code now}; else when to ask again, or {@link #ON_EVENT}. */
    abstract long grantableAt(long now);

    /** Takes one permit's worth of budget; only after {@code grantableAt(now) == 0}. */
    abstract Grant take(long now);

    /** How long a caller with {@code ahead} callers before it would wait from {@code at}; -1 if unknown. */
    abstract long estimateWait(long at, int ahead);

    /** A permit came back ({@link #now()} tells when). */
    abstract void released(Grant grant);

    /** Learns from a response. */
    abstract void learn(HttpResponse response, Grant grant, long now);

    /** Adds what the subclass knows (limit, remaining, reset) to the figures. */
    abstract void describe(RateLimitStats.Builder figures, long now);

    @Override
    public final Mono<Permit> acquire(HttpRequest request, long deadlineNanos) {
        return Mono.create(sink -> {
            Waiter w = new Waiter(sink, clock.getAsLong());
            sink.onCancel(() -> cancel(w));
            Throwable refused = null;
            boolean now;
            synchronized (lock) {
                long t = clock.getAsLong();
                now = queue.isEmpty() && t >= holdUntil && grantableAt(t) == 0;
                if (now) {
                    w.permit = take(t);
                } else {
                    long wait = waitFrom(t, queue.size());
                    if (wait >= 0 && t + wait > deadlineNanos) {
                        refused = ErrorAccess.get()
                                .rateLimited(
                                        request,
                                        Duration.ofNanos(wait),
                                        "the client's rate limit holds this call for " + wait / 1_000_000
                                                + " ms, longer than what is left of its total timeout");
                    } else {
                        queue.add(w);
                        if (!countOnGrant) {
                            callsHeld++;
                        }
                    }
                }
            }
            if (refused != null) {
                sink.error(refused);
            } else if (now) {
                hand(w);
            } else {
                drain();
            }
        });
    }

    @Override
    public final void update(HttpResponse response, Permit permit) {
        if (permit instanceof Grant && ((Grant) permit).owner == this) {
            synchronized (lock) {
                learn(response, (Grant) permit, clock.getAsLong());
            }
            drain();
        }
    }

    @Override
    public final void hold(Duration duration) {
        synchronized (lock) {
            long now = clock.getAsLong();
            long until = now + Deadlines.saturatedNanos(duration);
            if (until > holdUntil) {
                holdUntil = until;
            }
        }
        drain();
    }

    @Override
    public final RateLimitStats stats() {
        RateLimitStats.Builder b = RateLimitStats.builder();
        synchronized (lock) {
            long now = clock.getAsLong();
            describe(b, now);
            if (holdUntil > now) {
                b.heldUntil(at(holdUntil, now));
            }
            b.callsHeld(callsHeld).waiting(queue.size()).timeWaited(Duration.ofNanos(waitedNanos));
        }
        return b.build();
    }

    /** The limiter's clock: {@link System#nanoTime()}, or a test's. */
    final long now() {
        return clock.getAsLong();
    }

    /** The wall-clock instant of a {@link System#nanoTime()} instant. */
    static Instant at(long nanos, long now) {
        return Instant.now().plusNanos(nanos - now);
    }

    private long waitFrom(long now, int ahead) {
        long from = Math.max(now, holdUntil);
        long est = estimateWait(from, ahead);
        return est < 0 ? -1 : (from - now) + est;
    }

    /** Grants what can be granted, in order; wakes itself when the head of the queue can go. */
    final void drain() {
        List<Waiter> granted = new ArrayList<>(2);
        synchronized (lock) {
            long now = clock.getAsLong();
            while (!queue.isEmpty()) {
                Waiter w = queue.peek();
                if (w.cancelled()) {
                    queue.poll();
                    continue;
                }
                long at = now < holdUntil ? holdUntil : grantableAt(now);
                if (at != 0) {
                    wakeAt(at, now);
                    break;
                }
                queue.poll();
                w.permit = take(now);
                long waited = now - w.since;
                if (!countOnGrant) {
                    waitedNanos += waited;
                } else if (waited > HELD) {
                    callsHeld++;
                    waitedNanos += waited;
                }
                granted.add(w);
            }
        }
        handOver(granted);
    }

    /**
     * Delivers permits granted to waiting calls, in order, on a worker of the limiter's scheduler, never
     * on the thread that freed them: that is mostly an event loop delivering a response, and a call
     * started there gets its new connections on that same loop (Reactor Netty colocates them), so that
     * the calls released by one answer would all end up on one event loop for good (measured: lookups
     * at concurrency 64 ran on one of four loops, at 2.5 x the time). A call granted at once, without
     * waiting, goes on on its own thread.
     */
    private void handOver(List<Waiter> granted) {
        if (granted.isEmpty()) {
            return;
        }
        try {
            scheduler.schedule(() -> granted.forEach(this::hand)); // one task: the batch stays in order
        } catch (RejectedExecutionException e) { // the scheduler is shut down
            granted.forEach(this::hand);
        }
    }

    private void wakeAt(long at, long now) {
        if (at == ON_EVENT || (timer != null && timerAt <= at)) {
            return;
        }
        if (timer != null) {
            timer.dispose();
        }
        timerAt = at;
        timer = scheduler.schedule(
                () -> {
                    synchronized (lock) {
                        timer = null;
                        timerAt = Long.MAX_VALUE;
                    }
                    drain();
                },
                Math.max(0, at - now),
                TimeUnit.NANOSECONDS);
    }

    /** Delivers a granted permit, unless the caller has gone: then the permit goes straight back. */
    private void hand(Waiter w) {
        Grant p = w.permit;
        if (p == null) {
            return;
        }
        if (w.state.compareAndSet(Waiter.WAITING, Waiter.GRANTED)) {
            w.sink.success(p);
        } else {
            p.release();
        }
    }

    private void cancel(Waiter w) {
        if (w.state.compareAndSet(Waiter.WAITING, Waiter.CANCELLED)) {
            synchronized (lock) {
                queue.remove(w);
            }
            drain(); // its place is free
        } else if (w.permit != null) {
            w.permit.release(); // granted as it was cancelled: give it back (idempotent)
        }
    }

    /**
     * A permit of this limiter; {@code probe}: granted to learn a window the limiter does not know. A
     * subclass may extend it to remember more ({@link SlotLimiter}: the slot).
     */
    class Grant implements Permit {
        final QueueingLimiter owner = QueueingLimiter.this;
        final long grantedAt;
        final boolean probe;
        private final AtomicBoolean released = new AtomicBoolean();

        Grant(long grantedAt, boolean probe) {
            this.grantedAt = grantedAt;
            this.probe = probe;
        }

        @Override
        public long grantedAtNanos() {
            return grantedAt;
        }

        @Override
        public void release() {
            if (released.compareAndSet(false, true)) {
                synchronized (lock) {
                    released(this);
                }
                drain();
            }
        }
    }
}
