package io.trackflow.beatpass;

import static io.trackflow.beatpass.Recorded.assertLookup;
import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.core.auth.AccessToken;
import io.trackflow.core.error.CredentialsException;
import io.trackflow.core.error.UnauthorizedException;
import io.trackflow.testkit.FakeBeatPass;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;

/** Tokens: the bearer header, a wrong or expired token, rotating tokens and a stuck token provider. */
class CredentialsTest {

    private static FakeBeatPass server;

    @BeforeAll
    static void startServer() {
        server = FakeBeatPass.builder().rateLimitPerMinute(100_000).start().seed(20);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.faults().clear();
        server.clearRequests();
    }

    @Test
    void unauthorizedSaysTheTokenMayHaveExpiredWithoutPrintingIt() {
        String secret = "expired-token-" + System.nanoTime();
        try (BeatPassClient bad =
                BeatPassClient.builder().token(secret).baseUrl(server.baseUrl()).build()) {
            StepVerifier.create(bad.tracks().get(1))
                    .expectErrorSatisfies(e -> {
                        assertThat(e)
                                .isInstanceOf(UnauthorizedException.class)
                                .hasMessageStartingWith("Unauthenticated.")
                                .hasMessageContaining("expire")
                                .hasMessageContaining("90 days")
                                .hasMessageNotContaining(secret);
                        assertThat(e.toString()).doesNotContain(secret);
                    })
                    .verify();
            assertThat(bad.toString()).doesNotContain(secret);
        }
        // a 401 with a fixed token is not retried; the token went in the header, never in the URL
        assertThat(server.requests()).singleElement().satisfies(r -> {
            assertThat(r.header("Authorization")).contains("Bearer " + secret);
            assertThat(r.header("Accept")).contains("application/json");
            assertThat(r.rawUri()).isEqualTo("/api/v1/tracks/1");
        });
    }

    @Test
    void aStuckTokenProviderFailsTheCallInTimeAndDoesNotPoisonTheClient() {
        AtomicInteger fetches = new AtomicInteger();
        try (BeatPassClient rotating = BeatPassClient.builder()
                .baseUrl(server.baseUrl())
                .tokenProvider(() -> fetches.incrementAndGet() == 1
                        ? Mono.never()
                        : Mono.just(AccessToken.of(server.token(), Instant.now().plusSeconds(3600))))
                .tokenFetchTimeout(Duration.ofMillis(300))
                .build()) {
            StepVerifier.create(rotating.tracks().get(2))
                    .expectError(CredentialsException.class)
                    .verify(Duration.ofSeconds(5));
            assertThat(server.requests()).isEmpty();
            StepVerifier.create(rotating.tracks().get(2)).expectNextCount(1).verifyComplete();
            assertThat(fetches.get()).isEqualTo(2);
        }
        assertThat(server.requests()).singleElement().satisfies(r -> assertLookup(r, server, 2, ""));
    }

    @Test
    void rotatingTokensAreRefreshedAfterA401() {
        AtomicInteger fetches = new AtomicInteger();
        try (BeatPassClient rotating = BeatPassClient.builder()
                .baseUrl(server.baseUrl())
                .tokenProvider(() -> Mono.fromSupplier(() -> fetches.incrementAndGet() == 1
                        ? AccessToken.of("stale", Instant.now().plusSeconds(3600))
                        : AccessToken.of(server.token(), Instant.now().plusSeconds(3600))))
                .build()) {
            StepVerifier.create(rotating.tracks().get(2)).expectNextCount(1).verifyComplete();
            assertThat(fetches.get()).isEqualTo(2);
        }
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(0).header("Authorization")).contains("Bearer stale");
        assertLookup(server.requests().get(1), server, 2, "");
    }

    @Test
    void withoutAcceptJsonTheFakeRedirectsToAnHtmlLogin() {
        // the fake is as awkward as the real deployment; the client always sends Accept, so it never sees
        // this (a wrong token: without any token BeatPass answers the public tier)
        List<String> statuses = new ArrayList<>();
        HttpClient.create()
                .headers(h -> h.add("Authorization", "Bearer wrong-key-0"))
                .get()
                .uri(server.baseUrl() + "/tracks/1")
                .response()
                .doOnNext(r -> statuses.add(
                        r.status().code() + " " + r.responseHeaders().get("Location")))
                .block();
        assertThat(statuses).singleElement().asString().startsWith("302 ").endsWith("/login");
    }
}
