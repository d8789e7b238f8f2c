package io.trackflow.beyondwords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.beyondwords.model.BackgroundTrackRequest;
import io.trackflow.testkit.FakeBeyondWords;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad argument is an {@link IllegalArgumentException} naming it, thrown before any request. */
class InputValidationTest {

    /** A use of the API with one bad argument. */
    @FunctionalInterface
    interface Misuse {
        void on(BackgroundTracks tracks);
    }

    private static FakeBeyondWords server;
    private BeyondWordsClient client;

    @BeforeAll
    static void startServer() {
        server = FakeBeyondWords.start().seed(10);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void connect() {
        server.clearRequests();
        client = Recorded.client(server, Recorded.FAST);
    }

    @AfterEach
    void close() {
        client.close();
    }

    private static Arguments bad(String what, String argument, Misuse misuse) {
        return arguments(Named.of(what, misuse), argument);
    }

    static Stream<Arguments> misuses() {
        return Stream.of(
                bad("get(0)", "id", t -> t.get(0)),
                bad(
                        "update(-1, ..)",
                        "id",
                        t -> t.update(-1, BackgroundTrackRequest.builder().build())),
                bad(
                        "create without a name",
                        "name",
                        t -> t.create(BackgroundTrackRequest.builder().volume(3).build())),
                bad("partitions(q, 0)", "n", t -> t.partitions(BackgroundTrackQuery.all(), 0)),
                bad(
                        "pageSize 0",
                        "pageSize",
                        t -> BackgroundTrackQuery.builder().pageSize(0).build()),
                bad(
                        "pageSize 101",
                        "pageSize",
                        t -> BackgroundTrackQuery.builder().pageSize(101).build()),
                bad(
                        "maxItems 0",
                        "maxItems",
                        t -> BackgroundTrackQuery.builder().maxItems(0).build()),
                bad(
                        "concurrency 0",
                        "concurrency",
                        t -> BackgroundTrackQuery.builder().concurrency(0).build()),
                bad(
                        "a name with CR LF",
                        "name",
                        t -> BackgroundTrackQuery.builder()
                                .name("a\r\nX-Evil: 1")
                                .build()),
                bad(
                        "a blank filter name",
                        "name",
                        t -> BackgroundTrackQuery.builder().name(" ").build()),
                bad(
                        "volume 101",
                        "volume",
                        t -> BackgroundTrackRequest.builder().volume(101).build()),
                bad(
                        "an empty track name",
                        "name",
                        t -> BackgroundTrackRequest.builder().name("").build()),
                bad(
                        "a file: media URL",
                        "mediaUrl",
                        t -> BackgroundTrackRequest.builder()
                                .mediaUrl("file:///x")
                                .build()),
                bad("no API key", "apiKey", t -> BeyondWordsClient.builder().build()),
                bad(
                        "a blank API key",
                        "apiKey",
                        t -> BeyondWordsClient.builder().apiKey(" ").build()),
                bad(
                        "plain http to a remote host",
                        "baseUrl",
                        t -> BeyondWordsClient.builder()
                                .apiKey("k")
                                .baseUrl("http://api.example.com/v1")
                                .build()),
                bad(
                        "user-info in the base URL",
                        "baseUrl",
                        t -> BeyondWordsClient.builder()
                                .apiKey("k")
                                .baseUrl("https://u:p@api.example.com")
                                .build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misuses")
    void aBadArgumentIsRejectedBeforeAnyIo(Misuse misuse, String argument) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> misuse.on(client.backgroundTracks()))
                .withMessageContaining(argument);
        assertThat(server.requests()).isEmpty();
    }
}
