package io.trackflow.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.trackflow.core.http.HttpRequest;
import io.trackflow.core.ratelimit.Permit;
import io.trackflow.core.ratelimit.RateLimiter;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class RateBudgetTest {

    private static final HttpRequest REQUEST = HttpRequest.get(URI.create("http://127.0.0.1:9/x"));

    private static Mono<Permit> acquire(RateLimiter limiter) {
        return limiter.acquire(
                REQUEST, System.nanoTime() + Duration.ofMinutes(1).toNanos());
    }

    @ParameterizedTest(name = "{0} per interval over {1} participants")
    @CsvSource({"300, 4", "10, 4", "7, 7", "100, 3", "41, 4", "3, 4", "1, 8"})
    void theSharesAddUpToTheBudget(int n, int parallelism) {
        RateBudget budget = RateBudget.of(n, Duration.ofSeconds(1));
        double sum = IntStream.range(0, parallelism)
                .mapToDouble(i -> budget.shareOf(i, parallelism))
                .sum();
        assertThat(sum).isCloseTo(n, org.assertj.core.data.Offset.offset(1e-9));
        IntStream.range(0, parallelism)
                .forEach(i -> assertThat(budget.limiterFor(i, parallelism)
                                .stats()
                                .limit()
                                .getAsInt())
                        .isPositive());
    }

    @Test
    void theSourceKeepsOneRequestPerIntervalForItsEnumerator() {
        assertThat(RateBudget.of(41, Duration.ofSeconds(1)).less(1).n()).isEqualTo(40);
        assertThat(RateBudget.of(2, Duration.ofSeconds(1)).less(1).n()).isEqualTo(1);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BackgroundTrackSource.builder().rateLimit(1, Duration.ofSeconds(1)))
                .withMessageContaining("enumerator");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RateBudget.of(5, Duration.ZERO))
                .withMessageContaining("per");
    }

    @Test
    void aSlotIsFreeAgainOnlyAnIntervalAfterItsAttemptEnded() throws InterruptedException {
        RateLimiter limiter = RateBudget.of(2, Duration.ofMillis(300)).limiterFor(0, 1);
        Permit a = acquire(limiter).block(Duration.ofSeconds(1));
        Permit b = acquire(limiter).block(Duration.ofSeconds(1));
        assertThat(limiter.stats().remaining()).hasValue(0);
        Thread.sleep(400); // a long attempt: the interval has not started yet
        long released = System.nanoTime();
        a.release();
        Permit c = acquire(limiter).block(Duration.ofSeconds(2));
        long waited = System.nanoTime() - released;
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(290).toNanos());
        assertThat(limiter.stats().callsHeld()).isEqualTo(1);
        b.release();
        c.release();
    }

    @Test
    void cancellingAWaitingCallFreesItsPlaceAndAHoldStopsEveryone() {
        RateLimiter limiter = RateBudget.of(1, Duration.ofMillis(200)).limiterFor(0, 1);
        Permit first = acquire(limiter).block(Duration.ofSeconds(1));
        Disposable waiting = acquire(limiter).subscribe();
        assertThat(limiter.stats().waiting()).isEqualTo(1);
        waiting.dispose();
        assertThat(limiter.stats().waiting()).isZero();
        first.release();
        limiter.hold(Duration.ofMillis(500));
        long asked = System.nanoTime();
        acquire(limiter).block(Duration.ofSeconds(2)).release();
        assertThat(System.nanoTime() - asked)
                .isGreaterThanOrEqualTo(Duration.ofMillis(450).toNanos());
        assertThat(limiter.stats().timeWaited()).isGreaterThanOrEqualTo(Duration.ofMillis(450));
    }

    @Test
    void aWaitForASlotIsNotRefusedForTheCallsDeadline() {
        RateLimiter limiter = RateBudget.of(1, Duration.ofMillis(100)).limiterFor(0, 1);
        Permit first = acquire(limiter).block(Duration.ofSeconds(1));
        // a deadline a millisecond away: the wait for the slot outlasts it, and the call waits all the same
        StepVerifier.create(limiter.acquire(
                        REQUEST, System.nanoTime() + Duration.ofMillis(1).toNanos()))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(200))
                .then(first::release)
                .expectNextCount(1)
                .expectComplete()
                .verify(Duration.ofSeconds(2));
    }

    @Test
    void theWaitGaugesCountACallOnceItIsGrantedAfterAWaitAndTheCallsWaitingNow() {
        Map<String, Gauge<?>> gauges = new HashMap<>();
        MetricGroup group = new UnregisteredMetricsGroup() {
            @Override
            public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
                gauges.put(name, gauge);
                return gauge;
            }

            @Override
            public MetricGroup addGroup(String name) {
                return this;
            }
        };
        RateLimiter limiter = RateBudget.of(1, Duration.ofMillis(100)).limiterFor(0, 1);
        TrackflowMetrics.forLookups(group, limiter);
        Runnable zero = () -> assertThat(List.of(
                        gauges.get("rateLimitWaits").getValue(),
                        gauges.get("rateLimitWaitMillis").getValue()))
                .containsOnly(0L);

        Permit first = acquire(limiter).block(Duration.ofSeconds(1));
        zero.run(); // granted at once: not held
        Disposable cancelled = acquire(limiter).subscribe();
        List<Permit> waited = new CopyOnWriteArrayList<>();
        acquire(limiter).subscribe(waited::add);
        assertThat(gauges.get("rateLimitWaiting").getValue()).isEqualTo(2);
        zero.run(); // waiting, not yet granted: not counted
        cancelled.dispose();
        assertThat(gauges.get("rateLimitWaiting").getValue()).isEqualTo(1);

        first.release();
        long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (waited.isEmpty() && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertThat(waited).hasSize(1);
        assertThat(gauges.get("rateLimitWaits").getValue()).isEqualTo(1L); // the cancelled call never counts
        assertThat((Long) gauges.get("rateLimitWaitMillis").getValue()).isGreaterThanOrEqualTo(95L);
        assertThat(gauges.get("rateLimitWaiting").getValue()).isEqualTo(0);
    }
}
