package io.trackflow.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** The shared deadline tick: expires late calls within a tick, forgets answered and cancelled ones. */
class DeadlinesTest {

    private static long in(Duration d) {
        return System.nanoTime() + d.toNanos();
    }

    @Test
    void aFarDeadlineEndsTheCallWithinATickAndCancelsIt() {
        AtomicBoolean cancelled = new AtomicBoolean();
        Duration deadline = Deadlines.PRECISE.plusMillis(300);
        long start = System.nanoTime();
        StepVerifier.create(Deadlines.within(
                        Mono.never().doOnCancel(() -> cancelled.set(true)),
                        in(deadline),
                        () -> new TimeoutException("late")))
                .expectErrorMessage("late")
                .verify(Duration.ofSeconds(10));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // within a tick of the deadline, with room for a loaded machine's scheduling delays
        assertThat(took).isBetween(deadline, deadline.plus(Deadlines.TICK).plusMillis(1_500));
        assertThat(cancelled).isTrue();
        assertThat(Deadlines.watched()).isZero();
    }

    @Test
    void aNearDeadlineKeepsAnExactTimer() {
        long start = System.nanoTime();
        StepVerifier.create(Deadlines.within(Mono.never(), in(Duration.ofMillis(60)), () -> new TimeoutException("x")))
                .expectError(TimeoutException.class)
                .verify(Duration.ofSeconds(5));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(55), Duration.ofSeconds(2));
    }

    @Test
    void aPassedDeadlineFailsAtOnceWithoutSubscribing() {
        AtomicBoolean subscribed = new AtomicBoolean();
        StepVerifier.create(Deadlines.within(
                        Mono.just(1).doOnSubscribe(s -> subscribed.set(true)),
                        System.nanoTime() - 1,
                        () -> new TimeoutException("gone")))
                .expectErrorMessage("gone")
                .verify();
        assertThat(subscribed).isFalse();
    }

    @Test
    void answeredAndCancelledCallsLeaveTheWatchAndTheTickStops() throws InterruptedException {
        long far = in(Duration.ofMinutes(1));
        AtomicInteger values = new AtomicInteger();
        // answered at once, answered later on another thread, empty, failed
        Flux.range(0, 2_000)
                .flatMap(
                        i -> Deadlines.within(
                                        switch (i % 4) {
                                            case 0 -> Mono.just(i);
                                            case 1 ->
                                                Mono.just(i)
                                                        .delayElement(Duration.ofMillis(i % 7), Schedulers.parallel());
                                            case 2 -> Mono.<Integer>empty();
                                            default -> Mono.<Integer>error(new IllegalStateException("no"));
                                        },
                                        far,
                                        () -> new TimeoutException("late"))
                                .onErrorResume(IllegalStateException.class, e -> Mono.empty()),
                        64)
                .doOnNext(x -> values.incrementAndGet())
                .blockLast(Duration.ofSeconds(10));
        assertThat(values).hasValue(1_000);
        Disposable never = Deadlines.within(Mono.never(), far, () -> new TimeoutException("late"))
                .subscribe(x -> {}, e -> values.set(-1));
        assertThat(Deadlines.watched()).isEqualTo(1);
        never.dispose();
        assertThat(Deadlines.watched()).isZero();
        Thread.sleep(Deadlines.TICK.multipliedBy(3).toMillis());
        assertThat(Deadlines.ticking()).isFalse();
        assertThat(values).hasValue(1_000); // the cancelled call got no signal
    }

    @Test
    void aValueThatArrivesAsTheDeadlinePassesIsDeliveredOrTheCallFailsNeverBoth() {
        Duration deadline = Deadlines.PRECISE.plusMillis(150);
        long at = in(deadline);
        StepVerifier.create(Flux.range(0, 200)
                        .flatMap(i -> Deadlines.within(
                                        Mono.delay(deadline.plusMillis(i % 2 == 0 ? -1 : 1))
                                                .map(x -> "v"),
                                        at,
                                        () -> new TimeoutException("late"))
                                .onErrorReturn(TimeoutException.class, "t")))
                .recordWith(java.util.ArrayList::new)
                .thenConsumeWhile(x -> true)
                .consumeRecordedWith(all -> assertThat(all).hasSize(200).allMatch(x -> x.equals("v") || x.equals("t")))
                .verifyComplete();
        assertThat(Deadlines.watched()).isZero();
    }
}
