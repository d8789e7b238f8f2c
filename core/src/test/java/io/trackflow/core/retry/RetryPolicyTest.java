package io.trackflow.core.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.core.error.HttpStatusException;
import io.trackflow.core.error.ServerException;
import io.trackflow.core.error.TimeoutException;
import io.trackflow.core.error.TransportException;
import io.trackflow.core.http.HttpMethod;
import io.trackflow.core.testing.TestErrors;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class RetryPolicyTest {

    private static HttpStatusException status(int s, Optional<Duration> retryAfter) {
        return TestErrors.status(s, retryAfter);
    }

    @Test
    void defaultsMatchTheDesign() {
        RetryPolicy p = RetryPolicy.defaults();
        assertThat(p.maxRetries()).isEqualTo(3);
        assertThat(p.initialBackoff()).isEqualTo(Duration.ofMillis(200));
        assertThat(p.maxBackoff()).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.retryableStatuses()).containsExactlyInAnyOrder(408, 429, 500, 502, 503, 504);
    }

    @Test
    void decidesByErrorAndMethod() {
        RetryPolicy p = RetryPolicy.defaults();
        for (int s : new int[] {408, 429, 500, 502, 503, 504}) {
            assertThat(p.isRetryable(HttpMethod.GET, status(s, Optional.empty())))
                    .isTrue();
            assertThat(p.isRetryable(HttpMethod.PUT, status(s, Optional.empty())))
                    .isTrue();
            assertThat(p.isRetryable(HttpMethod.POST, status(s, Optional.empty())))
                    .isFalse();
        }
        for (int s : new int[] {400, 401, 403, 404, 409, 410, 422, 501}) {
            assertThat(p.isRetryable(HttpMethod.GET, status(s, Optional.empty())))
                    .isFalse();
        }
        TransportException reset = TestErrors.transport(false);
        TransportException refused = TestErrors.transport(true);
        assertThat(p.isRetryable(HttpMethod.GET, reset)).isTrue();
        assertThat(p.isRetryable(HttpMethod.POST, reset)).isFalse();
        assertThat(p.isRetryable(HttpMethod.POST, refused)).isTrue();
        assertThat(p.isRetryable(HttpMethod.GET, TestErrors.poolExhausted())).isFalse();
        assertThat(p.isRetryable(HttpMethod.GET, TestErrors.timeout(TimeoutException.Kind.RESPONSE)))
                .isTrue();
        assertThat(p.isRetryable(HttpMethod.POST, TestErrors.timeout(TimeoutException.Kind.RESPONSE)))
                .isFalse();
        assertThat(p.isRetryable(HttpMethod.GET, new IllegalStateException())).isFalse();
    }

    @Test
    void backoffIsExponentialWithFullJitterAndCapped() {
        RetryPolicy p = RetryPolicy.defaults();
        for (int i = 0; i < 200; i++) {
            assertThat(p.delayBefore(0, status(503, Optional.empty())).orElseThrow())
                    .isBetween(Duration.ZERO, Duration.ofMillis(200));
            assertThat(p.delayBefore(3, status(503, Optional.empty())).orElseThrow())
                    .isBetween(Duration.ZERO, Duration.ofMillis(1600));
            assertThat(p.delayBefore(40, status(503, Optional.empty())).orElseThrow())
                    .isBetween(Duration.ZERO, Duration.ofSeconds(10));
        }
        RetryPolicy fixed = RetryPolicy.builder().jitter(false).build();
        assertThat(fixed.delayBefore(2, status(503, Optional.empty()))).contains(Duration.ofMillis(800));
        assertThat(fixed.delayBefore(100, status(503, Optional.empty()))).contains(Duration.ofSeconds(10));
    }

    @Test
    void backoffGrowsMonotonicallyToItsCapForAnyRetryCountWithoutOverflow() {
        RetryPolicy fixed = RetryPolicy.builder()
                .jitter(false)
                .initialBackoff(Duration.ofMillis(200))
                .maxBackoff(Duration.ofDays(365))
                .build();
        Duration before = Duration.ZERO;
        for (long retry = 0; retry < 200; retry++) {
            Duration d = fixed.delayBefore(retry, status(503, Optional.empty())).orElseThrow();
            assertThat(d)
                    .as("retry %d", retry)
                    .isGreaterThanOrEqualTo(before)
                    .isLessThanOrEqualTo(Duration.ofDays(365));
            before = d;
        }
        assertThat(before).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void retryAfterReplacesBackoffAndIsCapped() {
        RetryPolicy p = RetryPolicy.defaults();
        assertThat(p.delayBefore(0, status(429, Optional.of(Duration.ofSeconds(7))))
                        .orElseThrow())
                .isBetween(Duration.ofSeconds(7), Duration.ofMillis(7_700)); // never shorter, up to 10 % later
        assertThat(RetryPolicy.builder()
                        .jitter(false)
                        .build()
                        .delayBefore(0, status(429, Optional.of(Duration.ofSeconds(7)))))
                .contains(Duration.ofSeconds(7));
        assertThat(p.delayBefore(0, status(429, Optional.of(Duration.ofSeconds(61)))))
                .isEmpty();
    }

    @Test
    void retriesThenSurfacesTheLastErrorWithItsAttemptCount() {
        AtomicInteger calls = new AtomicInteger();
        Mono<String> failing = Mono.defer(() -> {
            calls.incrementAndGet();
            return Mono.error(status(503, Optional.empty()));
        });
        StepVerifier.withVirtualTime(
                        () -> failing.retryWhen(RetryPolicy.defaults().toRetry(HttpMethod.GET)))
                .thenAwait(Duration.ofMinutes(1))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOfSatisfying(
                                ServerException.class,
                                s -> assertThat(s.attempts()).isEqualTo(4)))
                .verify();
        assertThat(calls.get()).isEqualTo(4);
    }

    @Test
    void listenerIsToldOfEachRetry() {
        AtomicInteger told = new AtomicInteger();
        Mono<String> failing = Mono.error(status(500, Optional.empty()));
        StepVerifier.withVirtualTime(() -> failing.retryWhen(
                        RetryPolicy.defaults().toRetry(HttpMethod.GET, (attempt, e, d) -> told.incrementAndGet())))
                .thenAwait(Duration.ofMinutes(1))
                .expectError(ServerException.class)
                .verify();
        assertThat(told.get()).isEqualTo(3);
    }
}
