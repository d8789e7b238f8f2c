package io.trackflow.core.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

/**
 * Ends a call at its deadline without a timer per call. {@code Mono.timeout} schedules a task on
 * {@link Schedulers#parallel()} for every call and cancels it when the answer comes: with calls
 * answered in milliseconds and deadlines of minutes, that wakes a parallel worker for every call (a
 * thread park and unpark per page, measured). Here a call whose deadline is more than {@link
 * #PRECISE} away joins a set that one shared tick scans every {@link #TICK} while the set is not
 * empty; it ends at most one tick late. A nearer deadline keeps an exact timer.
 */
public final class Deadlines {

    /** How often the shared tick looks for expired calls. */
    static final Duration TICK = Duration.ofMillis(100);

    /** Deadlines nearer than this get an exact timer of their own. */
    static final Duration PRECISE = Duration.ofSeconds(2);

    private static final Set<Watch<?>> WATCHED = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean TICKING = new AtomicBoolean();

    private Deadlines() {}

    /** The longest hold kept as such: a quarter of what a {@code long} of nanoseconds counts (~73 years). */
    private static final Duration LONGEST_HOLD = Duration.ofNanos(Long.MAX_VALUE / 4);

    /**
     * A duration in nanoseconds, at most {@link #LONGEST_HOLD}: a hold, window or wait past what nanoseconds can
     * count (~292 years) lasts as long as they can, and {@code now} plus it never overflows.
     *
     * @param duration the duration (a 429's {@code Retry-After}, a backoff, a rate-limit window), not negative
     * @return its nanoseconds, saturated
     */
    public static long saturatedNanos(Duration duration) {
        return duration.compareTo(LONGEST_HOLD) >= 0 ? LONGEST_HOLD.toNanos() : duration.toNanos();
    }

    /**
     * The deadline of a call that starts now and may take {@code timeout}, on {@link System#nanoTime()}'s
     * scale: {@link Long#MAX_VALUE} (none) for a timeout nanoseconds cannot count from now (~73 years or more).
     *
     * @param timeout the call's total timeout, positive
     * @return its deadline
     */
    public static long deadlineNanos(Duration timeout) {
        return timeout.compareTo(LONGEST_HOLD) >= 0 ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    }

    /**
     * {@code source}, failed with {@code expired} if it has not produced its value or completed by
     * {@code deadlineNanos} (on {@link System#nanoTime()}'s scale); cancelled then.
     *
     * @param source the call
     * @param deadlineNanos when it must have answered
     * @param expired the error it fails with at the deadline
     * @param <T> the value
     * @return the bounded call
     */
    public static <T> Mono<T> within(Mono<T> source, long deadlineNanos, Supplier<? extends Throwable> expired) {
        if (deadlineNanos == Long.MAX_VALUE) {
            return source;
        }
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            return Mono.error(expired);
        }
        if (left <= PRECISE.toNanos()) {
            return source.timeout(Duration.ofNanos(left), Mono.error(expired), Schedulers.parallel());
        }
        return new Bounded<>(source, deadlineNanos, expired);
    }

    /** Calls currently watched by the shared tick (for tests). */
    static int watched() {
        return WATCHED.size();
    }

    /** Whether the shared tick is scheduled (for tests: it stops when no call is watched). */
    static boolean ticking() {
        return TICKING.get();
    }

    private static void watch(Watch<?> w) {
        WATCHED.add(w);
        if (w.done != 0) {
            WATCHED.remove(w); // it answered while joining
        } else if (TICKING.compareAndSet(false, true)) {
            schedule();
        }
    }

    private static void schedule() {
        try {
            Schedulers.parallel().schedule(Deadlines::tick, TICK.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) { // the scheduler is being shut down: the next call retries
            TICKING.set(false);
        }
    }

    private static void tick() {
        long now = System.nanoTime();
        for (Watch<?> w : WATCHED) {
            if (w.done != 0) {
                WATCHED.remove(w);
            } else if (now - w.deadlineNanos >= 0) {
                w.expire();
            }
        }
        if (!WATCHED.isEmpty()) {
            schedule();
            return;
        }
        TICKING.set(false);
        // a call may have joined between the emptiness check and the flag going down
        if (!WATCHED.isEmpty() && TICKING.compareAndSet(false, true)) {
            schedule();
        }
    }

    private static final class Bounded<T> extends Mono<T> {
        private final Mono<T> source;
        private final long deadlineNanos;
        private final Supplier<? extends Throwable> expired;

        Bounded(Mono<T> source, long deadlineNanos, Supplier<? extends Throwable> expired) {
            this.source = source;
            this.deadlineNanos = deadlineNanos;
            this.expired = expired;
        }

        @Override
        public void subscribe(CoreSubscriber<? super T> actual) {
            Watch<T> w = new Watch<>(actual, deadlineNanos, expired);
            source.subscribe(w);
            if (w.done == 0) {
                watch(w);
            }
        }
    }

    /**
     * One watched call between its subscriber and its source. Whichever comes first of the value, a
     * terminal signal, a cancellation and the deadline wins ({@link #done}); the others are dropped.
     */
    private static final class Watch<T> implements CoreSubscriber<T>, Subscription {
        private static final AtomicIntegerFieldUpdater<Watch> DONE =
                AtomicIntegerFieldUpdater.newUpdater(Watch.class, "done");

        private final CoreSubscriber<? super T> actual;
        final long deadlineNanos;
        private final Supplier<? extends Throwable> expired;
        private volatile @Nullable Subscription upstream;
        volatile int done;
        private boolean valued;

        Watch(CoreSubscriber<? super T> actual, long deadlineNanos, Supplier<? extends Throwable> expired) {
            this.actual = actual;
            this.deadlineNanos = deadlineNanos;
            this.expired = expired;
        }

        private boolean finish() {
            if (DONE.compareAndSet(this, 0, 1)) {
                WATCHED.remove(this);
                return true;
            }
            return false;
        }

        @Override
        public Context currentContext() {
            return actual.currentContext();
        }

        @Override
        public void onSubscribe(Subscription s) {
            if (Operators.validate(upstream, s)) {
                upstream = s;
                actual.onSubscribe(this);
            }
        }

        @Override
        public void onNext(T t) {
            if (valued) {
                actual.onNext(t);
            } else if (finish()) {
                valued = true;
                actual.onNext(t);
            } else {
                Operators.onDiscard(t, actual.currentContext());
            }
        }

        @Override
        public void onError(Throwable e) {
            if (finish()) {
                actual.onError(e);
            } else if (!valued) {
                Operators.onErrorDropped(e, actual.currentContext());
            } else {
                actual.onError(e);
            }
        }

        @Override
        public void onComplete() {
            if (valued || finish()) {
                actual.onComplete();
            }
        }

        /** On the tick's thread: the deadline passed before the call answered. */
        void expire() {
            if (finish()) {
                Subscription s = upstream;
                if (s != null) {
                    s.cancel();
                }
                Throwable e;
                try {
                    e = expired.get();
                } catch (RuntimeException failure) {
                    e = failure;
                }
                actual.onError(e);
            }
        }

        @Override
        public void request(long n) {
            Subscription s = upstream;
            if (s != null) {
                s.request(n);
            }
        }

        @Override
        public void cancel() {
            finish();
            Subscription s = upstream;
            if (s != null) {
                s.cancel();
            }
        }
    }
}
