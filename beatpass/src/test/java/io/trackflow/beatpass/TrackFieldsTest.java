package io.trackflow.beatpass;

import static io.trackflow.testkit.ModelAssertions.assertEveryFieldReachable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trackflow.beatpass.model.Album;
import io.trackflow.beatpass.model.Artist;
import io.trackflow.beatpass.model.Track;
import io.trackflow.beatpass.model.TrackInclude;
import io.trackflow.core.error.ApiException;
import io.trackflow.core.error.DecodingException;
import io.trackflow.core.json.Json;
import io.trackflow.core.json.RawFields;
import io.trackflow.core.json.RawJson;
import io.trackflow.core.ratelimit.RateLimits;
import io.trackflow.testkit.FakeBeatPass;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;

/**
 * What a lookup keeps of the body: every documented field typed (token and public tier), everything
 * else raw, odd values lenient, required fields strict. Bodies come from the testkit fake, read once
 * raw over plain HTTP and once through the client.
 */
class TrackFieldsTest {

    private static final TrackInclude[] ALL = TrackInclude.values();
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final HttpClient NETTY = HttpClient.create();

    /** The fields of a token holder's track the model types, with their accessors. */
    private static final Map<String, Function<Track, Optional<?>>> TYPED = Map.ofEntries(
            Map.entry("release_date", Track::releaseDate),
            Map.entry("image", Track::image),
            Map.entry("duration", Track::duration),
            Map.entry("description", Track::description),
            Map.entry("album", Track::album),
            Map.entry("model_type", Track::modelType),
            Map.entry("created_at", Track::createdAt),
            Map.entry("updated_at", Track::updatedAt),
            Map.entry("duration_text", Track::durationText),
            Map.entry("bpm", t -> t.bpm().isPresent() ? Optional.of(t.bpm().getAsDouble()) : Optional.empty()),
            Map.entry("key", Track::key),
            Map.entry("scale", Track::scale),
            Map.entry("price", Track::price),
            Map.entry("currency", Track::currency),
            Map.entry("exclusive_price", Track::exclusivePrice),
            Map.entry("licensing_type", Track::licensingType),
            Map.entry("exclusive_status", Track::exclusiveStatus),
            Map.entry(
                    "plays", t -> t.plays().isPresent() ? Optional.of(t.plays().getAsLong()) : Optional.empty()),
            Map.entry(
                    "likes_count",
                    t -> t.likesCount().isPresent() ? Optional.of(t.likesCount().getAsLong()) : Optional.empty()),
            Map.entry(
                    "reposts_count",
                    t -> t.repostsCount().isPresent()
                            ? Optional.of(t.repostsCount().getAsLong())
                            : Optional.empty()));

    private static FakeBeatPass server;
    private static BeatPassClient client;

    @BeforeAll
    static void start() {
        server = FakeBeatPass.builder().rateLimitPerMinute(100_000).start().seed(60);
        client = BeatPassClient.builder()
                .token(server.token())
                .baseUrl(server.baseUrl())
                .rateLimiter(RateLimits.none())
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    /** The {@code track} object of a body as the fake sends it, read without trackflow. */
    private static JsonNode raw(long id, boolean token) throws Exception {
        byte[] body = NETTY.headers(h -> {
                    h.set("Accept", "application/json");
                    if (token) {
                        h.set("Authorization", "Bearer " + server.token());
                    }
                })
                .get()
                .uri(server.baseUrl() + "/tracks/" + id + "?with=tags,genres,artists,album")
                .responseContent()
                .aggregate()
                .asByteArray()
                .block(Duration.ofSeconds(10));
        return PLAIN.readTree(body).get("track");
    }

    @Test
    void aTokenHolderReadsEveryDocumentedFieldTypedAndTheRestRaw() throws Exception {
        for (long id = 1; id <= 60; id++) {
            JsonNode sent = raw(id, true);
            Track t = client.tracks().get(id, ALL).block();
            for (Map.Entry<String, Function<Track, Optional<?>>> f : TYPED.entrySet()) {
                boolean sentAValue = sent.hasNonNull(f.getKey());
                assertThat(f.getValue().apply(t))
                        .as("%s of track %d", f.getKey(), id)
                        .matches(v -> v.isPresent() == sentAValue);
                assertThat(t.additionalProperties()).as("track %d", id).doesNotContainKey(f.getKey());
            }
            assertThat(t.artists())
                    .isNotEmpty()
                    .allSatisfy(a -> assertThat(a.additionalProperties()).containsOnlyKeys("model_type"));
            Album album = t.album().orElseThrow();
            assertThat(album.plays()).isPresent();
            assertThat(album.createdAt()).isPresent();
            assertThat(album.tracks()).extracting(Track::id).contains(id);
            assertThat(t.additionalProperties().keySet())
                    .as("track %d", id)
                    .contains("owner_id", "local_only", "spotify_id")
                    .isSubsetOf("owner_id", "local_only", "spotify_id", "stems", "beat_request_id");
            assertEveryFieldReachable(sent.toString(), t);
        }
    }

    @Test
    void oddButLegalTokenTierValuesReadExactly() {
        Track one = client.tracks().get(1).block(); // bpm 120, price "19.99", USD, exclusive_price 250
        assertThat(one.bpm()).hasValue(120.0);
        assertThat(one.price()).contains(new BigDecimal("19.99"));
        assertThat(one.currency()).contains("USD");
        assertThat(one.exclusivePrice()).contains(new BigDecimal("250"));
        assertThat(one.key()).contains("A");
        Track two = client.tracks().get(2).block(); // bpm "128", price 4.5, no exclusive offer
        assertThat(two.bpm()).hasValue(128.0);
        assertThat(two.price()).contains(new BigDecimal("4.5"));
        assertThat(two.exclusivePrice()).isEmpty();
        assertThat(two.exclusiveStatus()).isEmpty();
        Track three = client.tracks().get(3).block(); // bpm 92.5, price null
        assertThat(three.bpm()).hasValue(92.5);
        assertThat(three.price()).isEmpty();
        Track four = client.tracks().get(4).block(); // bpm null, exclusive_price "499.00"
        assertThat(four.bpm()).isEmpty();
        assertThat(four.exclusivePrice()).contains(new BigDecimal("499.00"));
        assertThat(four.exclusivePrice().orElseThrow().scale()).isEqualTo(2);
        assertThat(four.additionalProperties()).doesNotContainKeys("bpm", "price");
        Track seven = client.tracks().get(7).block();
        assertThat(seven.additionalProperties().get("stems").get("count").flatMap(RawJson::asDecimal))
                .contains(BigDecimal.valueOf(4));
    }

    @Test
    void aPublicTierBodyReadsWithItsOwnFields() throws Exception {
        JsonNode sent = raw(5, false);
        server.putRawTrack(10_005, sent.toString());
        Track t = client.tracks().get(10_005).block();
        assertThat(t.modelType()).contains("track");
        assertThat(t.createdAt()).isPresent();
        assertThat(t.durationText()).isPresent();
        assertThat(t.releaseDate()).isPresent();
        assertThat(t.bpm()).isEmpty();
        assertThat(t.price()).isEmpty();
        assertThat(t.duration()).isEmpty();
        assertThat(t.artists()).isNotEmpty().allSatisfy(a -> assertThat(a.bio()).isEmpty());
        assertThat(t.tags()).isEmpty();
        assertEveryFieldReachable(sent.toString(), t);
    }

    @Test
    void optionalFieldsThatDoNotReadAreEmptyAndKeptRawAndTheLookupSucceeds() {
        String hostile = "{\"id\":1001,\"name\":\"Hostile\",\"release_date\":\"TBA\",\"image\":42,"
                + "\"duration\":\"3:20\",\"bpm\":\"fast\",\"price\":\"$5\",\"created_at\":\"yesterday\","
                + "\"plays\":1.5,\"key\":[\"C\"],\"artists\":[{\"id\":1,\"name\":\"A\"},{\"id\":2}],"
                + "\"album\":\"Coda\",\"genres\":{\"id\":1},\"tags\":[{\"id\":1,\"name\":\"t\"}],\"currency\":\"USD\"}";
        server.putRawTrack(1_001, hostile);
        Track t = client.tracks().get(1_001).block();
        assertThat(t.name()).isEqualTo("Hostile");
        assertThat(t.releaseDate()).isEmpty();
        assertThat(t.image()).isEmpty();
        assertThat(t.duration()).isEmpty();
        assertThat(t.bpm()).isEmpty();
        assertThat(t.price()).isEmpty();
        assertThat(t.createdAt()).isEmpty();
        assertThat(t.plays()).isEmpty();
        assertThat(t.key()).isEmpty();
        assertThat(t.artists()).isEmpty();
        assertThat(t.album()).isEmpty();
        assertThat(t.genres()).isEmpty();
        assertThat(t.tags())
                .singleElement()
                .satisfies(tag -> assertThat(tag.name()).isEqualTo("t"));
        assertThat(t.currency()).contains("USD");
        RawJson body = RawJson.parse(hostile);
        assertThat(t.additionalProperties())
                .containsOnlyKeys(
                        "release_date",
                        "image",
                        "duration",
                        "bpm",
                        "price",
                        "created_at",
                        "plays",
                        "key",
                        "artists",
                        "album",
                        "genres")
                .allSatisfy((name, value) ->
                        assertThat(value).isEqualTo(body.get(name).orElseThrow()));
        assertEveryFieldReachable(hostile, t);
    }

    static Stream<Arguments> malformedRequiredFields() {
        return Stream.of(
                arguments("{\"name\":\"x\"}", "'id' is missing"),
                arguments("{\"id\":null,\"name\":\"x\"}", "'id' is missing"),
                arguments("{\"id\":\"x\",\"name\":\"x\"}", "'id' is not an integer"),
                arguments("{\"id\":1.5,\"name\":\"x\"}", "'id' is not an integer"),
                arguments("{\"id\":1}", "'name' is missing"),
                arguments("{\"id\":1,\"name\":null}", "'name' is missing"),
                arguments("{\"id\":1,\"name\":42}", "'name' is not a string"),
                arguments("{\"id\":1,\"name\":{\"en\":\"x\"}}", "'name' is not a string"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequiredFields")
    void aRequiredFieldMissingOrMalformedStillFailsTheLookupNamingIt(String track, String mentions) {
        server.putRawTrack(2_001, track);
        StepVerifier.create(client.tracks().get(2_001))
                .expectErrorSatisfies(e -> {
                    assertThat(e)
                            .isInstanceOf(DecodingException.class)
                            .hasMessageContaining("Track: required field " + mentions);
                    assertThat(((ApiException) e).attempts()).isEqualTo(1);
                })
                .verify(Duration.ofSeconds(10));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 22})
    void aTrackWrittenByTrackflowReadsBackEqual(long id) throws Exception {
        Track t = client.tracks().get(id, ALL).block();
        String written = Json.write(t);
        assertThat(Json.read(written, Track.class)).isEqualTo(t);
    }

    @Test
    void aHostileTrackWrittenByTrackflowReadsBackEqualWithItsRawValues() throws Exception {
        Track t = Json.read(
                "{\"id\":1,\"name\":\"n\",\"release_date\":\"TBA\",\"price\":\"19.90\",\"x\":[1,{\"y\":null}]}",
                Track.class);
        String written = Json.write(t);
        assertThat(written)
                .isEqualTo("{\"id\":1,\"name\":\"n\",\"price\":19.90,\"release_date\":\"TBA\",\"x\":[1,{\"y\":null}]}");
        assertThat(Json.read(written, Track.class)).isEqualTo(t);
    }

    @Test
    void aTypedValueSetOverARawOneIsTheOneWritten() {
        Track read = Json.read("{\"id\":1,\"name\":\"a\",\"image\":42,\"x\":true}", Track.class);
        assertThat(read.image()).isEmpty();
        assertThat(Json.write(read)).isEqualTo("{\"id\":1,\"name\":\"a\",\"image\":42,\"x\":true}");
        Track set = Track.builder().from(read).image("https://img").build();
        String written = Json.write(set);
        assertThat(written).isEqualTo("{\"id\":1,\"name\":\"a\",\"image\":\"https://img\",\"x\":true}");
        assertThat(Json.read(written, Track.class).image()).contains("https://img");
        // a later duplicate that reads wins over an earlier one kept raw
        Track dup = Json.read("{\"id\":1,\"name\":\"a\",\"image\":42,\"image\":\"ok\"}", Track.class);
        assertThat(Json.write(dup)).isEqualTo("{\"id\":1,\"name\":\"a\",\"image\":\"ok\"}");
    }

    @Test
    void additionalPropertiesCannotBeChanged() {
        Track t = client.tracks().get(7, TrackInclude.ARTISTS).block();
        assertThatThrownBy(() -> t.additionalProperties().clear()).isInstanceOf(UnsupportedOperationException.class);
        Artist a = t.artists().get(0);
        assertThatThrownBy(() -> a.additionalProperties().put("x", RawJson.parse("1")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void valuesBuiltByHandCarryTheirOwnRawFields() {
        Track t = Track.builder()
                .id(1)
                .name("By hand")
                .bpm(128)
                .price(new BigDecimal("9.99"))
                .currency("EUR")
                .releaseDate(LocalDate.of(2024, 1, 2))
                .createdAt(Instant.parse("2024-01-02T03:04:05Z"))
                .additionalProperties(RawFields.of(Map.of("stems", RawJson.parse("{\"count\":4}"))))
                .build();
        assertThat(t.additionalProperties()).containsOnlyKeys("stems");
        assertThat(t.plays()).isEmpty();
        assertThat(t.artists()).isEmpty();
    }
}
