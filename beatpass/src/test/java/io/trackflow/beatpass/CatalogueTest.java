package io.trackflow.beatpass;

import static io.trackflow.beatpass.Recorded.FAST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trackflow.beatpass.model.Track;
import io.trackflow.beatpass.model.TrackInclude;
import io.trackflow.beatpass.model.TrackQuery;
import io.trackflow.core.error.ApiException;
import io.trackflow.core.error.DecodingException;
import io.trackflow.core.error.NotFoundException;
import io.trackflow.core.error.ServerException;
import io.trackflow.core.error.ValidationException;
import io.trackflow.core.paging.OffsetRange;
import io.trackflow.core.paging.Page;
import io.trackflow.core.paging.PageCursor;
import io.trackflow.testkit.FakeBeatPass;
import io.trackflow.testkit.Fault;
import io.trackflow.testkit.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The catalogue as streams ({@link Tracks#list(TrackQuery)} and its siblings) against the fake's
 * Laravel pages, which clamp the page size at 50: what is asked on the wire, what comes back, and what
 * a failure leaves (success, HTTP error and transport failure per call, with the recorded requests).
 */
class CatalogueTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int CATALOGUE = 437;

    private static FakeBeatPass server;
    private BeatPassClient client;

    @BeforeAll
    static void startServer() {
        server = FakeBeatPass.builder().rateLimitPerMinute(1_000_000).start().seed(CATALOGUE);
        server.putPlaylist(9, List.of(17L, 3L, 250L, 3L, 99L));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void connect() {
        server.faults().clear();
        server.clearRequests();
        client = Recorded.client(server, FAST);
    }

    @AfterEach
    void close() {
        client.close();
    }

    private static List<Long> ids(long from, long toInclusive) {
        return LongStream.rangeClosed(from, toInclusive).boxed().collect(Collectors.toList());
    }

    private static List<RecordedRequest> lists() {
        return server.requests().stream()
                .filter(r -> !r.path().matches("/api/v1/tracks/\\d+"))
                .collect(Collectors.toList());
    }

    private static List<String> pagesAsked() {
        return lists().stream().map(r -> r.queryParam("page").orElse("-")).collect(Collectors.toList());
    }

    // the whole catalogue

    @Test
    void theWholeCatalogueArrivesInOrderOneRequestPerPageWithTheBearerTokenAndJson() {
        StepVerifier.create(client.tracks()
                        .list(TrackQuery.builder().pageSize(50).concurrency(4).build())
                        .map(Track::id)
                        .collectList())
                .expectNext(ids(1, CATALOGUE))
                .verifyComplete();
        List<RecordedRequest> requests = lists();
        assertThat(requests).hasSize(9); // ceil(437 / 50)
        assertThat(pagesAsked()).containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6", "7", "8", "9");
        for (RecordedRequest r : requests) {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.path()).isEqualTo("/api/v1/tracks");
            assertThat(r.query().keySet()).containsExactlyInAnyOrder("page", "per_page");
            assertThat(r.queryParam("per_page")).contains("50");
            assertThat(r.header("Authorization")).contains("Bearer " + server.token());
            assertThat(r.header("Accept").orElseThrow()).contains("application/json");
            assertThat(r.rawUri()).doesNotContain(server.token());
        }
    }

    @Test
    void itemsAreTheLookupsTracks() {
        List<Track> listed = client.tracks()
                .list(TrackQuery.builder().maxItems(60).build())
                .collectList()
                .block(WAIT);
        List<Track> looked = client.tracks()
                .getAll(Flux.fromIterable(ids(1, 60)))
                .collectList()
                .block(WAIT);
        assertThat(listed).isEqualTo(looked);
        assertThat(listed.get(0).price()).isPresent(); // token-tier fields typed
        assertThat(listed.get(0).additionalProperties()).isNotEmpty(); // unknown fields kept
    }

    @Test
    void takeFiveSendsOneRequest() {
        StepVerifier.create(client.tracks().list(TrackQuery.all()).take(5).map(Track::id))
                .expectNext(1L, 2L, 3L, 4L, 5L)
                .verifyComplete();
        assertThat(lists()).hasSize(1);
    }

    @Test
    void aClampedPageSizeIsReadFromThePagesAndLaterPagesAreAskedAtIt() {
        List<Long> got = client.tracks()
                .list(TrackQuery.builder().pageSize(100).concurrency(3).build())
                .map(Track::id)
                .collectList()
                .block(WAIT);
        assertThat(got).isEqualTo(ids(1, CATALOGUE));
        List<RecordedRequest> requests = lists();
        assertThat(requests).hasSize(9); // pages of 50, the fake's clamp
        assertThat(requests.get(0).queryParam("per_page")).contains("100");
        assertThat(requests.subList(1, 9))
                .allSatisfy(r -> assertThat(r.queryParam("per_page")).contains("50"));
    }

    @Test
    void maxItemsStopsFetching() {
        assertThat(client.tracks()
                        .list(TrackQuery.builder()
                                .pageSize(40)
                                .maxItems(100)
                                .concurrency(8)
                                .build())
                        .map(Track::id)
                        .collectList()
                        .block(WAIT))
                .isEqualTo(ids(1, 100));
        assertThat(pagesAsked()).containsExactlyInAnyOrder("1", "2", "3");
    }

    @Test
    void aSearchIsSentAsQueryOnTheWholeCatalogue() {
        List<Track> found = client.tracks()
                .list(TrackQuery.builder().query("track 1").build())
                .collectList()
                .block(WAIT);
        assertThat(found)
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t.name().toLowerCase()).contains("track 1"));
        assertThat(found).extracting(Track::id).isSorted();
        assertThat(lists()).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/api/v1/tracks");
            assertThat(r.queryParam("query")).contains("track 1");
        });
    }

    // an artist's, a tag's and a playlist's tracks

    @Test
    void anArtistsTracksAreAskedWithPerPageAndAreTheTracksThatNameTheArtist() {
        List<Track> all = client.tracks()
                .getAll(Flux.fromIterable(ids(1, CATALOGUE)), TrackInclude.ARTISTS)
                .collectList()
                .block(WAIT);
        long artist = all.get(0).artists().get(0).id();
        List<Long> expected = all.stream()
                .filter(t -> t.artists().stream().anyMatch(a -> a.id() == artist))
                .map(Track::id)
                .collect(Collectors.toList());
        server.clearRequests();
        assertThat(client.tracks()
                        .list(TrackQuery.builder().artist(artist).pageSize(2).build())
                        .map(Track::id)
                        .collectList()
                        .block(WAIT))
                .isEqualTo(expected);
        assertThat(lists()).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/api/v1/artists/" + artist + "/tracks");
            assertThat(r.query().keySet()).containsExactlyInAnyOrder("page", "perPage");
            assertThat(r.queryParam("perPage")).contains("2");
        });
    }

    @Test
    void aTagsTracksAreTheTracksTaggedWithIt() {
        List<Track> all = client.tracks()
                .getAll(Flux.fromIterable(ids(1, CATALOGUE)), TrackInclude.TAGS)
                .collectList()
                .block(WAIT);
        String tag = all.stream()
                .flatMap(t -> t.tags().stream())
                .findFirst()
                .orElseThrow()
                .name();
        List<Long> expected = all.stream()
                .filter(t -> t.tags().stream().anyMatch(x -> x.name().equals(tag)))
                .map(Track::id)
                .collect(Collectors.toList());
        server.clearRequests();
        assertThat(client.tracks()
                        .list(TrackQuery.builder()
                                .tag(tag)
                                .pageSize(3)
                                .concurrency(4)
                                .build())
                        .map(Track::id)
                        .collectList()
                        .block(WAIT))
                .isEqualTo(expected);
        assertThat(lists()).allSatisfy(r -> assertThat(r.path()).isEqualTo("/api/v1/tags/" + tag + "/tracks"));
    }

    @Test
    void aPlaylistKeepsItsOwnOrder() {
        assertThat(client.tracks()
                        .list(TrackQuery.builder().playlist(9).pageSize(2).build())
                        .map(Track::id)
                        .collectList()
                        .block(WAIT))
                .containsExactly(17L, 3L, 250L, 3L, 99L);
        assertThat(lists()).allSatisfy(r -> assertThat(r.path()).isEqualTo("/api/v1/playlists/9/tracks"));
    }

    @Test
    void anUnknownArtistIsNotFoundAfterOneRequest() {
        StepVerifier.create(client.tracks()
                        .list(TrackQuery.builder().artist(987_654).build()))
                .expectError(NotFoundException.class)
                .verify(WAIT);
        assertThat(lists()).hasSize(1);
    }

    // pages, ranges, cursors

    @Test
    void pagesCarryOffsetSizeInForceTotalAndTheNextCursor() {
        List<Page<Track>> pages = client.tracks()
                .pages(TrackQuery.builder().pageSize(100).build())
                .collectList()
                .block(WAIT);
        assertThat(pages).hasSize(9);
        for (int i = 0; i < pages.size(); i++) {
            Page<Track> p = pages.get(i);
            assertThat(p.offset()).isEqualTo(50L * i);
            assertThat(p.limit()).isEqualTo(50);
            assertThat(p.totalCount()).hasValue(CATALOGUE);
            assertThat(p.items().get(0).id()).isEqualTo(50L * i + 1);
            assertThat(p.nextCursor().isPresent()).isEqualTo(i < 8);
            assertThat(p.header("X-RateLimit-Limit")).isPresent();
        }
    }

    @Test
    void partitionsCoverTheListingAndRangesReadExactlyTheirTracks() {
        TrackQuery q = TrackQuery.builder().pageSize(50).build();
        List<OffsetRange> parts = client.tracks().partitions(q, 4).block(WAIT);
        assertThat(lists()).hasSize(1);
        assertThat(lists().get(0).queryParam("per_page")).contains("1");
        List<Long> all = new ArrayList<>();
        for (OffsetRange r : parts) {
            all.addAll(client.tracks().list(q, r).map(Track::id).collectList().block(WAIT));
        }
        assertThat(all).isEqualTo(ids(1, CATALOGUE));
    }

    @Test
    void aServerErrorMidListingEndsItWithACursorThatResumesWithNoGapAndNoDuplicate() {
        server.faults().inject(page("4"), Fault.status(503), 4); // outlasts the three retries
        TrackQuery q =
                TrackQuery.builder().pageSize(50).maxItems(400).concurrency(1).build();
        List<Long> seen = new ArrayList<>();
        ApiException[] failure = {null};
        client.tracks()
                .list(q)
                .doOnNext(t -> seen.add(t.id()))
                .onErrorResume(ApiException.class, e -> {
                    failure[0] = e;
                    return Flux.empty();
                })
                .blockLast(WAIT);
        assertThat(failure[0]).isInstanceOf(ServerException.class);
        assertThat(seen).isEqualTo(ids(1, 150));
        assertThat(pagesAsked()).containsExactly("1", "2", "3", "4", "4", "4", "4");
        PageCursor at = PageCursor.parse(failure[0].resumeCursor().orElseThrow().toString());
        server.clearRequests();
        client.tracks().list(q, at).doOnNext(t -> seen.add(t.id())).blockLast(WAIT);
        assertThat(seen).isEqualTo(ids(1, 400));
        assertThat(pagesAsked()).containsExactly("4", "5", "6", "7", "8");
    }

    @Test
    void aValidationErrorIsTypedAndNotRetried() {
        server.faults().inject(page("2"), Fault.status(422), 1);
        StepVerifier.create(
                        client.tracks().list(TrackQuery.builder().concurrency(1).build()))
                .expectNextCount(50)
                .expectError(ValidationException.class)
                .verify(WAIT);
        assertThat(pagesAsked()).containsExactly("1", "2");
    }

    @Test
    void aConnectionResetIsRetriedAsOnePageAndNoItemIsRepeated() {
        server.faults().inject(page("3"), Fault.resetMidBody(), 1);
        server.faults().inject(page("5"), Fault.resetBeforeResponse(), 1);
        assertThat(client.tracks()
                        .list(TrackQuery.builder().concurrency(2).build())
                        .map(Track::id)
                        .collectList()
                        .block(WAIT))
                .isEqualTo(ids(1, CATALOGUE));
        assertThat(pagesAsked()).filteredOn("3"::equals).hasSize(2);
        assertThat(pagesAsked()).filteredOn("5"::equals).hasSize(2);
    }

    @Test
    void aMalformedPageIsADecodingErrorNotAnEmptyPage() {
        server.faults().inject(page("2"), Fault.malformedJson(), 1);
        StepVerifier.create(
                        client.tracks().list(TrackQuery.builder().concurrency(1).build()))
                .expectNextCount(50)
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(DecodingException.class)
                        .satisfies(x -> assertThat(((ApiException) x).resumeCursor())
                                .hasValueSatisfying(c -> assertThat(c.offset()).isEqualTo(50))))
                .verify(WAIT);
    }

    @Test
    void aCursorOfAnotherQueryIsRefusedBeforeAnyRequest() {
        PageCursor foreign =
                PageCursor.of(10, TrackQuery.builder().tag("x").build().fingerprint());
        assertThatThrownBy(() -> client.tracks().list(TrackQuery.all(), foreign))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resumeFrom");
        assertThatThrownBy(() -> TrackQuery.builder().startAt(foreign).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("startAt");
        assertThat(server.requests()).isEmpty();
    }

    private static Predicate<RecordedRequest> page(String n) {
        return r ->
                !r.path().matches("/api/v1/tracks/\\d+") && r.queryParam("page").equals(java.util.Optional.of(n));
    }
}
