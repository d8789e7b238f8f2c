package io.trackflow.testkit;

import static io.trackflow.testkit.TestHttp.get;
import static io.trackflow.testkit.TestHttp.header;
import static io.trackflow.testkit.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FakeBeatPassTiersTest {

    private static final Set<String> PUBLIC_TRACK =
            Set.of("id", "name", "image", "release_date", "model_type", "created_at", "duration_text");

    private static FakeBeatPass server;

    @BeforeAll
    static void start() {
        server = FakeBeatPass.builder().rateLimitPerMinute(100_000).start().seed(40);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode withToken(String path) {
        HttpResponse<byte[]> r =
                get(server.baseUrl() + path, "Accept", "application/json", "Authorization", "Bearer " + server.token());
        assertThat(r.statusCode()).as("%s", path).isEqualTo(200);
        return json(r).get("track");
    }

    private static JsonNode withoutToken(String path) {
        HttpResponse<byte[]> r = get(server.baseUrl() + path, "Accept", "application/json");
        assertThat(r.statusCode()).as("%s", path).isEqualTo(200);
        return json(r).get("track");
    }

    private static Set<String> names(JsonNode node) {
        Set<String> out = new HashSet<>();
        out.addAll(node.propertyNames());
        return out;
    }

    private static List<JsonNode> tokenTracks(int from, int to) {
        List<JsonNode> out = new ArrayList<>();
        for (int id = from; id <= to; id++) {
            out.add(withToken("/tracks/" + id));
        }
        return out;
    }

    @Test
    void aTokenHolderGetsTheWholeTrack() {
        JsonNode t = withToken("/tracks/5");
        assertThat(names(t))
                .containsAll(PUBLIC_TRACK)
                .contains(
                        "duration",
                        "price",
                        "currency",
                        "bpm",
                        "key",
                        "scale",
                        "plays",
                        "licensing_type",
                        "exclusive_status",
                        "exclusive_price",
                        "reposts_count",
                        "likes_count",
                        "description",
                        "updated_at");
        assertThat(t.get("name").asString()).isEqualTo("Track 5");
        assertThat(t.get("duration").isIntegralNumber()).isTrue();
        assertThat(t.get("duration").asLong()).isBetween(90_000L, 390_000L);
        long ms = t.get("duration").asLong();
        assertThat(t.get("duration_text").asString()).isEqualTo(String.format("%d:%02d", ms / 60_000, ms / 1_000 % 60));
        assertThat(t.get("release_date").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
        // relations only when asked
        assertThat(names(t)).doesNotContain("artists", "album", "genres", "tags");
    }

    @Test
    void withoutATokenTheTrackIsMinimal() {
        JsonNode t = withoutToken("/tracks/5");
        assertThat(names(t)).isEqualTo(PUBLIC_TRACK);
        assertThat(t.get("model_type").asString()).isEqualTo("track");
        JsonNode full = withToken("/tracks/5");
        PUBLIC_TRACK.forEach(f -> assertThat(t.get(f)).as(f).isEqualTo(full.get(f)));
    }

    @Test
    void relationsComeInTheCallersTier() {
        JsonNode full = withToken("/tracks/9?with=artists,album,genres,tags");
        assertThat(full.get("artists"))
                .isNotEmpty()
                .allSatisfy(
                        a -> assertThat(names(a)).contains("id", "name", "image_small", "verified", "bio", "website"));
        assertThat(names(full.get("album"))).contains("plays", "created_at", "tracks", "artists");
        assertThat(full.get("album").get("tracks"))
                .extracting(n -> n.get("id").asLong())
                .contains(9L);
        assertThat(full.get("tags").isArray()).isTrue();
        assertThat(full.get("genres")).isNotEmpty();

        JsonNode minimal = withoutToken("/tracks/9?with=artists,album,genres,tags");
        assertThat(minimal.get("artists"))
                .isNotEmpty()
                .allSatisfy(a -> assertThat(names(a)).doesNotContain("verified", "bio", "website"));
        assertThat(names(minimal.get("album")))
                .doesNotContain("plays", "created_at", "tracks")
                .contains("id", "name");
        assertThat(minimal.has("tags")).isFalse();
        assertThat(minimal.get("genres")).isEqualTo(full.get("genres"));
    }

    @Test
    void aWrongTokenIsRefusedEvenThoughNoTokenIsAllowed() {
        HttpResponse<byte[]> json = get(
                server.baseUrl() + "/tracks/1", "Accept", "application/json", "Authorization", "Bearer expired-token");
        assertThat(json.statusCode()).isEqualTo(401);
        assertThat(json(json).get("message").asString()).isEqualTo("Unauthenticated.");
        HttpResponse<byte[]> html = get(server.baseUrl() + "/tracks/1", "Authorization", "Bearer expired-token");
        assertThat(html.statusCode()).isEqualTo(302);
        assertThat(header(html, "Location")).endsWith("/login");
        assertThat(header(html, "Content-Type")).startsWith("text/html");
        HttpResponse<byte[]> none = get(server.baseUrl() + "/tracks/1");
        assertThat(none.statusCode()).isEqualTo(200);
    }

    @Test
    void seededValuesAreOddButLegal() {
        List<JsonNode> tracks = tokenTracks(1, 40);
        List<JsonNode> bpm = tracks.stream().map(t -> t.get("bpm")).collect(Collectors.toList());
        assertThat(bpm)
                .anySatisfy(b -> assertThat(b.isIntegralNumber()).isTrue())
                .anySatisfy(b -> assertThat(b.isFloatingPointNumber()).isTrue())
                .anySatisfy(b ->
                        assertThat(b.isString() && b.asString().matches("\\d+")).isTrue())
                .anySatisfy(b -> assertThat(b.isNull()).isTrue());
        List<JsonNode> price = tracks.stream().map(t -> t.get("price")).collect(Collectors.toList());
        assertThat(price)
                .anySatisfy(p -> assertThat(p.asString()).isEqualTo("19.99").matches(x -> p.isString()))
                .anySatisfy(p -> assertThat(p.isNumber() && p.asDouble() == 4.5).isTrue())
                .anySatisfy(p -> assertThat(p.isNull()).isTrue());
        assertThat(tracks)
                .extracting(t -> t.get("currency").asString())
                .contains("USD", "CAD")
                .containsOnly("USD", "CAD");
        assertThat(tracks)
                .extracting(t -> t.get("key").isNull() ? null : t.get("key").asString())
                .contains("C#")
                .containsNull();
        assertThat(tracks).extracting(t -> t.get("scale").asString()).contains("minor", "major");
        assertThat(tracks)
                .anySatisfy(t -> assertThat(t.get("description").isNull()).isTrue());
        assertThat(tracks).anySatisfy(t -> assertThat(t.get("image").isNull()).isTrue());
        assertThat(tracks)
                .extracting(t -> t.get("created_at").asString())
                .anySatisfy(s -> assertThat(s).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC"))
                .anySatisfy(s -> assertThat(s).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z"));
        assertThat(tracks).anySatisfy(t -> assertThat(t.has("stems")).isTrue());
        assertThat(tracks)
                .anySatisfy(t -> assertThat(t.get("plays").isString()).isTrue())
                .anySatisfy(t -> assertThat(t.get("plays").isIntegralNumber()).isTrue())
                .anySatisfy(t -> assertThat(t.get("likes_count").isString()).isTrue())
                .allSatisfy(t -> assertThat(t.get("plays").asString()).matches("\\d+"));
        List<JsonNode> artists = new ArrayList<>();
        for (int id = 1; id <= 40; id++) {
            withToken("/tracks/" + id + "?with=artists").get("artists").forEach(artists::add);
        }
        assertThat(artists)
                .extracting(a -> a.get("verified"))
                .anySatisfy(v -> assertThat(v.isBoolean()).isTrue())
                .anySatisfy(v -> assertThat(v.isIntegralNumber()).isTrue())
                .allSatisfy(v -> assertThat(v.asString()).isIn("true", "false", "1", "0"));
    }

    @Test
    void seedingIsDeterministic() {
        try (FakeBeatPass other =
                FakeBeatPass.builder().rateLimitPerMinute(100_000).start().seed(40)) {
            for (int id : new int[] {1, 7, 22, 40}) {
                String path = "/tracks/" + id + "?with=album,artists,tags,genres";
                HttpResponse<byte[]> a = get(
                        server.baseUrl() + path,
                        "Accept",
                        "application/json",
                        "Authorization",
                        "Bearer " + server.token());
                HttpResponse<byte[]> b = get(
                        other.baseUrl() + path,
                        "Accept",
                        "application/json",
                        "Authorization",
                        "Bearer " + other.token());
                assertThat(new String(b.body(), StandardCharsets.UTF_8))
                        .isEqualTo(new String(a.body(), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void rawTrackBodiesAreServedVerbatimToEveryTier() {
        String hostile =
                "{\"id\":1001,\"name\":\"Hostile\",\"release_date\":\"TBA\",\"image\":42,\"duration\":\"3:20\"}";
        try (FakeBeatPass own = FakeBeatPass.start().seed(5)) {
            own.putRawTrack(1_001, hostile).putRawTrack(3, "{\"id\":3,\"artists\":null}");
            for (String[] auth : new String[][] {{}, {"Authorization", "Bearer " + own.token()}}) {
                List<String> h = new ArrayList<>(List.of("Accept", "application/json"));
                h.addAll(List.of(auth));
                HttpResponse<byte[]> r = get(own.baseUrl() + "/tracks/1001?with=album", h.toArray(String[]::new));
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(new String(r.body(), StandardCharsets.UTF_8))
                        .isEqualTo("{\"status\":\"success\",\"track\":" + hostile + "}");
            }
            HttpResponse<byte[]> seeded = get(own.baseUrl() + "/tracks/3", "Accept", "application/json");
            assertThat(json(seeded).get("track").get("artists").isNull()).isTrue();
            assertThat(own.trackCount()).isEqualTo(5);
        }
    }

    @Test
    void removedTracksAreGoneWhateverTheirBody() {
        try (FakeBeatPass own = FakeBeatPass.start().seed(3)) {
            own.putRawTrack(77, "{\"id\":77}");
            own.removeTrack(77);
            own.removeTrack(2);
            for (String id : new String[] {"77", "2"}) {
                HttpResponse<byte[]> r = get(own.baseUrl() + "/tracks/" + id, "Accept", "application/json");
                assertThat(r.statusCode()).isEqualTo(410);
                assertThat(json(r).get("message").asString()).isEqualTo("Track unavailable");
            }
            HttpResponse<byte[]> unknown = get(own.baseUrl() + "/tracks/4", "Accept", "application/json");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(json(unknown).get("message").asString()).isEqualTo("Track not found");
        }
    }

    @Test
    void anUnknownRelationIsA422InEitherTier() {
        for (String[] auth : new String[][] {{}, {"Authorization", "Bearer " + server.token()}}) {
            List<String> h = new ArrayList<>(List.of("Accept", "application/json"));
            h.addAll(List.of(auth));
            HttpResponse<byte[]> r = get(server.baseUrl() + "/tracks/1?with=album,lyrics", h.toArray(String[]::new));
            assertThat(r.statusCode()).isEqualTo(422);
            JsonNode errors = json(r).get("errors").get("with");
            assertThat(StreamSupport.stream(errors.spliterator(), false).map(JsonNode::asString))
                    .containsExactly("The selected with is invalid.");
        }
    }
}
