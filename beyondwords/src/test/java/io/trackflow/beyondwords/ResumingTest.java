package io.trackflow.beyondwords;

import static io.trackflow.beyondwords.Recorded.FAST;
import static io.trackflow.beyondwords.Recorded.assertListingRequest;
import static io.trackflow.beyondwords.Recorded.ids;
import static io.trackflow.beyondwords.Recorded.listingAt;
import static io.trackflow.beyondwords.Recorded.listings;
import static io.trackflow.beyondwords.Recorded.offsetsAsked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.core.error.ApiException;
import io.trackflow.core.error.DecodingException;
import io.trackflow.core.error.NotFoundException;
import io.trackflow.core.error.ServerException;
import io.trackflow.core.error.TransportException;
import io.trackflow.core.paging.Page;
import io.trackflow.core.paging.PageCursor;
import io.trackflow.core.retry.RetryPolicy;
import io.trackflow.testkit.FakeBeyondWords;
import io.trackflow.testkit.Fault;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Resuming listings: {@link BackgroundTracks#list(BackgroundTrackQuery, PageCursor)}, {@link
 * BackgroundTracks#pages(BackgroundTrackQuery, PageCursor)}, {@code startAt} and the resume cursor of
 * the error that ends a listing; one read-only fake of 1,234 tracks.
 */
class ResumingTest {

    private static FakeBeyondWords server;
    private BeyondWordsClient client;
    private BackgroundTracks tracks;

    /**
     * Listings of at most 200 items, resumed at 120 (an offset inside the fake's third page of 50): the
     * first request asks for the 80 items left.
     */
    private static final BackgroundTrackQuery BOUNDED =
            BackgroundTrackQuery.builder().maxItems(200).concurrency(1).build();

    private static final PageCursor AT_120 = PageCursor.of(0, 120, 200, BOUNDED.fingerprint());

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
    void close() {
        client.close();
    }

    // list(query, cursor)

    @Test
    void listFromACursorReadsFromItsOffsetToTheListingsEnd() {
        List<BackgroundTrack> rest = tracks.list(BOUNDED, AT_120).collectList().block();
        assertThat(ids(rest)).isEqualTo(server.trackIds().subList(120, 200));
        assertListingRequest(listings(server).get(0), server, 120, 80);
        assertThat(offsetsAsked(server)).allSatisfy(o -> assertThat(o).isBetween(120L, 199L));
    }

    @Test
    void aServerErrorOnAResumedListingIsRetriedThenSurfacesWithTheSameCursor() {
        server.faults().inject(listingAt(120), Fault.status(500), 4);
        StepVerifier.create(tracks.list(BOUNDED, AT_120))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ServerException.class);
                    assertThat(((ApiException) e).attempts()).isEqualTo(4);
                    assertThat(((ApiException) e).resumeCursor()).contains(AT_120);
                })
                .verify();
        assertThat(server.requests()).hasSize(4).allSatisfy(r -> assertListingRequest(r, server, 120, 80));
    }

    @Test
    void aConnectionResetOnAResumedListingIsATransportExceptionWithTheSameCursor() {
        server.faults().next(Fault.resetBeforeResponse());
        try (BeyondWordsClient noRetry = Recorded.client(server, RetryPolicy.none())) {
            StepVerifier.create(noRetry.backgroundTracks().list(BOUNDED, AT_120))
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(TransportException.class);
                        assertThat(((ApiException) e).resumeCursor()).contains(AT_120);
                    })
                    .verify();
        }
        assertThat(server.requests()).singleElement().satisfies(r -> assertListingRequest(r, server, 120, 80));
    }

    // pages(query, cursor)

    @Test
    void pagesResumeFromACursorToTheOriginalEnd() {
        BackgroundTrackQuery q = BackgroundTrackQuery.builder().maxItems(120).build();
        PageCursor second = tracks.pages(q).blockFirst().nextCursor().orElseThrow();
        server.clearRequests();
        List<Integer> sizes =
                tracks.pages(q, second).map(p -> p.items().size()).collectList().block();
        assertThat(sizes).containsExactly(50, 20);
        assertListingRequest(listings(server).get(0), server, 50, 70);
    }

    @Test
    void pagesFromACursorStartAtItsOffset() {
        List<Page<BackgroundTrack>> pages =
                tracks.pages(BOUNDED, AT_120).collectList().block();
        assertThat(pages).extracting(Page::offset).first().isEqualTo(120L);
        assertThat(pages.stream().flatMap(p -> p.items().stream()).map(BackgroundTrack::id))
                .containsExactlyElementsOf(server.trackIds().subList(120, 200));
        assertListingRequest(listings(server).get(0), server, 120, 80);
    }

    @Test
    void aNotFoundOnResumedPagesSurfacesAtOnceWithTheSameCursor() {
        server.faults().next(Fault.status(404));
        StepVerifier.create(tracks.pages(BOUNDED, AT_120))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(NotFoundException.class);
                    assertThat(((ApiException) e).attempts()).isEqualTo(1);
                    assertThat(((ApiException) e).resumeCursor()).contains(AT_120);
                })
                .verify();
        assertThat(server.requests()).singleElement().satisfies(r -> assertListingRequest(r, server, 120, 80));
    }

    @Test
    void aConnectionResetMidBodyOnResumedPagesIsATransportException() {
        server.faults().next(Fault.resetMidBody());
        try (BeyondWordsClient noRetry = Recorded.client(server, RetryPolicy.none())) {
            StepVerifier.create(noRetry.backgroundTracks().pages(BOUNDED, AT_120))
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(TransportException.class);
                        assertThat(((ApiException) e).resumeCursor()).contains(AT_120);
                    })
                    .verify();
        }
        assertThat(server.requests()).singleElement().satisfies(r -> assertListingRequest(r, server, 120, 80));
    }

    // the cursor of the error that ends a listing

    @Test
    void aFailureBeyondTheRetryBudgetCarriesACursorFromWhichTheListingResumes() {
        server.faults().inject(listingAt(600), Fault.status(503), 4);
        List<BackgroundTrack> seen = new ArrayList<>();
        BackgroundTrackQuery query =
                BackgroundTrackQuery.builder().concurrency(4).build();
        StepVerifier.create(tracks.list(query).doOnNext(seen::add))
                .thenConsumeWhile(t -> true)
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ServerException.class);
                    assertThat(((ApiException) e).attempts()).isEqualTo(4);
                })
                .verify();
        assertThat(seen).hasSize(600);
        server.faults().clear();
        server.clearRequests();
        PageCursor cursor = PageCursor.of(600, query.fingerprint());
        String text = cursor.toString();
        StepVerifier.create(tracks.list(BackgroundTrackQuery.builder()
                                .concurrency(4)
                                .startAt(PageCursor.parse(text))
                                .build())
                        .doOnNext(seen::add))
                .thenConsumeWhile(t -> true)
                .verifyComplete();
        assertThat(ids(seen)).isEqualTo(server.trackIds());
        assertListingRequest(listings(server).get(0), server, 600, 100);
    }

    @Test
    void theErrorsResumeCursorIsExactlyWhereTheListingStopped() {
        server.faults().inject(listingAt(300), Fault.status(500), 4);
        List<BackgroundTrack> seen = new ArrayList<>();
        ApiException[] failure = new ApiException[1];
        tracks.list(BackgroundTrackQuery.builder().concurrency(3).build())
                .doOnNext(seen::add)
                .onErrorResume(ApiException.class, e -> {
                    failure[0] = e;
                    return Flux.empty();
                })
                .blockLast();
        PageCursor resume = failure[0].resumeCursor().orElseThrow();
        assertThat(resume.offset()).isEqualTo(seen.size());
        server.faults().clear();
        tracks.list(BackgroundTrackQuery.builder()
                        .concurrency(3)
                        .startAt(resume)
                        .build())
                .doOnNext(seen::add)
                .blockLast();
        assertThat(ids(seen)).isEqualTo(server.trackIds());
    }

    @Test
    void resumingABoundedListingReadsOnlyWhatItHadLeft() {
        server.faults().inject(listingAt(200), Fault.status(500), 4);
        BackgroundTrackQuery q =
                BackgroundTrackQuery.builder().maxItems(300).concurrency(2).build();
        List<BackgroundTrack> seen = new ArrayList<>();
        ApiException failure = tracks.list(q)
                .doOnNext(seen::add)
                .then(Mono.<ApiException>empty())
                .onErrorResume(ApiException.class, Mono::just)
                .block();
        assertThat(seen).hasSize(200);
        server.faults().clear();
        PageCursor cursor =
                PageCursor.parse(failure.resumeCursor().orElseThrow().toString());
        List<BackgroundTrack> rebuilt = tracks.list(
                        BackgroundTrackQuery.builder().from(q).startAt(cursor).build())
                .collectList()
                .block();
        List<BackgroundTrack> resumed = tracks.list(q, cursor).collectList().block();
        assertThat(rebuilt).hasSize(100);
        assertThat(resumed).isEqualTo(rebuilt);
        seen.addAll(resumed);
        assertThat(ids(seen)).isEqualTo(server.trackIds().subList(0, 300));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aProxyIgnoringTheOffsetEndsTheListingWithADecodingErrorAndNoDuplicate(boolean offsetHeaderSent) {
        FakeBeyondWords.Builder b = FakeBeyondWords.builder().ignoreOffset(true);
        if (!offsetHeaderSent) {
            b.omitHeaders("X-Pagination-OffSet"); // only the repeated first item gives it away
        }
        try (FakeBeyondWords proxy = b.start().seed(1_234);
                BeyondWordsClient c = BeyondWordsClient.builder()
                        .apiKey(proxy.apiKey())
                        .baseUrl(proxy.baseUrl())
                        .build()) {
            List<BackgroundTrack> seen = new ArrayList<>();
            StepVerifier.create(c.backgroundTracks()
                            .list(BackgroundTrackQuery.builder().concurrency(4).build())
                            .doOnNext(seen::add))
                    .thenConsumeWhile(t -> true)
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(DecodingException.class).hasMessageContaining("ignores");
                        assertThat(((ApiException) e).resumeCursor())
                                .contains(PageCursor.of(
                                        50, BackgroundTrackQuery.all().fingerprint()));
                    })
                    .verify();
            assertThat(ids(seen)).hasSize(50).doesNotHaveDuplicates();
        }
    }

    // cursors of other listings

    @Test
    void listRefusesACursorOfAnotherQueryBeforeAnyIo() {
        PageCursor c = PageCursor.of(
                10, BackgroundTrackQuery.builder().name("rain").build().fingerprint());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> tracks.list(BackgroundTrackQuery.all(), c))
                .withMessageContaining("resumeFrom");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void pagesRefusesACursorOfAnotherQueryBeforeAnyIo() {
        PageCursor c = PageCursor.of(
                10, BackgroundTrackQuery.builder().name("rain").build().fingerprint());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> tracks.pages(BackgroundTrackQuery.all(), c))
                .withMessageContaining("resumeFrom");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aQueryRefusesToStartAtACursorOfAnotherQuery() {
        PageCursor c = PageCursor.of(
                10, BackgroundTrackQuery.builder().name("rain").build().fingerprint());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BackgroundTrackQuery.builder().startAt(c).build())
                .withMessageContaining("startAt");
    }
}
