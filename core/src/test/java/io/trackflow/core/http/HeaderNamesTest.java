package io.trackflow.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The lower-case response header names a transport keeps: always the right name, and bounded. */
class HeaderNamesTest {

    @Test
    void aNameSeenAgainIsTheSameLowerCaseName() {
        HeaderNames names = new HeaderNames();
        String first = names.lower(new AsciiString("X-RateLimit-Remaining"));
        assertThat(first).isEqualTo("x-ratelimit-remaining");
        assertThat(names.lower(new AsciiString("X-RateLimit-Remaining"))).isSameAs(first);
        // another case of the same name is its own key, with the same answer
        assertThat(names.lower(new AsciiString("x-ratelimit-REMAINING"))).isEqualTo("x-ratelimit-remaining");
        assertThat(names.lower("Content-Type")).isEqualTo("content-type");
        assertThat(names.lower(new AsciiString("X-Caf\u00c9"))).isEqualTo("x-caf\u00e9");
    }

    @Test
    void aNameReadFromABufferThatIsUsedAgainIsKeptAsItWas() {
        HeaderNames names = new HeaderNames();
        byte[] buffer = "GET X-Total-Count: 1".getBytes(StandardCharsets.US_ASCII);
        assertThat(names.lower(new AsciiString(buffer, 4, 13, false))).isEqualTo("x-total-count");
        // the buffer now holds another response's bytes: what was kept must not change with it
        System.arraycopy("X-Other-Count".getBytes(StandardCharsets.US_ASCII), 0, buffer, 4, 13);
        assertThat(names.lower(new AsciiString(buffer, 4, 13, false))).isEqualTo("x-other-count");
        assertThat(names.lower(new AsciiString("X-Total-Count"))).isEqualTo("x-total-count");
    }

    @Test
    void namesThatNeverRepeatKeepABoundedNumber() {
        HeaderNames names = new HeaderNames();
        for (int i = 0; i < 5 * HeaderNames.MAX_KEPT; i++) {
            String name = "X-Name-" + i;
            assertThat(names.lower(new AsciiString(name))).isEqualTo(name.toLowerCase(Locale.ROOT));
        }
        assertThat(names.size()).isEqualTo(HeaderNames.MAX_KEPT);
        String longName = "X-" + "Long".repeat(HeaderNames.MAX_KEPT_LENGTH);
        HeaderNames fresh = new HeaderNames();
        assertThat(fresh.lower(new AsciiString(longName))).isEqualTo(longName.toLowerCase(Locale.ROOT));
        assertThat(fresh.size()).isZero();
    }

    @Test
    void threadsKeepingNamesAtOnceStayWithinTheBound() throws Exception {
        int threads = 8;
        for (int round = 0; round < 300; round++) {
            HeaderNames names = new HeaderNames();
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
            java.util.List<Thread> running = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int from = t * 400;
                Thread th = new Thread(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    for (int i = from; i < from + 400; i++) {
                        names.lower(new AsciiString("X-N-" + i));
                    }
                });
                th.start();
                running.add(th);
            }
            for (Thread th : running) {
                th.join();
            }
            assertThat(names.size()).as("round %d", round).isLessThanOrEqualTo(HeaderNames.MAX_KEPT);
        }
    }
}
