package io.trackflow.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.trackflow.core.error.CredentialsException;
import io.trackflow.core.http.HttpRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class AuthTest {

    private static final HttpRequest REQ = HttpRequest.get(URI.create("https://api.example.com/v1/x"));

    @Test
    void apiKeyGoesInItsHeaderAndNeverInToString() {
        ApiKeyAuth auth = ApiKeyAuth.header("X-Api-Key", "k-123");
        StepVerifier.create(auth.authenticate(REQ))
                .assertNext(r -> {
                    assertThat(r.header("x-api-key")).contains("k-123");
                    assertThat(r.uri().toString()).doesNotContain("k-123");
                    assertThat(r.toString()).doesNotContain("k-123");
                })
                .verifyComplete();
        assertThat(auth.toString()).doesNotContain("k-123").contains("****");
    }

    @Test
    void badSecretsAreRejectedWithoutEchoingThem() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ApiKeyAuth.header("X-Api-Key", " "))
                .withMessageContaining("apiKey");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ApiKeyAuth.header("X-Api-Key", "abc\r\nX-Evil: 1"))
                .withMessageNotContaining("Evil");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BearerTokenAuth.of(""))
                .withMessageContaining("token");
        assertThatIllegalArgumentException().isThrownBy(() -> ApiKeyAuth.header("X Api", "k"));
    }

    @Test
    void staticBearerToken() {
        BearerTokenAuth auth = BearerTokenAuth.of("t-1");
        StepVerifier.create(auth.authenticate(REQ))
                .assertNext(r -> assertThat(r.header("Authorization")).contains("Bearer t-1"))
                .verifyComplete();
        assertThat(auth.toString()).doesNotContain("t-1");
        assertThat(AccessToken.of("t-1", Instant.EPOCH).toString()).doesNotContain("t-1");
    }

    @Test
    void refreshingTokenIsCachedRefreshedBeforeExpiryAndFetchedOneAtATime() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        AtomicInteger calls = new AtomicInteger();
        TokenProvider provider = () -> Mono.delay(Duration.ofMillis(50))
                .map(x ->
                        AccessToken.of("t" + calls.incrementAndGet(), now.get().plusSeconds(600)));
        BearerTokenAuth auth = BearerTokenAuth.refreshing(provider, Duration.ofSeconds(60), clock);

        List<String> headers = Flux.range(0, 20)
                .flatMap(i -> auth.authenticate(REQ))
                .map(r -> r.header("Authorization").orElseThrow())
                .collectList()
                .block();
        assertThat(headers).containsOnly("Bearer t1");
        assertThat(calls.get()).isEqualTo(1);

        now.set(now.get().plusSeconds(500)); // 100 s before expiry: still fresh
        assertThat(auth.authenticate(REQ).block().header("Authorization")).contains("Bearer t1");
        now.set(now.get().plusSeconds(50)); // 50 s before expiry: inside the 60 s window
        assertThat(auth.authenticate(REQ).block().header("Authorization")).contains("Bearer t2");
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void afterA401TheRejectedTokenIsDropped() {
        AtomicInteger calls = new AtomicInteger();
        BearerTokenAuth auth = BearerTokenAuth.refreshing(
                () -> Mono.fromSupplier(() -> AccessToken.nonExpiring("t" + calls.incrementAndGet())));
        HttpRequest sent = auth.authenticate(REQ).block();
        StepVerifier.create(auth.onUnauthorized(sent)).expectNext(true).verifyComplete();
        assertThat(auth.authenticate(REQ).block().header("Authorization")).contains("Bearer t2");
        StepVerifier.create(BearerTokenAuth.of("x").onUnauthorized(sent))
                .expectNext(false)
                .verifyComplete();
    }

    @Test
    void aFailedFetchIsNotCachedForever() {
        AtomicInteger calls = new AtomicInteger();
        BearerTokenAuth auth = BearerTokenAuth.refreshing(() -> calls.incrementAndGet() == 1
                ? Mono.error(new IllegalStateException("vault down"))
                : Mono.just(AccessToken.nonExpiring("ok")));
        StepVerifier.create(auth.authenticate(REQ))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(CredentialsException.class)
                        .hasMessageContaining("vault down")
                        .hasRootCauseMessage("vault down"))
                .verify();
        StepVerifier.create(auth.authenticate(REQ)).expectNextCount(1).verifyComplete();
    }

    private static final class TestClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration d) {
            now.set(now.get().plus(d));
        }
    }

    @Test
    void aStuckFetchTimesOutAndTheNextCallStartsAFreshOne() {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger cancelled = new AtomicInteger();
        BearerTokenAuth auth = BearerTokenAuth.refreshing(
                () -> calls.incrementAndGet() == 1
                        ? Mono.<AccessToken>never().doOnCancel(cancelled::incrementAndGet)
                        : Mono.just(AccessToken.nonExpiring("ok")),
                Duration.ofSeconds(60),
                Duration.ofMillis(200),
                Clock.systemUTC());
        StepVerifier.create(auth.authenticate(REQ))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(CredentialsException.class)
                        .hasRootCauseInstanceOf(java.util.concurrent.TimeoutException.class))
                .verify(Duration.ofSeconds(5));
        assertThat(cancelled.get()).isEqualTo(1);
        StepVerifier.create(auth.authenticate(REQ)).expectNextCount(1).verifyComplete();
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void aFetchThatEveryWaiterCancelledIsDroppedAndTheNextCallerStartsAnother() {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger cancelled = new AtomicInteger();
        BearerTokenAuth auth = BearerTokenAuth.refreshing(() -> calls.incrementAndGet() == 1
                ? Mono.<AccessToken>never().doOnCancel(cancelled::incrementAndGet)
                : Mono.just(AccessToken.nonExpiring("ok")));
        reactor.core.Disposable a = auth.authenticate(REQ).subscribe();
        reactor.core.Disposable b = auth.authenticate(REQ).subscribe();
        assertThat(calls.get()).isEqualTo(1);
        a.dispose();
        assertThat(cancelled.get()).isZero(); // one waiter is left
        b.dispose();
        assertThat(cancelled.get()).isEqualTo(1);
        StepVerifier.create(auth.authenticate(REQ)).expectNextCount(1).verifyComplete();
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void everyCallerOfAFailedFetchGetsAnExceptionOfItsOwn() {
        reactor.core.publisher.Sinks.One<AccessToken> gate = reactor.core.publisher.Sinks.one();
        BearerTokenAuth auth = BearerTokenAuth.refreshing(gate::asMono);
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < 3; i++) {
            auth.authenticate(REQ).subscribe(r -> {}, errors::add);
        }
        IllegalStateException down = new IllegalStateException("vault down");
        gate.tryEmitError(down);
        assertThat(errors)
                .hasSize(3)
                .allSatisfy(e ->
                        assertThat(e).isInstanceOf(CredentialsException.class).hasCause(down));
        assertThat(errors.get(0)).isNotSameAs(errors.get(1)).isNotSameAs(errors.get(2));
        assertThat(errors.get(1)).isNotSameAs(errors.get(2));
    }

    @Test
    void aTokenLivingLessThanRefreshBeforeIsNotFetchedOnEveryRequest() {
        TestClock clock = new TestClock();
        AtomicInteger calls = new AtomicInteger();
        TokenProvider provider = () -> Mono.fromSupplier(() ->
                AccessToken.of("t" + calls.incrementAndGet(), clock.instant().plusSeconds(30)));
        BearerTokenAuth auth = BearerTokenAuth.refreshing(provider, Duration.ofSeconds(60), clock);
        for (int i = 0; i < 14; i++) {
            assertThat(auth.authenticate(REQ).block().header("Authorization")).contains("Bearer t1");
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(calls.get()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2)); // past half the lifetime: one early refresh
        assertThat(auth.authenticate(REQ).block().header("Authorization")).contains("Bearer t2");
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void anEarlyRefreshThatReturnsTheSameTokenUsesItUntilItExpires() {
        TestClock clock = new TestClock();
        AtomicInteger calls = new AtomicInteger();
        Instant expiry = clock.instant().plusSeconds(600);
        BearerTokenAuth auth = BearerTokenAuth.refreshing(
                () -> Mono.fromSupplier(() -> {
                    calls.incrementAndGet();
                    return AccessToken.of("same", expiry);
                }),
                Duration.ofSeconds(60),
                clock);
        auth.authenticate(REQ).block();
        clock.advance(Duration.ofSeconds(550)); // inside the refresh window
        for (int i = 0; i < 20; i++) {
            auth.authenticate(REQ).block();
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void aFailedEarlyRefreshFallsBackToTheStillValidToken() {
        TestClock clock = new TestClock();
        AtomicInteger calls = new AtomicInteger();
        BearerTokenAuth auth = BearerTokenAuth.refreshing(
                () -> calls.incrementAndGet() == 1
                        ? Mono.just(AccessToken.of("t1", clock.instant().plusSeconds(600)))
                        : Mono.error(new IllegalStateException("vault down")),
                Duration.ofSeconds(60),
                clock);
        auth.authenticate(REQ).block();
        clock.advance(Duration.ofSeconds(570));
        assertThat(auth.authenticate(REQ).block().header("Authorization")).contains("Bearer t1");
        assertThat(auth.authenticate(REQ).block().header("Authorization")).contains("Bearer t1");
        assertThat(calls.get()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(40)); // expired: the provider must answer now
        StepVerifier.create(auth.authenticate(REQ))
                .expectError(CredentialsException.class)
                .verify();
    }
}
