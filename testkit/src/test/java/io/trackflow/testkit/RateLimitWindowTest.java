package io.trackflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitWindowTest {

    private final AtomicLong ticker = new AtomicLong(1_000_000_000_000L);

    private RateLimitWindow window(int limit, Duration window) {
        return new RateLimitWindow(limit, window, ticker::get);
    }

    private void advance(Duration d) {
        ticker.addAndGet(d.toNanos());
    }

    @Test
    void theLimitPassesAndTheNextAttemptIsRefused() {
        RateLimitWindow w = window(3, Duration.ofSeconds(10));
        assertThat(w.attempt())
                .extracting(RateLimitWindow.Verdict::allowed, RateLimitWindow.Verdict::remaining)
                .containsExactly(true, 2);
        assertThat(w.attempt().remaining()).isEqualTo(1);
        assertThat(w.attempt().remaining()).isZero();
        RateLimitWindow.Verdict refused = w.attempt();
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isEqualTo(10);
    }

    @Test
    void refusedAttemptsAreNotCounted() {
        RateLimitWindow w = window(2, Duration.ofSeconds(1));
        w.attempt();
        w.attempt();
        for (int i = 0; i < 50; i++) {
            advance(Duration.ofMillis(10));
            assertThat(w.attempt().allowed()).isFalse();
        }
        advance(Duration.ofMillis(500));
        // the window opened 1 s ago; 50 refusals neither extended it nor carry over into the next one,
        // which lets the full limit through
        assertThat(w.attempt().remaining()).isEqualTo(1);
        assertThat(w.attempt().remaining()).isZero();
        assertThat(w.attempt().allowed()).isFalse();
    }

    @Test
    void aWindowOpensAtTheFirstAttemptAfterThePreviousEnded() {
        RateLimitWindow w = window(1, Duration.ofSeconds(10));
        w.attempt();
        advance(Duration.ofSeconds(13));
        RateLimitWindow.Verdict fresh = w.attempt();
        assertThat(fresh.allowed()).isTrue();
        // not aligned to the first window (which would end 7 s from now): a full window from this attempt
        assertThat(fresh.nanosToReset()).isEqualTo(Duration.ofSeconds(10).toNanos());
        advance(Duration.ofSeconds(9));
        assertThat(w.attempt().allowed()).isFalse();
        advance(Duration.ofSeconds(1));
        assertThat(w.attempt().allowed()).isTrue();
    }

    @Test
    void peekCountsNothing() {
        RateLimitWindow w = window(1, Duration.ofSeconds(5));
        assertThat(w.peek().remaining()).isEqualTo(1);
        assertThat(w.peek().nanosToReset()).isEqualTo(Duration.ofSeconds(5).toNanos());
        w.attempt();
        advance(Duration.ofMillis(1_500));
        RateLimitWindow.Verdict now = w.peek();
        assertThat(now.allowed()).isFalse();
        assertThat(now.retryAfterSeconds()).isEqualTo(4);
    }

    @Test
    void secondsAreRoundedUpAndRetryAfterIsAtLeastOne() {
        RateLimitWindow w = window(1, Duration.ofMillis(300));
        w.attempt();
        advance(Duration.ofMillis(299));
        RateLimitWindow.Verdict v = w.attempt();
        assertThat(v.allowed()).isFalse();
        assertThat(v.retryAfterSeconds()).isEqualTo(1);
        Instant at = Instant.parse("2030-01-01T00:00:00.500Z");
        assertThat(v.headers(at, false, false))
                .containsEntry("X-RateLimit-Reset", String.valueOf(at.getEpochSecond() + 1))
                .containsEntry("X-RateLimit-Remaining", "0")
                .containsEntry("X-RateLimit-Limit", "1");
        assertThat(v.headers(at, true, false)).containsEntry("X-RateLimit-Reset", "1");
        Instant exact = Instant.parse("2030-01-01T00:00:00Z");
        RateLimitWindow.Verdict whole =
                new RateLimitWindow.Verdict(true, 5, 4, Duration.ofSeconds(2).toNanos());
        assertThat(whole.headers(exact, false, false))
                .containsEntry("X-RateLimit-Reset", String.valueOf(exact.getEpochSecond() + 2));
        assertThat(whole.headers(exact.plusNanos(1), false, false))
                .containsEntry("X-RateLimit-Reset", String.valueOf(exact.getEpochSecond() + 3));
    }

    @Test
    void flooredTheResetIsTheWindowsEndCutToTheSecondAsLaravelSendsIt() {
        // a 3 s window opened at 10.4 s past a whole second ends at 13.4: Laravel's timer says 13
        Instant opened = Instant.parse("2030-01-01T00:00:10.400Z");
        long second = opened.getEpochSecond();
        RateLimitWindow.Verdict fresh =
                new RateLimitWindow.Verdict(true, 40, 39, Duration.ofSeconds(3).toNanos());
        assertThat(fresh.headers(opened, false, true)).containsEntry("X-RateLimit-Reset", String.valueOf(second + 3));
        assertThat(fresh.headers(opened, false, false)).containsEntry("X-RateLimit-Reset", String.valueOf(second + 4));
        assertThat(fresh.headers(opened, true, true)).containsEntry("X-RateLimit-Reset", "3");
        // 2.7 s later (at 13.1 s) the window has 0.3 s to run: the floored reset is the current second,
        // Laravel's availableIn is 0; rounded up it is one second away
        RateLimitWindow.Verdict late =
                new RateLimitWindow.Verdict(true, 40, 10, Duration.ofMillis(300).toNanos());
        Instant at = opened.plusMillis(2_700);
        assertThat(late.headers(at, false, true)).containsEntry("X-RateLimit-Reset", String.valueOf(second + 3));
        assertThat(late.headers(at, true, true)).containsEntry("X-RateLimit-Reset", "0");
        assertThat(late.headers(at, false, false)).containsEntry("X-RateLimit-Reset", String.valueOf(second + 4));
        assertThat(late.headers(at, true, false)).containsEntry("X-RateLimit-Reset", "1");
    }

    @Test
    void concurrentAttemptsAreCountedExactly() throws Exception {
        RateLimitWindow w = new RateLimitWindow(1_000, Duration.ofMinutes(1));
        AtomicInteger allowed = new AtomicInteger();
        List<Integer> remaining = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        try {
            for (int t = 0; t < 8; t++) {
                pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < 500; i++) {
                        RateLimitWindow.Verdict v = w.attempt();
                        if (v.allowed()) {
                            allowed.incrementAndGet();
                            synchronized (remaining) {
                                remaining.add(v.remaining());
                            }
                        }
                    }
                    return null;
                });
            }
            go.countDown();
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(allowed.get()).isEqualTo(1_000);
        assertThat(remaining)
                .doesNotHaveDuplicates()
                .hasSize(1_000)
                .allSatisfy(r -> assertThat(r).isBetween(0, 999));
    }

    @Test
    void nonsenseIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> window(0, Duration.ofSeconds(1)))
                .withMessageContaining("limit");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> window(1, Duration.ZERO))
                .withMessageContaining("window");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FakeBeatPass.builder().rateLimit(1, Duration.ofMillis(-1)))
                .withMessageContaining("window");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FakeBeatPass.builder().rateLimit(0, Duration.ofSeconds(1)))
                .withMessageContaining("limit");
    }
}
