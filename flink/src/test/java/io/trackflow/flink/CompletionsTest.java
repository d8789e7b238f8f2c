package io.trackflow.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Lookups completed on several event loops at once are handed to the subtask's thread without any of
 * those loops blocking (BlockHound is installed in these tests: Reactor's non-blocking threads may not
 * park). With an executor's queue, loops handing over at once contend for its lock and one parks: in CI
 * that failed a lookup, or lost it until Flink's timeout.
 */
class CompletionsTest {

    @Test
    void manyNonBlockingThreadsHandOverAtOnceAndEveryTaskRunsOnceInOrderPerThread() throws Exception {
        int threads = 4;
        int each = 50_000;
        AtomicInteger ran = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(threads * each);
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        int[] last = new int[threads];
        java.util.Arrays.fill(last, -1);
        try (Completions completions = new Completions("trackflow-lookups-test")) {
            Flux.range(0, threads)
                    .parallel(threads)
                    .runOn(Schedulers.parallel())
                    .doOnNext(t -> {
                        for (int i = 0; i < each; i++) {
                            int n = i;
                            try {
                                completions.execute(() -> {
                                    if (last[t] != n - 1) {
                                        errors.add(new AssertionError("thread " + t + ": " + n + " after " + last[t]));
                                    }
                                    last[t] = n;
                                    ran.incrementAndGet();
                                    done.countDown();
                                });
                            } catch (Throwable e) { // BlockHound's error: a parallel worker blocked
                                errors.add(e);
                                return;
                            }
                        }
                    })
                    .sequential()
                    .blockLast(Duration.ofSeconds(60));
            assertThat(errors).isEmpty();
            assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(ran).hasValue(threads * each);
    }
}
