package io.trackflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.beyondwords.model.BackgroundTrackRequest;
import io.trackflow.core.error.ServerException;
import io.trackflow.core.error.TransportException;
import io.trackflow.core.retry.RetryPolicy;
import io.trackflow.testkit.FakeBeyondWords;
import io.trackflow.testkit.Fault;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** A POST that reached the server is never retried; one that provably never left is. */
class NonIdempotentSafetyTest {

    private static final RetryPolicy FAST = RetryPolicy.builder()
            .initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(5))
            .build();
    private static FakeBeyondWords server;
    private static BeyondWordsClient client;

    @BeforeAll
    static void start() {
        server = FakeBeyondWords.builder().apiKey(Secrets.API_KEY).start().seed(10);
        client = BeyondWordsClient.builder()
                .apiKey(Secrets.API_KEY)
                .baseUrl(server.baseUrl())
                .retryPolicy(FAST)
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static BackgroundTrackRequest request() {
        return BackgroundTrackRequest.builder()
                .name("safety " + System.nanoTime())
                .mediaUrl("https://cdn.example.com/s.mp3")
                .build();
    }

    private static long posts() {
        return server.requests().stream().filter(r -> r.method().equals("POST")).count();
    }

    @Test
    void aPostAnswered503IsNotRetried() {
        server.clearRequests();
        server.faults().next(Fault.status(503));
        StepVerifier.create(client.backgroundTracks().create(request()))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ServerException.class);
                    Secrets.seen(e);
                })
                .verify();
        assertThat(posts()).isEqualTo(1);
    }

    @Test
    void aPostCutOffAfterReachingTheServerIsNotRetried() {
        server.clearRequests();
        server.faults().next(Fault.resetBeforeResponse());
        StepVerifier.create(client.backgroundTracks().create(request()))
                .expectErrorSatisfies(e -> {
                    assertThat(e)
                            .isInstanceOfSatisfying(
                                    TransportException.class,
                                    t -> assertThat(t.isConnectFailure()).isFalse());
                    Secrets.seen(e);
                })
                .verify(Duration.ofSeconds(10));
        assertThat(posts()).isEqualTo(1);
    }

    @Test
    void aPostThatNeverConnectedIsRetried() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (BeyondWordsClient nowhere = BeyondWordsClient.builder()
                .apiKey(Secrets.API_KEY)
                .baseUrl("http://127.0.0.1:" + port + "/v1")
                .retryPolicy(FAST)
                .build()) {
            StepVerifier.create(nowhere.backgroundTracks().create(request()))
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOfSatisfying(TransportException.class, t -> {
                            assertThat(t.isConnectFailure()).isTrue();
                            assertThat(t.attempts()).isEqualTo(4);
                        });
                        Secrets.seen(e);
                    })
                    .verify(Duration.ofSeconds(10));
        }
    }
}
