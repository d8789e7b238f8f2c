package io.trackflow.testkit;

import static io.trackflow.testkit.FakeBeatPassListsTest.call;
import static io.trackflow.testkit.FakeBeatPassListsTest.ids;
import static io.trackflow.testkit.FakeBeatPassListsTest.page;
import static io.trackflow.testkit.TestHttp.date;
import static io.trackflow.testkit.TestHttp.get;
import static io.trackflow.testkit.TestHttp.header;
import static io.trackflow.testkit.TestHttp.json;
import static io.trackflow.testkit.TestHttp.longHeader;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the BeatPass fake's lists hold, for whom, and how auth, the rate limit and faults apply. */
class FakeBeatPassListMembershipTest {

    private static final Set<String> PUBLIC_TRACK =
            Set.of("id", "name", "image", "release_date", "model_type", "created_at", "duration_text");

    private static FakeBeatPass server() {
        return FakeBeatPass.builder().rateLimitPerMinute(100_000).start().seed(60);
    }

    /** Relation name/id to the ids of the tracks that have it, from the lookups. */
    private static Map<String, List<Long>> members(FakeBeatPass s, String relation, String field) {
        Map<String, List<Long>> out = new TreeMap<>();
        for (long id = 1; id <= s.trackCount(); id++) {
            JsonNode t = json(call(s, "/tracks/" + id + "?with=" + relation)).get("track");
            for (JsonNode m : t.get(relation)) {
                out.computeIfAbsent(m.get(field).asString(), k -> new ArrayList<>())
                        .add(id);
            }
        }
        return out;
    }

    private static List<Long> all(FakeBeatPass s, String path, String key) {
        JsonNode p = page(s, path + (path.contains("?") ? "&" : "?") + "perPage=50&per_page=50", key);
        assertThat(p.get("last_page").asInt()).as("one page: %s", path).isEqualTo(1);
        return ids(p);
    }

    @Test
    void queryKeepsTheTracksWhoseNameContainsItIgnoringCase() {
        try (FakeBeatPass s = server()) {
            assertThat(all(s, "/tracks?query=TRACK%201", "tracks"))
                    .containsExactly(1L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L);
            assertThat(page(s, "/tracks?query=rack%205", "tracks").get("total").asInt())
                    .isEqualTo(11); // Track 5, Track 50..59
            assertThat(page(s, "/tracks?query=%20", "tracks").get("total").asInt())
                    .isEqualTo(60); // a blank query is none
        }
    }

    @Test
    void artistAndTagListsHoldTheirTracksInIdOrder() {
        try (FakeBeatPass s = server()) {
            Map<String, List<Long>> artists = members(s, "artists", "id");
            Map<String, List<Long>> tags = members(s, "tags", "name");
            assertThat(artists).isNotEmpty();
            assertThat(tags).isNotEmpty();
            artists.forEach((id, tracks) -> assertThat(all(s, "/artists/" + id + "/tracks", "pagination"))
                    .as("artist %s", id)
                    .isEqualTo(tracks));
            tags.forEach((name, tracks) -> {
                assertThat(all(s, "/tags/" + name + "/tracks", "pagination"))
                        .as("tag %s", name)
                        .isEqualTo(tracks);
                assertThat(all(s, "/tags/" + name.toUpperCase() + "/tracks", "pagination"))
                        .isEqualTo(tracks);
            });
        }
    }

    @Test
    void aPlaylistKeepsItsOrderAndLeavesOutWhatIsGone() {
        try (FakeBeatPass s = server()) {
            s.putPlaylist(7, List.of(5L, 3L, 9L, 3L, 999L, 12L)).removeTrack(12);
            assertThat(all(s, "/playlists/7/tracks", "pagination")).containsExactly(5L, 3L, 9L, 3L);
            JsonNode second = page(s, "/playlists/7/tracks?perPage=3&page=2", "pagination");
            assertThat(ids(second)).containsExactly(3L);
            assertThat(second.get("from").asInt()).isEqualTo(4);
            assertThat(second.get("total").asInt()).isEqualTo(4);
            s.putPlaylist(7, List.of(1L));
            assertThat(all(s, "/playlists/7/tracks", "pagination")).containsExactly(1L);
        }
    }

    @Test
    void removedTracksAreLeftOutOfEveryList() {
        try (FakeBeatPass s = server()) {
            Map<String, List<Long>> artists = members(s, "artists", "id");
            Map.Entry<String, List<Long>> artist = artists.entrySet().iterator().next();
            artist.getValue().forEach(s::removeTrack);
            s.removeTrack(2);
            List<Long> expected = LongStream.rangeClosed(1, 60)
                    .boxed()
                    .filter(id -> id != 2 && !artist.getValue().contains(id))
                    .collect(Collectors.toList());
            JsonNode first = page(s, "/tracks?per_page=50", "tracks");
            assertThat(first.get("total").asInt()).isEqualTo(expected.size());
            List<Long> listed = new ArrayList<>(ids(first));
            listed.addAll(ids(page(s, "/tracks?per_page=50&page=2", "tracks")));
            assertThat(listed).isEqualTo(expected);
            // the artist is still known by its removed tracks: an empty page, not a 404
            JsonNode gone = page(s, "/artists/" + artist.getKey() + "/tracks", "pagination");
            assertThat(gone.get("total").asInt()).isZero();
            assertThat(gone.get("from").isNull()).isTrue();
        }
    }

    @Test
    void itemsAreTheLookupsTrackInTheCallersTier() {
        try (FakeBeatPass s = server()) {
            JsonNode token = page(s, "/tracks?per_page=5&page=2", "tracks");
            for (JsonNode t : token.get("data")) {
                assertThat(t)
                        .isEqualTo(
                                json(call(s, "/tracks/" + t.get("id").asLong())).get("track"));
                assertThat(t.has("bpm")).isTrue();
            }
            HttpResponse<byte[]> r = get(s.baseUrl() + "/playlists/1/tracks", "Accept", "application/json");
            assertThat(r.statusCode()).isEqualTo(404);
            s.putPlaylist(1, List.of(4L, 8L));
            JsonNode pub = json(get(
                            s.baseUrl() + "/playlists/1/tracks?with=artists,tags", "Accept", "application/json"))
                    .get("pagination");
            assertThat(pub.get("data")).hasSize(2).allSatisfy(t -> {
                Set<String> names = new HashSet<>(t.propertyNames());
                names.remove("artists");
                assertThat(names).isEqualTo(PUBLIC_TRACK);
                assertThat(t.get("artists"))
                        .allSatisfy(a -> assertThat(a.has("verified")).isFalse());
            });
        }
    }

    @Test
    void aRawTrackTextTakesItsSeededTracksPlaceInLists() {
        String hostile = "{\"id\":3,\"release_date\":\"TBA\",\"image\":42}";
        try (FakeBeatPass s = server()) {
            s.putRawTrack(3, hostile).putRawTrack(500, "{\"id\":500}");
            String body = new String(call(s, "/tracks?per_page=4").body(), StandardCharsets.UTF_8);
            assertThat(body).contains("}," + hostile + ",{\"id\":4,");
            assertThat(page(s, "/tracks", "tracks").get("total").asInt()).isEqualTo(60);
            s.putPlaylist(1, List.of(500L, 3L));
            assertThat(all(s, "/playlists/1/tracks", "pagination")).containsExactly(500L, 3L);
        }
    }

    @Test
    void aWrongTokenIsRefusedOnLists() {
        try (FakeBeatPass s = server()) {
            HttpResponse<byte[]> r =
                    get(s.baseUrl() + "/tracks", "Accept", "application/json", "Authorization", "Bearer nope");
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(json(r).get("message").asString()).isEqualTo("Unauthenticated.");
            assertThat(get(s.baseUrl() + "/tags/x/tracks", "Authorization", "Bearer nope")
                            .statusCode())
                    .isEqualTo(302);
            assertThat(s.requests())
                    .extracting(RecordedRequest::toString)
                    .containsExactly("GET /api/v1/tracks", "GET /api/v1/tags/x/tracks");
        }
    }

    @Test
    void listsCarryTheRateLimitHeadersAndADateAndAre429PastTheLimit() {
        try (FakeBeatPass s = FakeBeatPass.builder()
                .rateLimit(3, Duration.ofMinutes(1))
                .start()
                .seed(10)) {
            String[] paths = {"/tracks?per_page=2", "/artists/0/tracks", "/tracks?page=0"};
            int[] statuses = {200, 404, 422};
            for (int i = 0; i < paths.length; i++) {
                HttpResponse<byte[]> r = call(s, paths[i]);
                assertThat(r.statusCode()).isEqualTo(statuses[i]);
                assertThat(header(r, "X-RateLimit-Limit")).isEqualTo("3");
                assertThat(header(r, "X-RateLimit-Remaining")).isEqualTo(String.valueOf(2 - i));
                assertThat(longHeader(r, "X-RateLimit-Reset"))
                        .isGreaterThan(Instant.now().getEpochSecond());
                assertThat(Duration.between(date(r), Instant.now()).abs()).isLessThan(Duration.ofSeconds(2));
            }
            HttpResponse<byte[]> refused = call(s, "/playlists/1/tracks");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(json(refused).get("message").asString()).isEqualTo("Too Many Attempts.");
            assertThat(longHeader(refused, "Retry-After")).isBetween(1L, 60L);
            assertThat(s.rateLimitedCount()).isEqualTo(1);
        }
    }

    @Test
    void faultsHitListPathsInTheListsShapes() {
        try (FakeBeatPass s = server()) {
            s.faults()
                    .inject(r -> r.path().equals("/api/v1/tracks"), Fault.status(503), 1)
                    .inject(r -> r.path().startsWith("/api/v1/artists/"), Fault.status(404), 1)
                    .inject(r -> r.path().startsWith("/api/v1/playlists/"), Fault.status(404), 1)
                    .inject(r -> r.path().startsWith("/api/v1/tags/"), Fault.status(422), 1)
                    .inject(r -> r.queryParam("page").orElse("").equals("2"), Fault.truncatedJson(), 1);
            s.putPlaylist(1, List.of(1L));
            assertThat(call(s, "/tracks/1").statusCode()).isEqualTo(200);
            HttpResponse<byte[]> down = call(s, "/tracks");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(json(down).get("message").asString()).isEqualTo("Server Error");
            assertThat(json(call(s, "/artists/1/tracks")).get("message").asString())
                    .isEqualTo("Artist not found");
            assertThat(json(call(s, "/playlists/1/tracks")).get("message").asString())
                    .isEqualTo("Playlist not found");
            HttpResponse<byte[]> invalid = call(s, "/tags/a/tracks");
            assertThat(invalid.statusCode()).isEqualTo(422);
            assertThat(json(invalid).get("errors").get("page").get(0).asString())
                    .isEqualTo("The page must be at least 1.");
            HttpResponse<byte[]> cut = call(s, "/tracks?page=2");
            assertThat(cut.statusCode()).isEqualTo(200);
            String whole = new String(call(s, "/tracks?page=2").body(), StandardCharsets.UTF_8);
            assertThat(whole).startsWith(new String(cut.body(), StandardCharsets.UTF_8));
            assertThat(cut.body().length).isLessThan(whole.length());
            assertThat(s.faults().injected()).hasSize(5);
        }
    }
}
