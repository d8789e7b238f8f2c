package io.trackflow.beatpass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.trackflow.beatpass.model.TrackInclude;
import io.trackflow.beatpass.model.TrackLookupOptions;
import io.trackflow.testkit.FakeBeatPass;
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
        void on(Tracks tracks);
    }

    private static FakeBeatPass server;
    private BeatPassClient client;

    @BeforeAll
    static void startServer() {
        server = FakeBeatPass.start().seed(10);
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
                bad("get(-3, ALBUM)", "id", t -> t.get(-3, TrackInclude.ALBUM)),
                bad(
                        "concurrency 0",
                        "concurrency",
                        t -> TrackLookupOptions.builder().concurrency(0).build()),
                bad(
                        "concurrency 65",
                        "concurrency",
                        t -> TrackLookupOptions.builder().concurrency(65).build()),
                bad("no token", "token", t -> BeatPassClient.builder().build()),
                bad(
                        "an empty token",
                        "token",
                        t -> BeatPassClient.builder().token("").build()),
                bad(
                        "a token with a line feed",
                        "token",
                        t -> BeatPassClient.builder().token("t\nx").build()),
                bad(
                        "plain http to a remote host",
                        "baseUrl",
                        t -> BeatPassClient.builder()
                                .token("t")
                                .baseUrl("http://open.beatpass.ca/api/v1")
                                .build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misuses")
    void aBadArgumentIsRejectedBeforeAnyIo(Misuse misuse, String argument) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> misuse.on(client.tracks()))
                .withMessageContaining(argument);
        assertThat(server.requests()).isEmpty();
    }
}
