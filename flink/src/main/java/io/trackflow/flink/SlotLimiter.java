package io.trackflow.flink;

import io.trackflow.core.http.HttpRequest;
import io.trackflow.core.http.HttpResponse;
import io.trackflow.core.ratelimit.Permit;
import io.trackflow.core.ratelimit.RateLimitStats;
import io.trackflow.core.ratelimit.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Schedulers;

/**
 * One subtask's share of a job's budget: {@code slots} requests per {@code per}, where a slot is free
 * again {@code per} after the <em>end</em> of the attempt that used it (its response, or its failure),
 * not after it was granted. Every request reaches the server before its attempt ends, so two requests
 * on one slot arrive at least {@code per} apart however late the first was (a new connection, a busy
 * machine, a slow network): no interval of {@code per} at the server ever sees more than {@code
 * slots} of this subtask's requests, and the shares of all subtasks add up to the budget. The price
 * is one round trip per slot and interval: a rate of {@code slots / (per + latency)}.
 *
 * <p>Waiting is a timer, never a parked thread; waiters are served first come, first served;
 * cancelling a waiting call frees its place; a 429 holds every call for its {@code Retry-After}. A
 * wait is not checked against the call's deadline (a lookup that waits too long is cut by Flink's
 * async timeout; a source reader simply reads more slowly).
 */
final class SlotLimiter implements RateLimiter {

    private static final long IN_USE = Long.MAX_VALUE;

    private final Object lock = new Object();
    private final long perNanos;
    private final long[] freeAt; // per slot: when it may be used again (System.nanoTime()), or IN_USE
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    private long holdUntil = Long.MIN_VALUE;
    private @Nullable Disposable timer;
    private long timerAt = Long.MAX_VALUE;
    private long callsHeld;
    private long waitedNanos;

    SlotLimiter(int slots, Duration per) {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be >= 1, was " + slots);
        }
        this.perNanos = per.toNanos();
        this.freeAt = new long[slots];
        java.util.Arrays.fill(freeAt, Long.MIN_VALUE);
    }

    @Override
    public Mono<Permit> acquire(HttpRequest request, long deadlineNanos) {
        return Mono.create(sink -> {
            Waiter w = new Waiter(sink, System.nanoTime());
            sink.onCancel(() -> cancel(w));
            synchronized (lock) {
                queue.add(w);
            }
            drain();
        });
    }

    @Override
    public void update(HttpResponse response, Permit permit) {
        // nothing to learn: a slot's clock starts when the attempt ends (release)
    }

    @Override
    public void hold(Duration duration) {
        synchronized (lock) {
            holdUntil = Math.max(holdUntil, System.nanoTime() + duration.toNanos());
        }
        drain();
    }

    @Override
    public RateLimitStats stats() {
        synchronized (lock) {
            long now = System.nanoTime();
            int free = 0;
            long next = Long.MAX_VALUE;
            for (long f : freeAt) {
                if (f <= now) {
                    free++;
                } else if (f != IN_USE) {
                    next = Math.min(next, f);
                }
            }
            RateLimitStats.Builder b = RateLimitStats.builder()
                    .limit(freeAt.length)
                    .remaining(free)
                    .callsHeld(callsHeld)
                    .waiting(queue.size())
                    .timeWaited(Duration.ofNanos(waitedNanos));
            if (next != Long.MAX_VALUE) {
                b.resetAt(Instant.now().plusNanos(next - now));
            }
            if (holdUntil > now) {
                b.heldUntil(Instant.now().plusNanos(holdUntil - now));
            }
            return b.build();
        }
    }

    /** Grants slots to waiters in order; wakes itself when the next slot frees or the hold ends. */
    private void drain() {
        List<Waiter> granted = new ArrayList<>(2);
        synchronized (lock) {
            long now = System.nanoTime();
            while (!queue.isEmpty()) {
                Waiter w = queue.peek();
                if (w.state.get() == Waiter.CANCELLED) {
                    queue.poll();
                    continue;
                }
                long at = now < holdUntil ? holdUntil : nextFree(now);
                if (at > now) {
                    wakeAt(at, now);
                    break;
                }
                queue.poll();
                int slot = freeSlot(now);
                freeAt[slot] = IN_USE;
                w.permit = new Slot(slot);
                if (now - w.since > 1_000_000) { // waited for more than a millisecond
                    callsHeld++;
                    waitedNanos += now - w.since;
                }
                granted.add(w);
            }
        }
        for (Waiter w : granted) {
            if (!w.state.compareAndSet(Waiter.WAITING, Waiter.GRANTED)) {
                w.permit.release();
            } else {
                w.sink.success(w.permit);
            }
        }
    }

    /** {@code now} when a slot is free, else when the earliest releasing one frees ({@code IN_USE}: on release). */
    private long nextFree(long now) {
        long min = IN_USE;
        for (long f : freeAt) {
            if (f <= now) {
                return now;
            }
            min = Math.min(min, f);
        }
        return min;
    }

    private int freeSlot(long now) {
        for (int i = 0; i < freeAt.length; i++) {
            if (freeAt[i] <= now) {
                return i;
            }
        }
        throw new IllegalStateException("no free slot");
    }

    private void wakeAt(long at, long now) {
        if (at == IN_USE || (timer != null && timerAt <= at)) {
            return;
        }
        if (timer != null) {
            timer.dispose();
        }
        timerAt = at;
        timer = Schedulers.parallel()
                .schedule(
                        () -> {
                            synchronized (lock) {
                                timer = null;
                                timerAt = Long.MAX_VALUE;
                            }
                            drain();
                        },
                        at - now,
                        TimeUnit.NANOSECONDS);
    }

    private void cancel(Waiter w) {
        if (w.state.compareAndSet(Waiter.WAITING, Waiter.CANCELLED)) {
            synchronized (lock) {
                queue.remove(w);
            }
            drain();
        } else {
            Slot granted = w.permit;
            if (granted != null) {
                granted.release(); // granted as it was cancelled: give it back (idempotent)
            }
        }
    }

    @Override
    public String toString() {
        return "SlotLimiter(" + freeAt.length + " per " + Duration.ofNanos(perNanos) + " after each response)";
    }

    /** A call waiting for a slot. */
    private static final class Waiter {
        static final int WAITING = 0;
        static final int GRANTED = 1;
        static final int CANCELLED = 2;

        final MonoSink<Permit> sink;
        final long since;
        final AtomicInteger state = new AtomicInteger(WAITING);
        volatile @Nullable Slot permit;

        Waiter(MonoSink<Permit> sink, long since) {
            this.sink = sink;
            this.since = since;
        }
    }

    /** A granted slot: free again {@code per} after its release. */
    private final class Slot implements Permit {
        private final int index;
        private final long grantedAt = System.nanoTime();
        private final AtomicBoolean released = new AtomicBoolean();

        Slot(int index) {
            this.index = index;
        }

        @Override
        public long grantedAtNanos() {
            return grantedAt;
        }

        @Override
        public void release() {
            if (released.compareAndSet(false, true)) {
                synchronized (lock) {
                    freeAt[index] = System.nanoTime() + perNanos;
                }
                drain();
            }
        }
    }
}
