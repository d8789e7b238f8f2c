package io.trackflow.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.AdaptiveByteBufAllocator;
import io.netty.channel.EventLoop;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.StampedLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.TestEnvironment.ManualSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.resources.LoopResources;

/** Proves BlockHound guards this module's tests: a blocking call on a Reactor thread fails. */
class BlockHoundTest {

    @Test
    void aBlockingCallOnAReactorThreadFailsTheTest() {
        assertThatThrownBy(() -> Mono.fromCallable(() -> {
                            Thread.sleep(1);
                            return 1;
                        })
                        .subscribeOn(Schedulers.parallel())
                        .block(Duration.ofSeconds(5)))
                .hasMessageContaining("Blocking call");
    }

    /**
     * Netty 4.2's pooled allocator, when it grows its magazines under contention, frees the old ones
     * under each one's {@code StampedLock}, which another event loop may hold for an allocation of a
     * few nanoseconds. BlockHound saw that wait as a blocking call: the read of a response then failed
     * on the event loop with {@code BlockingOperationError}, a retry went out (a duplicate request at
     * the server) and, now and then, a test failed (Flink's {@code SourceRateBudgetTest} on CI). The
     * allow-list names that one method; this drives it with its lock held elsewhere, through Netty's
     * internals (reflection), so it has to follow Netty's code when Netty changes it.
     */
    @Test
    void nettysAllocatorMayWaitForItsOwnMagazineLockOnAnEventLoop() throws Exception {
        Object pooling = field(new AdaptiveByteBufAllocator(), "heap");
        Object group = field(pooling, "largeBufferMagazineGroup");
        Object magazine = ((Object[]) field(group, "magazines"))[0];
        StampedLock lock = (StampedLock) field(magazine, "allocationLock");
        Method free = magazine.getClass().getDeclaredMethod("free");
        free.setAccessible(true);

        long stamp = lock.writeLock(); // an allocation in progress on another thread
        Schedulers.single().schedule(() -> lock.unlockWrite(stamp), 50, TimeUnit.MILLISECONDS);
        Boolean freed = Mono.fromCallable(() -> {
                    free.invoke(magazine); // waits for the lock on a non-blocking thread
                    return true;
                })
                .subscribeOn(Schedulers.parallel())
                .block(Duration.ofSeconds(5));

        assertThat(freed).isTrue();
    }

    /**
     * The Reactive Streams TCK's subscribers hand each signal to the test's thread through an {@code
     * ArrayBlockingQueue}, whose lock that thread takes whenever it polls for the next signal. A publisher
     * signals from its event loop (every trackflow publisher does), so now and then the loop waits a moment
     * for that lock: BlockHound saw the wait as a blocking call and threw from inside the subscriber's
     * {@code onNext} or {@code onComplete}; in {@code onComplete}, after the TCK had marked the stream
     * complete and before the signal reached its queue. That is the most likely cause of "Did not receive
     * expected stream completion within 3000 ms" (beatpass's {@code BulkLookupTckTest}, in one CI run of
     * 2026-12-07, and earlier its {@code createPublisher3} case): the element came, its completion did not.
     * The allow-list names the TCK's methods that hand a signal over (test harness code, not the
     * library's); this drives the two of its subscriber's queue with the queue's lock held on another
     * thread until the event loop waits for it, through the TCK's internals (reflection). ({@code
     * Promise.complete}, the subscription's hand-over, cannot be held this way: its queue is empty.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"onNext", "onComplete"})
    void theTcksSubscriberMayWaitForItsQueueOnAnEventLoop(String signal) throws Exception {
        LoopResources loops = LoopResources.create("tck-signal", 1, true); // as the client's transport has
        try {
            EventLoop loop = loops.onClient(false).next();
            Thread loopThread = loop.submit(Thread::currentThread).get(5, TimeUnit.SECONDS);
            ManualSubscriber<Integer> subscriber = new ManualSubscriber<>(new TestEnvironment(1_000));
            ArrayBlockingQueue<?> queue = (ArrayBlockingQueue<?>) field(field(subscriber, "received"), "abq");
            subscriber.onNext(1);
            CompletableFuture<Boolean> delivered = new CompletableFuture<>();
            CountDownLatch held = new CountDownLatch(1);
            Thread holder = new Thread(() -> queue.removeIf(
                    element -> { // runs under the queue's lock, as a poll of the test's thread does
                        held.countDown();
                        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                        // held until the event loop waits for it (or has failed)
                        while (!delivered.isDone()
                                && loopThread.getState() != Thread.State.WAITING
                                && System.nanoTime() < end) {
                            Thread.onSpinWait();
                        }
                        return false;
                    }));
            holder.start();
            assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();

            loop.execute(() -> {
                try { // waits for the lock on a non-blocking thread
                    if (signal.equals("onNext")) {
                        subscriber.onNext(2);
                    } else {
                        subscriber.onComplete();
                    }
                    delivered.complete(true);
                } catch (Throwable e) {
                    delivered.completeExceptionally(e);
                }
            });
            assertThat(delivered.get(5, TimeUnit.SECONDS)).isTrue();
            holder.join();
            assertThat(subscriber.nextElement(1_000, "the element")).isEqualTo(1);
            if (signal.equals("onNext")) {
                assertThat(subscriber.nextElement(1_000, "the second element")).isEqualTo(2);
            } else {
                subscriber.expectCompletion(1_000, "the completion");
            }
        } finally {
            loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
        }
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field f = owner.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(owner);
    }
}
