package io.trackflow.beyondwords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trackflow.core.error.RateLimitException;
import io.trackflow.core.ratelimit.RateLimits;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

/**
 * DESIGN §4: "A 429 holds the whole client for its {@code Retry-After}", with BeyondWords' default
 * limiter ({@link RateLimits#none()}) as with the limiters that pace: the calls of the client that did
 * not receive the 429 send nothing until the hold ends, and one whose deadline the hold would pass fails
 * at once.
 */
class RateLimitHoldTest extends HostileServerTest {

    private void awaitRequests(int n) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.requests.size() < n && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(server.requests).hasSizeGreaterThanOrEqualTo(n);
    }

    private static long millisBetween(Hostile.Req a, Hostile.Req b) {
        return TimeUnit.NANOSECONDS.toMillis(b.nanos - a.nanos);
    }

    @Test
    void anotherCallOfTheClientWaitsOutTheHoldWithTheDefaultLimiter() throws Exception {
        bw = tooManyOnce("1").build(); // the default limiter: RateLimits.none()
        BackgroundTracks t = bw.backgroundTracks();
        var first = t.get(1).toFuture();
        awaitRequests(1); // the 429 is on its way
        Thread.sleep(100); // and has arrived
        t.get(2).block(T); // another call, started inside the hold
        first.get(20, TimeUnit.SECONDS);

        List<Hostile.Req> rs = server.requests;
        assertThat(rs).hasSize(3);
        // nothing reached the server inside the second the 429 asked for
        assertThat(millisBetween(rs.get(0), rs.get(1))).isGreaterThanOrEqualTo(950);
        assertThat(millisBetween(rs.get(0), rs.get(2))).isGreaterThanOrEqualTo(950);
    }

    @Test
    void aCallWhoseDeadlineTheHoldWouldPassFailsAtOnceAndSendsNothing() throws Exception {
        bw = tooManyOnce("1").totalTimeout(Duration.ofMillis(400)).build();
        BackgroundTracks t = bw.backgroundTracks();
        assertThatThrownBy(() -> t.get(1).block(T)).isInstanceOf(RateLimitException.class);
        assertThat(server.requests).hasSize(1);

        long t0 = System.nanoTime();
        assertThatThrownBy(() -> t.get(2).block(T))
                .isInstanceOfSatisfying(
                        RateLimitException.class,
                        e -> assertThat(e.retryAfter())
                                .hasValueSatisfying(wait -> assertThat(wait)
                                        .isGreaterThan(Duration.ofMillis(400))
                                        .isLessThanOrEqualTo(Duration.ofSeconds(1))))
                .hasMessageContaining("429");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(300));
        assertThat(server.requests).hasSize(1); // it never reached the server
    }

    @Test
    void aHeldCallThatIsCancelledSendsNothing() throws Exception {
        bw = tooManyOnce("1").build();
        BackgroundTracks t = bw.backgroundTracks();
        var first = t.get(1).toFuture();
        awaitRequests(1);
        Thread.sleep(100);
        Disposable held = t.get(2).subscribe();
        Thread.sleep(100);
        held.dispose();
        first.get(20, TimeUnit.SECONDS);
        Thread.sleep(300);
        assertThat(server.requests).hasSize(2); // the 429 and its retry
    }

    @Test
    void eachClientHasItsOwnHold() throws Exception {
        bw = tooManyOnce("1").build();
        try (BeyondWordsClient other = BeyondWordsClient.builder()
                .apiKey(KEY)
                .baseUrl(server.baseUrl())
                .rateLimiter(RateLimits.none())
                .build()) {
            var first = bw.backgroundTracks().get(1).toFuture();
            awaitRequests(1);
            Thread.sleep(100);
            long t0 = System.nanoTime();
            other.backgroundTracks().get(2).block(T);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(700));
            first.get(20, TimeUnit.SECONDS);
        }
    }

    /**
     * A Retry-After beyond the client's maxRetryAfter surfaces to the call that got it and holds nothing:
     * the client will not wait that long, so a call the application makes afterwards (a resume) goes.
     */
    @Test
    void aRetryAfterBeyondTheCapHoldsNothing() {
        bw = tooManyOnce("3600").build();
        BackgroundTracks t = bw.backgroundTracks();
        assertThatThrownBy(() -> t.get(1).block(T))
                .isInstanceOfSatisfying(
                        RateLimitException.class,
                        e -> assertThat(e.retryAfter()).hasValue(Duration.ofHours(1)));
        assertThat(t.get(1).block(T).id()).isEqualTo(1);
        assertThat(server.requests).hasSize(2);
    }
}
