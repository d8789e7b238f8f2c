package io.trackflow.testkit;

import static io.trackflow.testkit.TestHttp.get;
import static io.trackflow.testkit.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** The BeatPass fake's list pages: envelopes, size spellings, clamping, page bounds, validation. */
class FakeBeatPassListsTest {

    private static final List<String> PAGE_FIELDS =
            List.of("current_page", "data", "from", "last_page", "per_page", "to", "total");

    private static FakeBeatPass server;
    private static long artist;
    private static String tag;

    @BeforeAll
    static void start() {
        server = FakeBeatPass.builder().rateLimitPerMinute(100_000).start().seed(60);
        server.putPlaylist(1, LongStream.rangeClosed(1, 30).boxed().collect(Collectors.toList()));
        server.putPlaylist(2, List.of());
        artist = json(call(server, "/tracks/1?with=artists"))
                .get("track")
                .get("artists")
                .get(0)
                .get("id")
                .asLong();
        for (int id = 1; tag == null; id++) {
            JsonNode tags = json(call(server, "/tracks/" + id + "?with=tags"))
                    .get("track")
                    .get("tags");
            tag = tags.isEmpty() ? null : tags.get(0).get("name").asString();
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<byte[]> call(FakeBeatPass s, String path) {
        return get(s.baseUrl() + path, "Accept", "application/json", "Authorization", "Bearer " + s.token());
    }

    /** The page object of a 200 list answer, whatever its envelope key. */
    static JsonNode page(FakeBeatPass s, String path, String key) {
        HttpResponse<byte[]> r = call(s, path);
        assertThat(r.statusCode()).as("%s", path).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("status").asString()).isEqualTo("success");
        assertThat(body.propertyNames()).as("%s", path).containsExactly("status", key);
        return body.get(key);
    }

    static List<Long> ids(JsonNode page) {
        return StreamSupport.stream(page.get("data").spliterator(), false)
                .map(t -> t.get("id").asLong())
                .collect(Collectors.toList());
    }

    @Test
    void eachEndpointHasItsEnvelopeKeyAndLaravelsPageFields() {
        JsonNode tracks = page(server, "/tracks", "tracks");
        assertThat(tracks.propertyNames()).containsExactlyElementsOf(PAGE_FIELDS);
        for (String path :
                new String[] {"/artists/" + artist + "/tracks", "/tags/" + tag + "/tracks", "/playlists/1/tracks"}) {
            assertThat(page(server, path, "pagination").propertyNames())
                    .as("%s", path)
                    .containsExactlyElementsOf(PAGE_FIELDS);
        }
    }

    @Test
    void theDefaultSizeIs20() {
        JsonNode p = page(server, "/tracks", "tracks");
        assertThat(p.get("per_page").asInt()).isEqualTo(20);
        assertThat(ids(p)).isEqualTo(LongStream.rangeClosed(1, 20).boxed().collect(Collectors.toList()));
        assertThat(page(server, "/playlists/1/tracks", "pagination")
                        .get("per_page")
                        .asInt())
                .isEqualTo(20);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/tracks?per_page=7, tracks, 7",
        "/tracks?perPage=7, tracks, 20",
        "/playlists/1/tracks?perPage=7, pagination, 7",
        "/playlists/1/tracks?per_page=7, pagination, 20",
        "/tracks?per_page=7&perPage=9, tracks, 7",
        "/playlists/1/tracks?per_page=7&perPage=9, pagination, 9",
        "/tracks?per_page=, tracks, 20",
    })
    void onlyTheEndpointsSpellingOfTheSizeCounts(String path, String key, int size) {
        JsonNode p = page(server, path, key);
        assertThat(p.get("per_page").asInt()).isEqualTo(size);
        assertThat(ids(p)).hasSize(size);
        assertThat(p.get("to").asInt()).isEqualTo(size);
    }

    @Test
    void theSizeIsClampedAndThePageSaysTheSizeInForce() {
        JsonNode p = page(server, "/tracks?per_page=100", "tracks");
        assertThat(p.get("per_page").asInt()).isEqualTo(50);
        assertThat(ids(p)).hasSize(50);
        assertThat(p.get("last_page").asInt()).isEqualTo(2);
        try (FakeBeatPass small = FakeBeatPass.builder().maxPageSize(10).start().seed(30)) {
            small.putPlaylist(3, List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L));
            JsonNode d = page(small, "/tracks", "tracks");
            assertThat(d.get("per_page").asInt()).isEqualTo(10);
            assertThat(ids(d)).hasSize(10);
            JsonNode pl = page(small, "/playlists/3/tracks?perPage=11", "pagination");
            assertThat(pl.get("per_page").asInt()).isEqualTo(10);
            assertThat(pl.get("last_page").asInt()).isEqualTo(2);
        }
    }

    @Test
    void pagesWalkTheCatalogueInIdOrder() {
        List<Long> all = new ArrayList<>();
        int[][] bounds = {{1, 25}, {26, 50}, {51, 60}};
        for (int n = 1; n <= 3; n++) {
            JsonNode p = page(server, "/tracks?per_page=25&page=" + n, "tracks");
            assertThat(p.get("current_page").asInt()).isEqualTo(n);
            assertThat(p.get("from").asInt()).isEqualTo(bounds[n - 1][0]);
            assertThat(p.get("to").asInt()).isEqualTo(bounds[n - 1][1]);
            assertThat(p.get("last_page").asInt()).isEqualTo(3);
            assertThat(p.get("total").asInt()).isEqualTo(60);
            assertThat(p.get("total").isIntegralNumber()).isTrue();
            all.addAll(ids(p));
        }
        assertThat(all).isEqualTo(LongStream.rangeClosed(1, 60).boxed().collect(Collectors.toList()));
    }

    @Test
    void aPagePastTheLastIsEmptyWithNullBounds() {
        JsonNode p = page(server, "/tracks?per_page=25&page=4", "tracks");
        assertThat(p.get("data")).isEmpty();
        assertThat(p.get("from").isNull()).isTrue();
        assertThat(p.get("to").isNull()).isTrue();
        assertThat(p.get("current_page").asInt()).isEqualTo(4);
        assertThat(p.get("last_page").asInt()).isEqualTo(3);
        assertThat(p.get("total").asInt()).isEqualTo(60);
        assertThat(page(server, "/playlists/1/tracks?page=999999999999", "pagination")
                        .get("data"))
                .isEmpty();
    }

    @Test
    void anEmptyListHasOneEmptyPage() {
        for (String[] c :
                new String[][] {{"/tracks?query=no-such-name", "tracks"}, {"/playlists/2/tracks", "pagination"}}) {
            JsonNode p = page(server, c[0], c[1]);
            assertThat(p.get("data")).isEmpty();
            assertThat(p.get("total").asInt()).isZero();
            assertThat(p.get("last_page").asInt()).isEqualTo(1);
            assertThat(p.get("current_page").asInt()).isEqualTo(1);
            assertThat(p.get("from").isNull()).isTrue();
            assertThat(p.get("to").isNull()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/tracks?page=0, page, The page must be at least 1.",
        "/tracks?page=-3, page, The page must be at least 1.",
        "/tracks?page=abc, page, The page must be an integer.",
        "/tracks?page=1.5, page, The page must be an integer.",
        "/playlists/1/tracks?page=0, page, The page must be at least 1.",
        "/tracks?per_page=0, per_page, The per page must be at least 1.",
        "/tracks?per_page=ten, per_page, The per page must be an integer.",
        "/playlists/1/tracks?perPage=-1, perPage, The per page must be at least 1.",
    })
    void aBadPageOrSizeIsALaravel422(String path, String field, String message) {
        HttpResponse<byte[]> r = call(server, path);
        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode body = json(r);
        assertThat(body.propertyNames()).containsExactly("message", "errors");
        assertThat(body.get("message").asString()).isEqualTo("The given data was invalid.");
        assertThat(body.get("errors").propertyNames()).containsExactly(field);
        assertThat(body.get("errors").get(field)).hasSize(1);
        assertThat(body.get("errors").get(field).get(0).asString()).isEqualTo(message);
    }

    @Test
    void theOtherSpellingOrAnEmptyPageIsNotValidated() {
        assertThat(page(server, "/tracks?perPage=0", "tracks").get("per_page").asInt())
                .isEqualTo(20);
        assertThat(page(server, "/playlists/1/tracks?per_page=0", "pagination")
                        .get("per_page")
                        .asInt())
                .isEqualTo(20);
        assertThat(page(server, "/tracks?page=", "tracks").get("current_page").asInt())
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/artists/987654/tracks, Artist not found",
        "/artists/abc/tracks, Artist not found",
        "/artists/0/tracks, Artist not found",
        "/artists/-4/tracks, Artist not found",
        "/playlists/5/tracks, Playlist not found",
        "/playlists/x/tracks?page=0, Playlist not found",
        "/tags/no-such-tag/tracks, Tag not found",
    })
    void unknownArtistsPlaylistsAndTagsAre404(String path, String message) {
        HttpResponse<byte[]> r = call(server, path);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).get("message").asString()).isEqualTo(message);
    }

    @Test
    void countsCanComeAsStrings() {
        try (FakeBeatPass s = FakeBeatPass.builder().stringCounts(true).start().seed(30)) {
            JsonNode p = page(s, "/tracks?per_page=100&page=1", "tracks");
            for (String f : List.of("current_page", "from", "to", "per_page", "last_page", "total")) {
                assertThat(p.get(f).isString()).as(f).isTrue();
            }
            assertThat(p.get("total").asString()).isEqualTo("30");
            assertThat(p.get("per_page").asString()).isEqualTo("50");
            assertThat(p.get("to").asString()).isEqualTo("30");
            assertThat(p.get("data").get(0).get("id").isIntegralNumber()).isTrue();
            JsonNode past = page(s, "/tracks?page=3", "tracks");
            assertThat(past.get("current_page").asString()).isEqualTo("3");
            assertThat(past.get("last_page").asString()).isEqualTo("2");
            assertThat(past.get("from").isNull()).isTrue();
            assertThat(past.get("to").isNull()).isTrue();
        }
    }

    @Test
    void aCachingProxyThatIgnoresPageServesPageOneForever() {
        try (FakeBeatPass s =
                FakeBeatPass.builder().ignorePageParameter(true).start().seed(30)) {
            JsonNode first = page(s, "/tracks?per_page=10", "tracks");
            for (String page : new String[] {"2", "3", "0", "abc"}) {
                JsonNode p = page(s, "/tracks?per_page=10&page=" + page, "tracks");
                assertThat(p).as(page).isEqualTo(first);
            }
            assertThat(first.get("current_page").asInt()).isEqualTo(1);
            assertThat(first.get("last_page").asInt()).isEqualTo(3);
            assertThat(ids(first)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        }
    }

    @Test
    void withIsHonouredAndCheckedOnLists() {
        JsonNode p = page(server, "/tracks?per_page=3&with=artists,genres", "tracks");
        assertThat(p.get("data")).allSatisfy(t -> {
            assertThat(t.get("artists")).isNotEmpty();
            assertThat(t.get("genres")).isNotEmpty();
            assertThat(t.has("album")).isFalse();
        });
        assertThat(page(server, "/tracks?per_page=3", "tracks").get("data"))
                .allSatisfy(t -> assertThat(t.has("artists")).isFalse());
        HttpResponse<byte[]> bad = call(server, "/playlists/1/tracks?with=lyrics");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(json(bad).get("errors").get("with").get(0).asString()).isEqualTo("The selected with is invalid.");
    }
}
