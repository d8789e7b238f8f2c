package io.trackflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.trackflow.beatpass.BeatPassClient;
import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.beyondwords.model.BackgroundTrackRequest;
import io.trackflow.core.error.DecodingException;
import io.trackflow.core.error.HttpStatusException;
import io.trackflow.core.http.ReactorNettyTransport;
import io.trackflow.core.retry.RetryPolicy;
import io.trackflow.testkit.FakeBeyondWords;
import io.trackflow.testkit.Fault;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

/** Hostile servers and hostile arguments: each is a clear error, never a hang, never a leaked secret. */
class HostileInputTest {

    private static FakeBeyondWords server;
    private static FakeBeyondWords elsewhere;
    private static BeyondWordsClient client;

    @BeforeAll
    static void start() {
        server = FakeBeyondWords.builder().apiKey(Secrets.API_KEY).start().seed(10);
        elsewhere = FakeBeyondWords.builder().apiKey("other").start();
        client = BeyondWordsClient.builder()
                .apiKey(Secrets.API_KEY)
                .baseUrl(server.baseUrl())
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
        elsewhere.close();
        Secrets.assertNoneLeaked();
    }

    @Test
    void aBodyOneByteOverSixteenMebibytesIsADecodingErrorAndItsConnectionIsClosed() {
        byte[] huge = new byte[16 * 1024 * 1024 + 1];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        server.faults().next(Fault.body(200, "application/json", huge));
        StepVerifier.create(client.backgroundTracks().get(1))
                .expectErrorSatisfies(e -> {
                    assertThat(e)
                            .isInstanceOf(DecodingException.class)
                            .hasMessageContaining("exceeds the limit of 16777216 bytes");
                    Secrets.seen(e);
                })
                .verify(Duration.ofSeconds(30));
        StepVerifier.create(client.backgroundTracks().get(1)).expectNextCount(1).verifyComplete();
    }

    @Test
    void deeplyNestedJsonIsADecodingError() {
        byte[] deep = ("{\"id\":1,\"name\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}")
                .getBytes(StandardCharsets.UTF_8);
        server.faults().next(Fault.body(200, "application/json", deep));
        StepVerifier.create(client.backgroundTracks().get(1))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(DecodingException.class);
                    Secrets.seen(e);
                })
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void aHugeStringStillDecodes() {
        String name = "x".repeat(5_000_000);
        byte[] body = ("{\"id\":1,\"name\":\"" + name
                        + "\",\"created\":\"2023-01-01 00:00:00 UTC\",\"updated\":\"2023-01-01 00:00:00 UTC\"}")
                .getBytes(StandardCharsets.UTF_8);
        server.faults().next(Fault.body(200, "application/json", body));
        BackgroundTrack t = client.backgroundTracks().get(1).block(Duration.ofSeconds(10));
        assertThat(t.name()).hasSize(5_000_000);
    }

    @Test
    void aRedirectToAnotherHostIsNotFollowedAndTheKeyNeverGoesThere() {
        server.faults().next(Fault.redirect(elsewhere.baseUrl() + "/background_tracks/1"));
        StepVerifier.create(client.backgroundTracks().get(1))
                .expectErrorSatisfies(e -> {
                    assertThat(e)
                            .isInstanceOfSatisfying(
                                    HttpStatusException.class,
                                    s -> assertThat(s.status()).isEqualTo(302));
                    Secrets.seen(e);
                })
                .verify(Duration.ofSeconds(10));
        assertThat(elsewhere.requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void nonPositiveIdsAreRejected(long id) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> client.backgroundTracks().get(id))
                .withMessageContaining("id");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> client.backgroundTracks()
                        .update(id, BackgroundTrackRequest.builder().build()))
                .withMessageContaining("id");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void outOfRangePageSizesAreRejected(int size) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BackgroundTrackQuery.builder().pageSize(size).build())
                .withMessageContaining("pageSize");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://user:" + "pw@api.example.com/v1",
                "ftp://api.example.com",
                "file:///etc/passwd",
                "javascript:alert(1)",
                "//api.example.com",
                "http://api.example.com/v1",
                "https://api.example.com/v1?x=1",
                "https:// bad host",
                ""
            })
    void oddBaseUrlsAreRejected(String url) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BeyondWordsClient.builder()
                        .apiKey(Secrets.API_KEY)
                        .baseUrl(url)
                        .build())
                .withMessageContaining("baseUrl")
                .satisfies(e -> Secrets.seen(e));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BeatPassClient.builder()
                        .token(Secrets.TOKEN)
                        .baseUrl(url)
                        .build())
                .withMessageContaining("baseUrl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rain\r\nX-Injected: 1", "rain\nX", "rain\u0000", "rain\r"})
    void headerInjectionAttemptsAreRejected(String evil) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BackgroundTrackQuery.builder().name(evil).build())
                .withMessageContaining("name");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BackgroundTrackQuery.builder().addScopes(evil).build())
                .withMessageContaining("scopes");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BeyondWordsClient.builder().apiKey(evil).build())
                .withMessageContaining("apiKey")
                .withMessageNotContaining("Injected");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BeatPassClient.builder().token(evil).build())
                .withMessageContaining("token")
                .withMessageNotContaining("Injected");
    }

    @Test
    void theTransportRefusesANonPositiveLimit() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ReactorNettyTransport.builder().maxResponseBytes(0))
                .withMessageContaining("maxResponseBytes");
    }
}
