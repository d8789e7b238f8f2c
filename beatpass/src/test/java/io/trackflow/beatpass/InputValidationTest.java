package io.trackflow.beatpass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.trackflow.beatpass.model.TrackInclude;
import io.trackflow.beatpass.model.TrackLookupOptions;
import io.trackflow.beatpass.model.TrackQuery;
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
                bad(
                        "artist and tag",
                        "artist",
                        t -> TrackQuery.builder().artist(1).tag("x").build()),
                bad(
                        "tag and playlist",
                        "playlist",
                        t -> TrackQuery.builder().tag("x").playlist(2).build()),
                bad(
                        "a query with an artist",
                        "query",
                        t -> TrackQuery.builder().query("rain").artist(4).build()),
                bad(
                        "a query with a tag",
                        "query",
                        t -> TrackQuery.builder().query("rain").tag("lofi").build()),
                bad("artist 0", "artist", t -> TrackQuery.builder().artist(0).build()),
                bad(
                        "playlist -1",
                        "playlist",
                        t -> TrackQuery.builder().playlist(-1).build()),
                bad("a blank tag", "tag", t -> TrackQuery.builder().tag("  ").build()),
                bad(
                        "a blank query",
                        "query",
                        t -> TrackQuery.builder().query("").build()),
                bad(
                        "a query with a line feed",
                        "query",
                        t -> TrackQuery.builder().query("a\nb").build()),
                bad(
                        "pageSize 0",
                        "pageSize",
                        t -> TrackQuery.builder().pageSize(0).build()),
                bad(
                        "pageSize 101",
                        "pageSize",
                        t -> TrackQuery.builder().pageSize(101).build()),
                bad(
                        "maxItems 0",
                        "maxItems",
                        t -> TrackQuery.builder().maxItems(0).build()),
                bad(
                        "list concurrency 0",
                        "concurrency",
                        t -> TrackQuery.builder().concurrency(0).build()),
                bad("partitions 0", "n", t -> t.partitions(TrackQuery.all(), 0)),
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
