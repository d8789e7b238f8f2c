package io.trackflow.beyondwords;

import static io.trackflow.beyondwords.Recorded.FAST;
import static io.trackflow.beyondwords.Recorded.assertListingRequest;
import static io.trackflow.beyondwords.Recorded.ids;
import static io.trackflow.beyondwords.Recorded.listingAt;
import static io.trackflow.beyondwords.Recorded.listings;
import static io.trackflow.beyondwords.Recorded.offsetsAsked;
import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.core.error.ApiException;
import io.trackflow.core.error.ForbiddenException;
import io.trackflow.core.error.HttpStatusException;
import io.trackflow.core.error.ServerException;
import io.trackflow.core.error.TransportException;
import io.trackflow.core.error.UnauthorizedException;
import io.trackflow.core.paging.Page;
import io.trackflow.core.paging.PageCursor;
import io.trackflow.core.retry.RetryPolicy;
import io.trackflow.testkit.FakeBeyondWords;
import io.trackflow.testkit.Fault;
import io.trackflow.testkit.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * {@link BackgroundTracks#list(BackgroundTrackQuery)} and {@link BackgroundTracks#pages(BackgroundTrackQuery)}
 * against one read-only fake of 1,234 tracks (faults and recorded requests reset before each test).
 */
class ListingTest {

    private static FakeBeyondWords server;
    private BeyondWordsClient client;
    private BackgroundTracks tracks;

    @BeforeAll
    static void startServer() {
        server = FakeBeyondWords.start().seed(1_234);
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
        tracks = client.backgroundTracks();
    }

    @AfterEach
    void close() throws InterruptedException {
        client.close();
        // requests a test left on the wire (a take() with pages in flight) reach the shared server late under
        // load: let them land here, not in the next test's record (one such arrived after the next test's start)
        long seen = -1;
        for (int i = 0; i < 20 && server.requestCount() != seen; i++) {
            seen = server.requestCount();
            Thread.sleep(100);
        }
    }

    // list(query): success

    @ParameterizedTest
    @ValueSource(ints = {1, 8})
    void theWholeListingArrivesOnceAndInOrderThoughTheServerClampsPages(int concurrency) {
        StepVerifier.create(tracks.list(BackgroundTrackQuery.builder()
                                .concurrency(concurrency)
                                .build())
                        .collectList())
                .assertNext(list -> assertThat(ids(list)).isEqualTo(server.trackIds()))
                .verifyComplete();
        // asked 100 per page, clamped to 50: 1234 / 50 = 25 pages
        assertThat(listings(server)).hasSize(25);
        assertThat(server.requests()).allSatisfy(r -> {
            assertThat(r.header("X-Api-Key")).contains(server.apiKey());
            assertThat(r.header("Accept")).contains("application/json");
            assertThat(r.header("User-Agent").orElseThrow()).startsWith("trackflow/");
        });
        assertThat(server.requests().get(0).rawUri())
                .contains("pagination%5Blimit%5D=100")
                .contains("pagination%5Boffset%5D=0");
    }

    @Test
    void everyPageIsAskedOnceAtTheOffsetWhereThePreviousEndedAndAtTheClampedLimit() {
        tracks.list(BackgroundTrackQuery.builder().concurrency(4).build()).blockLast();
        List<RecordedRequest> pages = listings(server);
        assertListingRequest(pages.get(0), server, 0, 100);
        assertThat(offsetsAsked(server))
                .containsExactlyInAnyOrderElementsOf(LongStream.iterate(0, o -> o < 1_234, o -> o + 50)
                        .boxed()
                        .collect(Collectors.toList()));
        // later pages at the clamped limit, the last one at what is left of the total
        for (RecordedRequest r : pages.subList(1, pages.size())) {
            long offset = Long.parseLong(r.queryParam("pagination[offset]").orElseThrow());
            assertListingRequest(r, server, offset, (int) Math.min(50, 1_234 - offset));
        }
    }

    @Test
    void filtersAreSentEncodedAndApplied() {
        BackgroundTrackQuery q = BackgroundTrackQuery.builder()
                .name("rain")
                .custom(true)
                .scopes("primary", "secondary")
                .pageSize(20)
                .build();
        List<BackgroundTrack> found = tracks.list(q).collectList().block();
        assertThat(found).isNotEmpty().allSatisfy(t -> {
            assertThat(t.name().toLowerCase()).contains("rain");
            assertThat(t.project()).isPresent();
        });
        RecordedRequest first = server.requests().get(0);
        assertThat(first.rawUri())
                .contains("filter%5Bname%5D=rain")
                .contains("filter%5Bcustom%5D=true")
                .contains("filter%5Bscopes%5D%5B%5D=primary&filter%5Bscopes%5D%5B%5D=secondary")
                .contains("pagination%5Blimit%5D=20");
        Map<String, List<String>> filters = Map.of(
                "filter[name]", List.of("rain"),
                "filter[custom]", List.of("true"),
                "filter[scopes][]", List.of("primary", "secondary"));
        assertListingRequest(first, server, 0, 20, filters);
        assertThat(listings(server)).allSatisfy(r -> assertThat(r.query()).containsAllEntriesOf(filters));
    }

    @Test
    void maxItemsAndOffsetBoundTheListing() {
        List<BackgroundTrack> some = tracks.list(
                        BackgroundTrackQuery.builder().offset(100).maxItems(120).build())
                .collectList()
                .block();
        assertThat(ids(some)).isEqualTo(server.trackIds().subList(100, 220));
        assertListingRequest(listings(server).get(0), server, 100, 100);
        assertThat(offsetsAsked(server)).allSatisfy(o -> assertThat(o).isBetween(100L, 219L));
    }

    @Test
    void modelsReadEveryTimestampFormNullProjectsAndMissingMedia() {
        List<BackgroundTrack> all = tracks.list().collectList().block();
        assertThat(all).allSatisfy(t -> {
            assertThat(t.created()).isAfter(Instant.parse("2022-12-31T00:00:00Z"));
            assertThat(t.updated()).isAfterOrEqualTo(t.created());
            assertThat(t.volume()).isBetween(0, 100);
        });
        assertThat(all).anySatisfy(t -> assertThat(t.project()).isEmpty());
        assertThat(all).anySatisfy(t -> assertThat(t.media()).isEmpty());
        assertThat(all)
                .anySatisfy(
                        t -> assertThat(t.media().flatMap(m -> m.duration())).isPresent());
        assertThat(all)
                .anySatisfy(t -> assertThat(t.project().map(p -> p.name())).isPresent());
    }

    // list(query): laziness, demand, cancellation

    @Test
    void aListingIsSentOnlyOnSubscription() {
        Flux<BackgroundTrack> listing = tracks.list();
        assertThat(server.requests()).isEmpty();
        assertThat(listing.take(1).count().block()).isEqualTo(1);
        assertListingRequest(server.requests().get(0), server, 0, 100);
    }

    @Test
    void takeFiveSendsOneRequest() {
        StepVerifier.create(tracks.list().take(5)).expectNextCount(5).verifyComplete();
        assertThat(listings(server)).hasSize(1);
    }

    @Test
    void takeSendsTheNeededPagesAndAtMostConcurrencyMinusOneMore() {
        StepVerifier.create(tracks.list(
                                BackgroundTrackQuery.builder().concurrency(4).build())
                        .take(120))
                .expectNextCount(120)
                .verifyComplete();
        // 3 pages of 50 needed, at most concurrency - 1 more
        assertThat(listings(server)).hasSizeBetween(3, 6);
    }

    @Test
    void cancellingMidStreamStopsFurtherRequests() {
        server.faults()
                .latency(
                        Duration.ofMillis(300),
                        r -> !r.queryParam("pagination[offset]").equals(Optional.of("0")));
        StepVerifier.create(tracks.list(
                        BackgroundTrackQuery.builder().concurrency(2).build()))
                .expectNextCount(50)
                .thenAwait(Duration.ofMillis(50))
                .thenCancel()
                .verify();
        // let requests already on the wire reach the server (it may be slow to read them under load)
        Flux.just(1).delayElements(Duration.ofMillis(150)).blockLast();
        long sent = listings(server).size();
        assertThat(sent).isLessThanOrEqualTo(3);
        Flux.just(1).delayElements(Duration.ofMillis(600)).blockLast();
        assertThat(listings(server)).hasSize((int) sent);
    }

    // list(query): HTTP errors

    @Test
    void rateLimitsAndServerErrorsMidListingAreRetriedWithoutLossOrDuplicates() {
        server.faults()
                .inject(listingAt(500), Fault.rateLimited("0"), 1)
                .inject(listingAt(800), Fault.status(503), 2)
                .inject(listingAt(1000), Fault.html(502), 1)
                .inject(listingAt(1100), Fault.resetMidBody(), 1);
        StepVerifier.create(tracks.list(
                                BackgroundTrackQuery.builder().concurrency(8).build())
                        .collectList())
                .assertNext(list -> assertThat(ids(list)).isEqualTo(server.trackIds()))
                .verifyComplete();
        assertThat(server.faults().injected()).hasSize(5);
        // each failed page was asked again, the same way
        assertThat(server.requests().stream().filter(listingAt(800))).hasSize(3).allSatisfy(r -> {
            assertListingRequest(r, server, 800, 50);
        });
    }

    @Test
    void aServerErrorOnTheFirstPageIsRetriedThenEndsTheListingWithServerException() {
        server.faults().inject(listingAt(0), Fault.status(503), 4);
        StepVerifier.create(tracks.list())
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ServerException.class);
                    assertThat(((HttpStatusException) e).status()).isEqualTo(503);
                    assertThat(((ApiException) e).attempts()).isEqualTo(4);
                    assertThat(((ApiException) e).resumeCursor())
                            .contains(
                                    PageCursor.of(0, BackgroundTrackQuery.all().fingerprint()));
                })
                .verify();
        assertThat(server.requests()).hasSize(4).allSatisfy(r -> assertListingRequest(r, server, 0, 100));
    }

    @Test
    void aWrongKeyIsUnauthorizedAndTheKeyNeverLeaks() {
        String secret = "wrong-key-" + System.nanoTime();
        try (BeyondWordsClient bad = BeyondWordsClient.builder()
                .apiKey(secret)
                .baseUrl(server.baseUrl())
                .build()) {
            List<String> texts = new ArrayList<>();
            StepVerifier.create(bad.backgroundTracks().list())
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(UnauthorizedException.class).hasMessageStartingWith("Unauthorized");
                        texts.add(e.toString());
                        texts.add(String.valueOf(e.getMessage()));
                        texts.add(((HttpStatusException) e).uri().toString());
                        texts.add(((HttpStatusException) e).bodyExcerpt());
                    })
                    .verify();
            texts.add(bad.toString());
            texts.add(bad.backgroundTracks().toString());
            assertThat(texts).noneMatch(t -> t.contains(secret));
        }
        assertThat(server.requests()).allSatisfy(r -> assertThat(r.rawUri()).doesNotContain(secret));
        // a 401 is not retried; the wrong key was sent as X-Api-Key
        assertThat(server.requests())
                .singleElement()
                .satisfies(r -> assertThat(r.header("X-Api-Key")).contains(secret));
    }

    // list(query): transport failures

    @Test
    void aConnectionResetOnTheFirstPageEndsTheListingWithTransportException() {
        server.faults().next(Fault.resetBeforeResponse());
        try (BeyondWordsClient noRetry = Recorded.client(server, RetryPolicy.none())) {
            StepVerifier.create(noRetry.backgroundTracks().list())
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(TransportException.class);
                        assertThat(((TransportException) e).isConnectFailure()).isFalse();
                        assertThat(((ApiException) e).resumeCursor())
                                .contains(PageCursor.of(
                                        0, BackgroundTrackQuery.all().fingerprint()));
                    })
                    .verify();
        }
        assertThat(server.requests()).singleElement().satisfies(r -> assertListingRequest(r, server, 0, 100));
    }

    @Test
    void aConnectionResetMidBodyOfALaterPageEndsTheListingAfterTheItemsBeforeIt() {
        server.faults().inject(listingAt(100), Fault.resetMidBody(), 1);
        BackgroundTrackQuery q = BackgroundTrackQuery.builder().concurrency(1).build();
        List<BackgroundTrack> seen = new ArrayList<>();
        try (BeyondWordsClient noRetry = Recorded.client(server, RetryPolicy.none())) {
            StepVerifier.create(noRetry.backgroundTracks().list(q).doOnNext(seen::add))
                    .thenConsumeWhile(t -> true)
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(TransportException.class);
                        assertThat(((ApiException) e).resumeCursor()).contains(PageCursor.of(100, q.fingerprint()));
                    })
                    .verify();
        }
        assertThat(ids(seen)).isEqualTo(server.trackIds().subList(0, 100));
        assertThat(offsetsAsked(server)).containsExactly(0L, 50L, 100L);
        assertListingRequest(listings(server).get(2), server, 100, 50);
    }

    // pages(query)

    @Test
    void pagesCarryTotalsLimitsFiltersAndCursors() {
        BackgroundTrackQuery q = BackgroundTrackQuery.builder().name("storm").build();
        StepVerifier.create(tracks.pages(q).collectList())
                .assertNext(pages -> {
                    assertThat(pages.get(0).limit()).isEqualTo(50);
                    assertThat(BackgroundTracks.appliedFilter(pages.get(0)))
                            .hasValueSatisfying(f -> assertThat(f).contains("storm"));
                    long total = pages.get(0).totalCount().orElseThrow();
                    assertThat(pages.stream().mapToInt(p -> p.items().size()).sum())
                            .isEqualTo((int) total);
                    assertThat(pages.get(pages.size() - 1).nextCursor()).isEmpty();
                    if (pages.size() > 1) {
                        assertThat(pages.get(0).nextCursor()).contains(PageCursor.of(50, q.fingerprint()));
                    }
                })
                .verifyComplete();
        assertListingRequest(listings(server).get(0), server, 0, 100, Map.of("filter[name]", List.of("storm")));
        assertThat(listings(server))
                .allSatisfy(r -> assertThat(r.queryParam("filter[name]")).contains("storm"));
    }

    @Test
    void pagesSplitTheWholeListingAtTheServersLimit() {
        List<Page<BackgroundTrack>> pages =
                tracks.pages(BackgroundTrackQuery.all()).collectList().block();
        assertThat(pages).hasSize(25);
        assertThat(pages).extracting(Page::offset).startsWith(0L, 50L, 100L);
        assertThat(pages.get(24).items()).hasSize(34);
        assertThat(pages.stream().flatMap(p -> p.items().stream()).map(BackgroundTrack::id))
                .containsExactlyElementsOf(server.trackIds());
        assertListingRequest(listings(server).get(0), server, 0, 100);
    }

    @Test
    void aForbiddenFirstPageEndsPagesAtOnceWithForbiddenException() {
        server.faults().next(Fault.status(403));
        StepVerifier.create(tracks.pages(BackgroundTrackQuery.all()))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ForbiddenException.class);
                    assertThat(((ForbiddenException) e).errorCode()).contains("permission_error");
                    assertThat(((ApiException) e).attempts()).isEqualTo(1);
                })
                .verify();
        assertThat(server.requests()).singleElement().satisfies(r -> assertListingRequest(r, server, 0, 100));
    }

    @Test
    void aConnectionResetMidBodyEndsPagesWithTransportExceptionAfterThePagesBeforeIt() {
        server.faults().inject(listingAt(50), Fault.resetMidBody(), 1);
        BackgroundTrackQuery q = BackgroundTrackQuery.builder().concurrency(1).build();
        try (BeyondWordsClient noRetry = Recorded.client(server, RetryPolicy.none())) {
            StepVerifier.create(noRetry.backgroundTracks().pages(q).map(Page::offset))
                    .expectNext(0L)
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(TransportException.class);
                        assertThat(((ApiException) e).resumeCursor()).contains(PageCursor.of(50, q.fingerprint()));
                    })
                    .verify();
        }
        assertThat(offsetsAsked(server)).containsExactly(0L, 50L);
        assertListingRequest(listings(server).get(1), server, 50, 50);
    }
}
