package io.trackflow.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.trackflow.core.http.HttpRequest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The slot limiter on a virtual clock: its timers run on a {@link VirtualTimeScheduler}, and the
 * permits it hands over to calls that waited stay in a list until the test runs them, so that every
 * step (grant, hand-over, cancellation) is the test's to order. No real time passes, except in the
 * one test that checks the thread of a hand-over on the real scheduler.
 */
class SlotLimiterTest {

    private static final HttpRequest REQ = HttpRequest.get(URI.create("https://api.example.com/x"));
    private static final long FAR = Long.MAX_VALUE;
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;

    /** Timers on virtual time; hand-overs wait until {@link #handOver()}. */
    private static final class TestScheduler implements Scheduler {
        final VirtualTimeScheduler time = VirtualTimeScheduler.create();
        final List<Runnable> handOvers = new ArrayList<>();

        @Override
        public Disposable schedule(Runnable task) {
            handOvers.add(task);
            return () -> handOvers.remove(task);
        }

        @Override
        public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
            return time.schedule(task, delay, unit);
        }

        @Override
        public Worker createWorker() {
            return time.createWorker();
        }

        long now() {
            return time.now(TimeUnit.NANOSECONDS);
        }

        void advance(long nanos) {
            time.advanceTimeBy(Duration.ofNanos(nanos));
        }

        void handOver() {
            List<Runnable> tasks = new ArrayList<>(handOvers);
            handOvers.clear();
            tasks.forEach(Runnable::run);
        }
    }

    private final TestScheduler scheduler = new TestScheduler();

    private SlotLimiter slots(int n, long perNanos) {
        return new SlotLimiter(n, perNanos, scheduler, scheduler::now);
    }

    /** Subscribes to a permit; the list receives it when it is delivered. */
    private static Disposable ask(RateLimiter limiter, long deadline, List<Permit> into) {
        return limiter.acquire(REQ, deadline).subscribe(into::add);
    }

    @AfterEach
    void disposeClock() {
        scheduler.time.dispose();
    }

    @Test
    void aSlotIsFreeAgainPerAfterItsAttemptEndedNotAfterItsGrant() {
        SlotLimiter limiter = slots(2, SECOND);
        List<Permit> granted = new ArrayList<>();
        ask(limiter, FAR, granted);
        ask(limiter, FAR, granted);
        assertThat(granted).hasSize(2); // at once, on the caller's thread
        assertThat(limiter.stats().remaining()).hasValue(0);
        assertThat(limiter.stats().resetAt()).isEmpty(); // both in use: no slot is counting down

        List<Permit> third = new ArrayList<>();
        ask(limiter, FAR, third);
        scheduler.advance(5 * SECOND); // a long attempt: its interval has not begun
        scheduler.handOver();
        assertThat(third).isEmpty();

        granted.get(0).release();
        assertThat(limiter.stats().resetAt()).isPresent();
        scheduler.advance(SECOND - 1);
        scheduler.handOver();
        assertThat(third).isEmpty();
        scheduler.advance(1);
        scheduler.handOver();
        assertThat(third).hasSize(1);
        assertThat(third.get(0).grantedAtNanos()).isEqualTo(6 * SECOND);

        RateLimitStats stats = limiter.stats();
        assertThat(stats.limit()).hasValue(2);
        assertThat(stats.remaining()).hasValue(0);
        assertThat(stats.callsHeld()).isEqualTo(1);
        assertThat(stats.timeWaited()).isEqualTo(Duration.ofSeconds(6));
        assertThat(stats.waiting()).isZero();
        assertThat(limiter).hasToString("RateLimits.slots(2, PT1S)");
    }

    @Test
    void callsThatWaitedGetTheirPermitsFromTheSchedulerInOrderNotFromTheReleasingThread() {
        SlotLimiter limiter = slots(2, SECOND);
        List<Permit> first = new ArrayList<>();
        ask(limiter, FAR, first);
        ask(limiter, FAR, first);
        List<Permit> waited = new ArrayList<>();
        ask(limiter, FAR, waited);
        ask(limiter, FAR, waited);
        first.forEach(Permit::release);
        scheduler.advance(SECOND); // the timer grants both waiting calls...
        assertThat(waited).isEmpty(); // ...but delivers neither on its own thread
        assertThat(scheduler.handOvers).hasSize(1); // one task: the batch stays in order
        assertThat(limiter.stats().waiting()).isZero();
        scheduler.handOver();
        assertThat(waited).hasSize(2);
        assertThat(waited.get(0).grantedAtNanos()).isEqualTo(waited.get(1).grantedAtNanos());
    }

    @Test
    void onTheRealSchedulerAWaitingCallGoesOnOnAWorkerNotOnTheThreadThatReleasedTheSlot() throws Exception {
        RateLimiter limiter = RateLimits.slots(1, Duration.ofMillis(20));
        Permit first = limiter.acquire(REQ, FAR).block(Duration.ofSeconds(1));
        CompletableFuture<String> thread = new CompletableFuture<>();
        limiter.acquire(REQ, FAR)
                .subscribe(p -> thread.complete(Thread.currentThread().getName()));
        first.release();
        assertThat(thread.get(5, TimeUnit.SECONDS)).startsWith("parallel-");
    }

    @Test
    void aWaitPastTheDeadlineIsNotRefusedTheCallWaitsForItsSlot() {
        SlotLimiter limiter = slots(1, SECOND);
        List<Permit> first = new ArrayList<>();
        ask(limiter, FAR, first);
        List<Object> second = new ArrayList<>();
        limiter.acquire(REQ, scheduler.now() + MS).subscribe(second::add, second::add);
        limiter.hold(Duration.ofMinutes(1)); // a hold past the deadline does not refuse it either
        List<Object> third = new ArrayList<>();
        limiter.acquire(REQ, scheduler.now() + MS).subscribe(third::add, third::add);
        assertThat(second).isEmpty();
        assertThat(third).isEmpty();
        assertThat(limiter.stats().waiting()).isEqualTo(2);

        first.get(0).release();
        scheduler.advance(Duration.ofMinutes(1).toNanos());
        scheduler.handOver();
        assertThat(second).singleElement().isInstanceOf(Permit.class);
        assertThat(third).isEmpty(); // the one slot is in use
    }

    @Test
    void cancellingAWaitingCallFreesItsPlaceAndLeavesNoWaiterBehind() {
        SlotLimiter limiter = slots(1, SECOND);
        List<Permit> granted = new ArrayList<>();
        ask(limiter, FAR, granted);
        List<Permit> a = new ArrayList<>();
        List<Permit> b = new ArrayList<>();
        List<Permit> c = new ArrayList<>();
        ask(limiter, FAR, a);
        Disposable cancelled = ask(limiter, FAR, b);
        ask(limiter, FAR, c);
        assertThat(limiter.stats().waiting()).isEqualTo(3);
        cancelled.dispose();
        assertThat(limiter.stats().waiting()).isEqualTo(2);

        granted.get(0).release();
        scheduler.advance(SECOND);
        scheduler.handOver();
        assertThat(a).hasSize(1);
        a.get(0).release();
        scheduler.advance(SECOND);
        scheduler.handOver();
        assertThat(b).isEmpty();
        assertThat(c).hasSize(1); // it got the place the cancelled call left
        c.get(0).release();

        RateLimitStats stats = limiter.stats();
        assertThat(stats.waiting()).isZero();
        assertThat(stats.callsHeld()).isEqualTo(2); // the cancelled call was never granted: not counted
        assertThat(stats.timeWaited()).isEqualTo(Duration.ofSeconds(3)); // a: 1 s, c: 2 s
        assertThat(scheduler.handOvers).isEmpty();
    }

    @Test
    void aCallCancelledAsItsSlotWasHandedOverGivesTheSlotBack() {
        SlotLimiter limiter = slots(1, SECOND);
        List<Permit> first = new ArrayList<>();
        ask(limiter, FAR, first);
        List<Permit> late = new ArrayList<>();
        Disposable call = ask(limiter, FAR, late);
        first.get(0).release();
        scheduler.advance(SECOND); // granted, not yet handed over
        call.dispose();
        scheduler.handOver();
        assertThat(late).isEmpty();
        assertThat(limiter.stats().resetAt()).isPresent(); // released at once: counting down its interval

        List<Permit> next = new ArrayList<>();
        ask(limiter, FAR, next);
        scheduler.advance(SECOND);
        scheduler.handOver();
        assertThat(next).hasSize(1);
    }

    @Test
    void aHoldStopsEveryCallAndOnlyWaitsOverAMillisecondCountAsHeld() {
        SlotLimiter limiter = slots(2, MS / 2);
        List<Permit> first = new ArrayList<>();
        ask(limiter, FAR, first);
        ask(limiter, FAR, first);
        List<Permit> quick = new ArrayList<>();
        ask(limiter, FAR, quick);
        first.get(0).release();
        scheduler.advance(MS / 2);
        scheduler.handOver();
        assertThat(quick).hasSize(1);
        assertThat(limiter.stats().callsHeld()).isZero(); // half a millisecond: not held
        assertThat(limiter.stats().timeWaited()).isZero();

        limiter.hold(Duration.ofMillis(300));
        assertThat(limiter.stats().heldUntil()).isPresent();
        first.get(1).release();
        scheduler.advance(MS);
        List<Permit> held = new ArrayList<>();
        ask(limiter, FAR, held); // a slot is free, but the hold stops it
        scheduler.advance(300 * MS);
        scheduler.handOver();
        assertThat(held).hasSize(1);
        assertThat(limiter.stats().callsHeld()).isEqualTo(1);
        assertThat(limiter.stats().timeWaited()).isEqualTo(Duration.ofMillis(299));
    }

    @Test
    void theFactoryChecksItsArguments() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RateLimits.slots(0, Duration.ofSeconds(1)))
                .withMessageContaining("n");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RateLimits.slots(1, Duration.ZERO))
                .withMessageContaining("per");
        assertThat(RateLimits.slots(3, Duration.ofMinutes(1)).stats().limit()).hasValue(3);
        assertThat(RateLimits.slots(3, Duration.ofMinutes(1)).holdsOnRateLimit())
                .isTrue();
    }
}
