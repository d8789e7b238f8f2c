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
     * signals from its event loop (every trackflow publisher does), so now and then the loop waited a moment
     * for that lock: BlockHound saw the wait as a blocking call and threw from inside the subscriber's
     * {@code onComplete}, after the TCK had marked the stream complete and before the signal reached its
     * queue. The test then failed with "Did not receive expected stream completion within 3000 ms"
     * (beatpass's {@code BulkLookupTckTest}, in one CI run of 2026-12-07, and earlier its
     * {@code createPublisher3} case). The allow-list names the TCK's methods that hand a signal over (test
     * harness code, not the library's); this drives one with the queue's lock held on another thread until
     * the event loop waits for it, through the TCK's internals (reflection).
     */
    @Test
    void theTcksSubscriberMayWaitForItsQueueOnAnEventLoop() throws Exception {
        LoopResources loops = LoopResources.create("tck-signal", 1, true); // as the client's transport has
        try {
            EventLoop loop = loops.onClient(false).next();
            Thread loopThread = loop.submit(Thread::currentThread).get(5, TimeUnit.SECONDS);
            ManualSubscriber<Integer> subscriber = new ManualSubscriber<>(new TestEnvironment(1_000));
            ArrayBlockingQueue<?> queue = (ArrayBlockingQueue<?>) field(field(subscriber, "received"), "abq");
            subscriber.onNext(1);
            CompletableFuture<Boolean> completed = new CompletableFuture<>();
            CountDownLatch held = new CountDownLatch(1);
            Thread holder = new Thread(() -> queue.removeIf(
                    signal -> { // runs under the queue's lock, as a poll of the test's thread does
                        held.countDown();
                        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                        // held until the event loop waits for it (or has failed)
                        while (!completed.isDone()
                                && loopThread.getState() != Thread.State.WAITING
                                && System.nanoTime() < end) {
                            Thread.onSpinWait();
                        }
                        return false;
                    }));
            holder.start();
            assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();

            loop.execute(() -> {
                try {
                    subscriber.onComplete(); // waits for the lock on a non-blocking thread
                    completed.complete(true);
                } catch (Throwable e) {
                    completed.completeExceptionally(e);
                }
            });
            assertThat(completed.get(5, TimeUnit.SECONDS)).isTrue();
            holder.join();
            assertThat(subscriber.nextElement(1_000, "the element")).isEqualTo(1);
            subscriber.expectCompletion(1_000, "the completion");
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
