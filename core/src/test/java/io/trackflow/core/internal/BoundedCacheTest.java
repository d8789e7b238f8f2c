package io.trackflow.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/** {@link BoundedCache}: one value per key, and never more entries than its bound, threads racing or not. */
class BoundedCacheTest {

    @Test
    void oneValuePerKeyUntilFullThenNothingMore() {
        BoundedCache<String, String> c = new BoundedCache<>(2);
        assertThat(c.keep("a", "1")).isEqualTo("1");
        assertThat(c.keep("a", "other")).isEqualTo("1");
        assertThat(c.keep("b", "2")).isEqualTo("2");
        assertThat(c.keep("c", "3")).isNull();
        assertThat(c.keep("a", "again")).isEqualTo("1");
        assertThat(c.get("c")).isNull();
        assertThat(c.size()).isEqualTo(2);
        assertThatThrownBy(() -> new BoundedCache<>(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void threadsKeepingAtOnceStayWithinTheBound() throws Exception {
        int threads = 8;
        for (int round = 0; round < 300; round++) {
            BoundedCache<String, Integer> c = new BoundedCache<>(256);
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Thread> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int from = t * 400;
                Thread th = new Thread(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    for (int i = from; i < from + 400; i++) {
                        c.keep("k" + i % 600, i); // keys repeat across threads
                    }
                });
                th.start();
                running.add(th);
            }
            for (Thread th : running) {
                th.join();
            }
            assertThat(c.size()).as("round %d", round).isBetween(1, 256);
        }
    }
}
