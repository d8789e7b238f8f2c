package io.trackflow.beatpass;

import static io.trackflow.beatpass.Recorded.FAST;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.trackflow.beatpass.model.Track;
import io.trackflow.beatpass.model.TrackQuery;
import io.trackflow.core.error.ApiException;
import io.trackflow.core.error.DecodingException;
import io.trackflow.core.paging.PageCursor;
import io.trackflow.testkit.FakeBeatPass;
import io.trackflow.testkit.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

/** The catalogue against awkward deployments: string counts, other clamps, a proxy that ignores {@code page}. */
class CatalogueServersTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void countsSentAsStringsReadAsNumbers() {
        try (FakeBeatPass server =
                        FakeBeatPass.builder().stringCounts(true).start().seed(120);
                BeatPassClient client = Recorded.client(server, FAST)) {
            StepVerifier.create(client.tracks()
                            .pages(TrackQuery.builder().pageSize(50).build())
                            .map(p -> p.totalCount().orElse(-1) + "@" + p.offset() + "/" + p.limit()))
                    .expectNext("120@0/50", "120@50/50", "120@100/50")
                    .verifyComplete();
        }
    }

    @Test
    void aSmallClampIsFollowedWithoutLosingATrack() {
        try (FakeBeatPass server = FakeBeatPass.builder().maxPageSize(7).start().seed(100);
                BeatPassClient client = Recorded.client(server, FAST)) {
            assertThat(client.tracks()
                            .list(TrackQuery.builder()
                                    .pageSize(100)
                                    .concurrency(8)
                                    .build())
                            .map(Track::id)
                            .collectList()
                            .block(WAIT))
                    .isEqualTo(LongStream.rangeClosed(1, 100).boxed().collect(Collectors.toList()));
            assertThat(server.requests()).hasSize(15); // ceil(100 / 7)
        }
    }

    @Test
    void aProxyThatIgnoresThePageFailsTheListingWithoutARepeatedTrack() {
        try (FakeBeatPass server =
                        FakeBeatPass.builder().ignorePageParameter(true).start().seed(200);
                BeatPassClient client = Recorded.client(server, FAST)) {
            List<Long> seen = new ArrayList<>();
            StepVerifier.create(client.tracks()
                            .list(TrackQuery.builder()
                                    .pageSize(50)
                                    .concurrency(3)
                                    .build())
                            .doOnNext(t -> seen.add(t.id())))
                    .expectNextCount(50)
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(DecodingException.class);
                        assertThat(((ApiException) e).resumeCursor())
                                .hasValueSatisfying(c -> assertThat(c.offset()).isEqualTo(50));
                    })
                    .verify(WAIT);
            assertThat(seen).doesNotHaveDuplicates().hasSize(50);
        }
    }

    @Test
    void anEmptyTagIsOnePageAndNoTrack() {
        try (FakeBeatPass server = FakeBeatPass.builder().start().seed(30);
                BeatPassClient client = Recorded.client(server, FAST)) {
            server.putPlaylist(4, List.of());
            StepVerifier.create(client.tracks()
                            .pages(TrackQuery.builder().playlist(4).build()))
                    .assertNext(p -> {
                        assertThat(p.items()).isEmpty();
                        assertThat(p.totalCount()).hasValue(0);
                        assertThat(p.nextCursor()).isEmpty();
                    })
                    .verifyComplete();
            assertThat(server.requests()).hasSize(1);
        }
    }

    private static List<Long> idsBut(long from, long to, Long... left) {
        List<Long> ids = LongStream.rangeClosed(from, to).boxed().collect(Collectors.toList());
        ids.removeAll(List.of(left));
        return ids;
    }

    /**
     * A deployment that filters a page's tracks after cutting it serves pages shorter than {@code per_page}
     * while the total counts the missing tracks: the listing goes on to the next page number (asking the
     * rest of the short page would be answered with the same page), in order, each page asked once.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void pagesFilteredShortAfterPagingAreFollowedByTheNextPage(int concurrency) {
        try (FakeBeatPass server =
                        FakeBeatPass.builder().removedAfterPaging(true).start().seed(200);
                BeatPassClient client = Recorded.client(server, FAST)) {
            server.removeTrack(60);
            server.removeTrack(70);
            assertThat(client.tracks()
                            .list(TrackQuery.builder()
                                    .pageSize(50)
                                    .concurrency(concurrency)
                                    .build())
                            .map(Track::id)
                            .collectList()
                            .block(WAIT))
                    .isEqualTo(idsBut(1, 200, 60L, 70L));
            assertThat(server.requests().stream()
                            .map(r -> r.queryParam("page").orElse("?"))
                            .sorted()
                            .collect(Collectors.toList()))
                    .containsExactly("1", "2", "3", "4");
        }
    }

    @Test
    void aFirstPageFilteredShortIsFollowedByPageTwo() {
        try (FakeBeatPass server =
                        FakeBeatPass.builder().removedAfterPaging(true).start().seed(120);
                BeatPassClient client = Recorded.client(server, FAST)) {
            server.removeTrack(10);
            StepVerifier.create(client.tracks()
                            .pages(TrackQuery.builder().pageSize(50).build())
                            .map(p -> p.offset() + ":" + p.items().size() + ":"
                                    + p.nextCursor().map(PageCursor::offset).orElse(-1L)))
                    .expectNext("0:49:50", "50:50:100", "100:20:-1")
                    .verifyComplete();
            assertThat(server.requests()).hasSize(3);
        }
    }

    /** A listing that fails after a short page resumes from its cursor with exactly the tracks not emitted. */
    @Test
    void aListingResumedAfterAShortPageYieldsExactlyTheRest() {
        try (FakeBeatPass server =
                        FakeBeatPass.builder().removedAfterPaging(true).start().seed(200);
                BeatPassClient client = Recorded.client(server, FAST)) {
            server.removeTrack(55);
            server.faults().inject(r -> "3".equals(r.queryParam("page").orElse(null)), Fault.status(404), 1);
            TrackQuery q = TrackQuery.builder().pageSize(50).concurrency(2).build();
            List<Long> first = new ArrayList<>();
            PageCursor[] cursor = new PageCursor[1];
            StepVerifier.create(client.tracks().list(q).map(Track::id).doOnNext(first::add))
                    .thenConsumeWhile(id -> true)
                    .expectErrorSatisfies(
                            e -> cursor[0] = ((ApiException) e).resumeCursor().orElseThrow())
                    .verify(WAIT);
            assertThat(first).isEqualTo(idsBut(1, 100, 55L));
            assertThat(cursor[0].offset()).isEqualTo(100);
            List<Long> rest = client.tracks()
                    .list(q, cursor[0])
                    .map(Track::id)
                    .collectList()
                    .block(WAIT);
            assertThat(rest).isEqualTo(idsBut(101, 200));
        }
    }

    /**
     * A server (or a proxy) that ignores the page and states no position serves the same tracks again,
     * with a field that changes from one answer to the next (a live play count): the loop guard compares
     * tracks by id, so the listing fails at the second page instead of repeating 50 tracks forever.
     */
    @Test
    void theSameTracksServedAgainWithALiveCountFailTheListingAtTheSecondPage() {
        AtomicInteger answers = new AtomicInteger();
        List<String> pages = new CopyOnWriteArrayList<>();
        DisposableServer hostile = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((req, res) -> {
                    pages.add(new QueryStringDecoder(req.uri())
                            .parameters()
                            .getOrDefault("page", List.of("?"))
                            .get(0));
                    int n = answers.incrementAndGet();
                    String data = LongStream.rangeClosed(1, 50)
                            .mapToObj(
                                    i -> "{\"id\":" + i + ",\"name\":\"T" + i + "\",\"plays\":" + (1000 * i + n) + "}")
                            .collect(Collectors.joining(",", "[", "]"));
                    return res.header("Content-Type", "application/json")
                            .sendString(Mono.just("{\"status\":\"success\",\"tracks\":{\"data\":" + data + "}}"));
                })
                .bindNow();
        try (BeatPassClient client = BeatPassClient.builder()
                .token("t")
                .baseUrl("http://127.0.0.1:" + hostile.port() + "/api/v1")
                .retryPolicy(FAST)
                .build()) {
            List<Long> seen = new ArrayList<>();
            StepVerifier.create(client.tracks()
                            .list(TrackQuery.builder().pageSize(50).build())
                            .take(500)
                            .map(Track::id)
                            .doOnNext(seen::add))
                    .expectNextCount(50)
                    .expectError(DecodingException.class)
                    .verify(WAIT);
            assertThat(seen).doesNotHaveDuplicates().hasSize(50);
            assertThat(pages).containsExactly("1", "2");
        } finally {
            hostile.disposeNow();
        }
    }
}
