package io.trackflow.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.trackflow.core.http.HttpRequest;
import io.trackflow.core.ratelimit.Permit;
import io.trackflow.core.ratelimit.RateLimiter;
import java.net.URI;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

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
        SlotLimiter limiter = new SlotLimiter(2, Duration.ofMillis(300));
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
        SlotLimiter limiter = new SlotLimiter(1, Duration.ofMillis(200));
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
}
