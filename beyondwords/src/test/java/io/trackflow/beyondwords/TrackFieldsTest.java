package io.trackflow.beyondwords;

import static io.trackflow.beyondwords.Recorded.FAST;
import static io.trackflow.testkit.ModelAssertions.assertEveryFieldReachable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.core.error.ApiException;
import io.trackflow.core.error.DecodingException;
import io.trackflow.core.json.Json;
import io.trackflow.core.json.RawJson;
import io.trackflow.testkit.FakeBeyondWords;
import io.trackflow.testkit.Fault;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;

/** What a background track keeps of its body: typed fields, everything else raw, odd values lenient. */
class TrackFieldsTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    private static FakeBeyondWords server;
    private BeyondWordsClient client;
    private BackgroundTracks tracks;

    @BeforeAll
    static void startServer() {
        server = FakeBeyondWords.start().seed(30);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void connect() {
        server.faults().clear();
        client = Recorded.client(server, FAST);
        tracks = client.backgroundTracks();
    }

    @AfterEach
    void close() {
        client.close();
    }

    private static Fault body(String json) {
        return Fault.body(200, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** A track as the fake sends it, read without trackflow. */
    private static String raw(long id) {
        return HttpClient.create()
                .headers(h -> h.set("X-Api-Key", server.apiKey()))
                .get()
                .uri(server.baseUrl() + "/background_tracks/" + id)
                .responseContent()
                .aggregate()
                .asString()
                .block(Duration.ofSeconds(10));
    }

    /**
     * A defaulted field that did not read is written raw while it keeps its default, and typed once given
     * another value on the builder (the typed value set over a raw one wins).
     */
    @Test
    void aDefaultedFieldSetOnTheBuilderOverARawValueIsWrittenTyped() {
        BackgroundTrack loud = Json.read(
                "{\"id\":1,\"name\":\"n\",\"created\":\"2023-01-01T00:00:00Z\",\"volume\":\"loud\"}",
                BackgroundTrack.class);
        assertThat(loud.volume()).isEqualTo(100);
        assertThat(Json.write(loud)).contains("\"volume\":\"loud\"").doesNotContain("\"volume\":100");
        assertThat(Json.read(Json.write(loud), BackgroundTrack.class)).isEqualTo(loud);

        BackgroundTrack set = BackgroundTrack.builder().from(loud).volume(60).build();
        assertThat(Json.write(set)).contains("\"volume\":60").doesNotContain("loud");
        assertThat(Json.read(Json.write(set), BackgroundTrack.class).volume()).isEqualTo(60);
        tools.jackson.databind.json.JsonMapper jackson3 = tools.jackson.databind.json.JsonMapper.builder()
                .findAndAddModules()
                .build();
        assertThat(jackson3.readValue(jackson3.writeValueAsString(set), BackgroundTrack.class)
                        .volume())
                .isEqualTo(60);
    }

    /**
     * A field sent twice, once in a form that reads and once not, in either order, round-trips: the value
     * that reads wins and is the one written (a defaulted field, an optional nested one, a timestamp).
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "\"volume\":\"loud\",\"volume\":50",
                "\"volume\":50,\"volume\":\"loud\"",
                "\"media\":{\"url\":\"a\",\"url\":5}",
                "\"media\":{\"url\":5,\"url\":\"a\"}",
                "\"updated\":\"soon\",\"updated\":\"2023-01-02T00:00:00Z\""
            })
    void aFieldSentTwiceRoundTrips(String twice) {
        BackgroundTrack x = Json.read(
                "{\"id\":1,\"name\":\"n\",\"created\":\"2023-01-01T00:00:00Z\"," + twice + "}", BackgroundTrack.class);
        assertThat(x.additionalProperties()).doesNotContainKeys("volume", "updated");
        assertThat(Json.read(Json.write(x), BackgroundTrack.class)).isEqualTo(x);
        x.media().ifPresent(m -> assertThat(m.url()).isEqualTo("a"));
    }

    @Test
    void everyFieldOfTheFakesBodiesIsReachableTypedOrRaw() throws Exception {
        List<BackgroundTrack> listed = tracks.list().collectList().block();
        assertThat(listed).hasSize(30);
        for (BackgroundTrack t : listed) {
            String sent = raw(t.id());
            JsonNode tree = PLAIN.readTree(sent);
            assertThat(t.additionalProperties()).containsOnlyKeys("source_id", "tags");
            assertThat(t.additionalProperties().get("source_id").isNull()).isTrue();
            assertThat(t.additionalProperties().get("tags").elements()).isEmpty();
            t.media()
                    .ifPresent(m -> assertThat(m.additionalProperties())
                            .containsExactly(java.util.Map.entry("content_type", RawJson.parse("\"audio/mpeg\""))));
            assertThat(tree.has("media")).isEqualTo(t.media().isPresent());
            assertEveryFieldReachable(sent, t);
        }
    }

    @Test
    void optionalFieldsThatDoNotReadTakeTheirDefaultAndAreKeptRaw() {
        String odd = "{\"id\":7,\"name\":\"Odd\",\"volume\":\"loud\",\"project\":{\"name\":\"no id\"},"
                + "\"media\":{\"url\":42,\"duration\":\"3:20\",\"content_type\":\"audio/mpeg\"},"
                + "\"created\":\"2023-01-01 00:00:00 UTC\",\"updated\":\"soon\",\"source_id\":\"abc\"}";
        server.faults().next(body(odd));
        BackgroundTrack t = tracks.get(7).block();
        assertThat(t.volume()).isEqualTo(100);
        assertThat(t.project()).isEmpty();
        assertThat(t.updated()).isEqualTo(t.created()).isEqualTo(Instant.parse("2023-01-01T00:00:00Z"));
        assertThat(t.additionalProperties())
                .containsOnlyKeys("volume", "project", "updated", "source_id")
                .allSatisfy((name, value) ->
                        assertThat(value).isEqualTo(RawJson.parse(odd).get(name).orElseThrow()));
        assertThat(t.media().orElseThrow().url()).isEmpty();
        assertThat(t.media().orElseThrow().duration()).isEmpty();
        assertThat(t.media().orElseThrow().additionalProperties())
                .containsOnlyKeys("url", "duration", "content_type")
                .containsEntry("duration", RawJson.parse("\"3:20\""));
    }

    @Test
    void aPageWithOddOptionalValuesStillLists() {
        server.faults()
                .next(body("[{\"id\":1,\"name\":\"a\",\"created\":\"2023-01-01 00:00:00 UTC\",\"volume\":\"x\"},"
                        + "{\"id\":2,\"name\":\"b\",\"created\":\"2023-01-01 00:00:00 UTC\",\"media\":[]}]"));
        StepVerifier.create(
                        tracks.list(BackgroundTrackQuery.builder().maxItems(2).build()))
                .assertNext(t -> assertThat(t.additionalProperties()).containsOnlyKeys("volume"))
                .assertNext(t -> assertThat(t.additionalProperties()).containsOnlyKeys("media"))
                .verifyComplete();
    }

    static Stream<Arguments> malformedRequiredFields() {
        String created = "\"created\":\"2023-01-01 00:00:00 UTC\"";
        return Stream.of(
                arguments("{\"id\":7,\"name\":\"x\",\"created\":\"yesterday\"}", "'created' is not a timestamp"),
                arguments("{\"id\":7,\"name\":\"x\",\"created\":\"\"}", "'created' is not a timestamp"),
                arguments("{\"id\":7,\"name\":\"x\"}", "'created' is missing"),
                arguments("{\"id\":7,\"name\":42," + created + "}", "'name' is not a string"),
                arguments("{\"id\":\"seven\",\"name\":\"x\"," + created + "}", "'id' is not an integer"),
                arguments("{\"name\":\"x\"," + created + "}", "'id' is missing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequiredFields")
    void aRequiredFieldMissingOrMalformedStillFailsNamingIt(String track, String mentions) {
        server.faults().next(body(track));
        StepVerifier.create(tracks.get(7))
                .expectErrorSatisfies(e -> {
                    assertThat(e)
                            .isInstanceOf(DecodingException.class)
                            .hasMessageContaining("BackgroundTrack: required field " + mentions);
                    assertThat(((ApiException) e).attempts()).isEqualTo(1);
                })
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void anItemWithoutARequiredFieldFailsItsPage() {
        server.faults()
                .next(body("[{\"id\":1,\"name\":\"a\",\"created\":\"2023-01-01 00:00:00 UTC\"},"
                        + "{\"id\":2,\"name\":\"b\"}]"));
        StepVerifier.create(tracks.list())
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(DecodingException.class)
                        .hasMessageContaining("'created' is missing"))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void aTrackWrittenByTrackflowKeepsItsRawFieldsOnceAndReadsBackEqual() throws Exception {
        BackgroundTrack t = Json.read(
                "{\"id\":7,\"name\":\"n\",\"volume\":\"loud\",\"created\":\"2023-01-01 00:00:00 UTC\","
                        + "\"updated\":\"soon\",\"media\":{\"url\":\"u\",\"bitrate\":128},\"x\":null}",
                BackgroundTrack.class);
        String written = Json.write(t);
        // unreadable values go back exactly as received (not their defaults), unknown ones after the typed fields
        assertThat(written)
                .isEqualTo("{\"id\":7,\"name\":\"n\",\"media\":{\"url\":\"u\",\"bitrate\":128},"
                        + "\"created\":\"2023-01-01T00:00:00Z\",\"volume\":\"loud\",\"updated\":\"soon\",\"x\":null}");
        BackgroundTrack back = Json.read(written, BackgroundTrack.class);
        assertThat(back).isEqualTo(t);
        assertThat(back.additionalProperties()).containsOnlyKeys("volume", "updated", "x");
    }
}
