package io.trackflow.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.AdaptiveByteBufAllocator;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.StampedLock;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

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

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field f = owner.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(owner);
    }
}
