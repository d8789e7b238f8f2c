package io.trackflow.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.core.error.RateLimitException;
import io.trackflow.core.http.HttpRequest;
import io.trackflow.core.http.HttpResponse;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

class RateLimiterTest {

    private static final HttpRequest REQ = HttpRequest.get(URI.create("https://api.example.com/x"));
    private static final long FAR = Long.MAX_VALUE;

    private static long in(Duration d) {
        return System.nanoTime() + d.toNanos();
    }

    private static HttpResponse figures(int limit, int remaining, long resetEpoch) {
        return HttpResponse.builder()
                .status(200)
                .header("X-RateLimit-Limit", String.valueOf(limit))
                .header("X-RateLimit-Remaining", String.valueOf(remaining))
                .header("X-RateLimit-Reset", String.valueOf(resetEpoch))
                .header(
                        "Date",
                        DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                Instant.now().atOffset(ZoneOffset.UTC)))
                .body(java.nio.ByteBuffer.allocate(0).asReadOnlyBuffer())
                .build();
    }

    @Test
    void aFixedLimitGrantsItsBurstAtOnceThenHoldsTheNext() {
        RateLimiter limiter = RateLimits.fixed(3, Duration.ofMillis(300));
        for (int i = 0; i < 3; i++) {
            StepVerifier.create(limiter.acquire(REQ, FAR)).expectNextCount(1).verifyComplete();
        }
        long started = System.nanoTime();
        StepVerifier.create(limiter.acquire(REQ, FAR)).expectNextCount(1).verifyComplete();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(200));
        assertThat(limiter.stats().callsHeld()).isEqualTo(1);
    }

    @Test
    void aWaitPastTheDeadlineFailsAtOnceWithTheWaitAsRetryAfter() {
        RateLimiter limiter = RateLimits.fixed(1, Duration.ofSeconds(30));
        limiter.acquire(REQ, FAR).block();
        StepVerifier.create(limiter.acquire(REQ, in(Duration.ofSeconds(5))))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOfSatisfying(
                                RateLimitException.class,
                                r -> assertThat(r.retryAfter())
                                        .hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofSeconds(29)))))
                .verify(Duration.ofSeconds(1));
        assertThat(limiter.stats().waiting()).isZero();
    }

    @Test
    void cancellingAWaitingCallFreesItsPlace() {
        RateLimiter limiter = RateLimits.fixed(1, Duration.ofMillis(300));
        limiter.acquire(REQ, FAR).block();
        Disposable first = limiter.acquire(REQ, FAR).subscribe();
        List<Permit> second = new ArrayList<>();
        limiter.acquire(REQ, FAR).subscribe(second::add);
        assertThat(limiter.stats().waiting()).isEqualTo(2);
        first.dispose();
        assertThat(limiter.stats().waiting()).isEqualTo(1);
        reactor.core.publisher.Mono.delay(Duration.ofMillis(450)).block();
        assertThat(second).hasSize(1); // it got the slot the cancelled call was waiting for
    }

    @Test
    void aHoldDelaysEveryCallAndNoneMakesNoWait() {
        RateLimiter limiter = RateLimits.fixed(100, Duration.ofSeconds(1));
        limiter.hold(Duration.ofMillis(300));
        assertThat(limiter.stats().heldUntil()).isPresent();
        long started = System.nanoTime();
        limiter.acquire(REQ, FAR).block();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(200));
        assertThat(RateLimits.none().holdsOnRateLimit()).isFalse();
        assertThat(limiter.holdsOnRateLimit()).isTrue();
    }

    @Test
    void headerPacingSendsOneRequestUntilItKnowsTheFiguresThenUsesTheWindow() {
        RateLimiter limiter = RateLimits.fromHeaders();
        Permit probe = limiter.acquire(REQ, FAR).block();
        List<Permit> granted = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < 5; i++) {
            limiter.acquire(REQ, FAR).subscribe(granted::add);
        }
        assertThat(granted).isEmpty(); // held until the first answer says what the window allows
        limiter.update(figures(4, 3, Instant.now().getEpochSecond() + 30), probe);
        probe.release();
        // calls that waited are handed their permits on the limiter's scheduler, not on the answer's thread
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (granted.size() < 3 && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertThat(limiter.stats().remaining()).hasValue(0);
        assertThat(granted).hasSize(3); // the window's remaining, no more
    }

    @Test
    void aServerThatSendsNoFiguresIsNotPaced() {
        RateLimiter limiter = RateLimits.fromHeaders();
        Permit probe = limiter.acquire(REQ, FAR).block();
        limiter.update(HttpResponse.of(200, new byte[0]), probe);
        probe.release();
        for (int i = 0; i < 50; i++) {
            StepVerifier.create(limiter.acquire(REQ, FAR)).expectNextCount(1).verifyComplete();
        }
    }

    @Test
    void aSpentWindowWhoseResetIsPastTheDeadlineFailsAtOnce() {
        RateLimiter limiter = RateLimits.fromHeaders();
        Permit probe = limiter.acquire(REQ, FAR).block();
        limiter.update(figures(1, 0, Instant.now().getEpochSecond() + 60), probe);
        probe.release();
        StepVerifier.create(limiter.acquire(REQ, in(Duration.ofSeconds(2))))
                .expectError(RateLimitException.class)
                .verify(Duration.ofSeconds(1));
    }
}
