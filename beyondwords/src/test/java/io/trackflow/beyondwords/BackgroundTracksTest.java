package io.trackflow.beyondwords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.beyondwords.model.BackgroundTrackRequest;
import io.trackflow.core.error.ApiException;
import io.trackflow.core.error.DecodingException;
import io.trackflow.core.error.ForbiddenException;
import io.trackflow.core.error.HttpStatusException;
import io.trackflow.core.error.NotFoundException;
import io.trackflow.core.error.RateLimitException;
import io.trackflow.core.error.ServerException;
import io.trackflow.core.error.UnauthorizedException;
import io.trackflow.core.error.ValidationException;
import io.trackflow.core.json.Json;
import io.trackflow.core.paging.OffsetRange;
import io.trackflow.core.paging.PageCursor;
import io.trackflow.core.retry.RetryPolicy;
import io.trackflow.testkit.FakeBeyondWords;
import io.trackflow.testkit.Fault;
import io.trackflow.testkit.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
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

class BackgroundTracksTest {

    private static final RetryPolicy FAST = RetryPolicy.builder()
            .initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(10))
            .build();

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
        client = BeyondWordsClient.builder()
                .apiKey(server.apiKey())
                .baseUrl(server.baseUrl())
                .retryPolicy(FAST)
                .build();
        tracks = client.backgroundTracks();
    }

    @AfterEach
    void close() {
        client.close();
    }

    private static Predicate<RecordedRequest> listingAt(long offset) {
        return r -> r.method().equals("GET")
                && r.path().equals("/v1/background_tracks")
                && r.queryParam("pagination[offset]").equals(java.util.Optional.of(Long.toString(offset)));
    }

    private static List<Long> ids(List<BackgroundTrack> list) {
        return list.stream().map(BackgroundTrack::id).collect(Collectors.toList());
    }

    private long listingRequests() {
        return server.requests().stream()
                .filter(r -> r.path().equals("/v1/background_tracks"))
                .count();
    }

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
        assertThat(listingRequests()).isEqualTo(25);
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
    }

    @Test
    void takeStaysLazy() {
        StepVerifier.create(tracks.list().take(5)).expectNextCount(5).verifyComplete();
        assertThat(listingRequests()).isEqualTo(1);
        server.clearRequests();
        StepVerifier.create(tracks.list(
                                BackgroundTrackQuery.builder().concurrency(4).build())
                        .take(120))
                .expectNextCount(120)
                .verifyComplete();
        // 3 pages of 50 needed, at most concurrency - 1 more
        assertThat(listingRequests()).isBetween(3L, 6L);
    }

    @Test
    void nothingIsSentBeforeSubscription() {
        Flux<BackgroundTrack> listing = tracks.list();
        tracks.get(1);
        tracks.create(BackgroundTrackRequest.builder().name("never sent").build());
        assertThat(server.requests()).isEmpty();
        assertThat(listing.take(1).count().block()).isEqualTo(1);
    }

    @Test
    void cancellingMidStreamStopsFurtherRequests() {
        server.faults()
                .latency(
                        Duration.ofMillis(300),
                        r -> !r.queryParam("pagination[offset]").equals(java.util.Optional.of("0")));
        StepVerifier.create(tracks.list(
                        BackgroundTrackQuery.builder().concurrency(2).build()))
                .expectNextCount(50)
                .thenAwait(Duration.ofMillis(50))
                .thenCancel()
                .verify();
        // let requests already on the wire reach the server (it may be slow to read them under load)
        Flux.just(1).delayElements(Duration.ofMillis(150)).blockLast();
        long sent = listingRequests();
        assertThat(sent).isLessThanOrEqualTo(3);
        Flux.just(1).delayElements(Duration.ofMillis(600)).blockLast();
        assertThat(listingRequests()).isEqualTo(sent);
    }

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

    @Test
    void pagesResumeFromACursorToTheOriginalEnd() {
        BackgroundTrackQuery q = BackgroundTrackQuery.builder().maxItems(120).build();
        PageCursor second = tracks.pages(q).blockFirst().nextCursor().orElseThrow();
        List<Integer> sizes =
                tracks.pages(q, second).map(p -> p.items().size()).collectList().block();
        assertThat(sizes).containsExactly(50, 20);
    }

    @Test
    void aCursorOfAnotherQueryIsRefusedByTheResumingOverloads() {
        PageCursor c = PageCursor.of(
                10, BackgroundTrackQuery.builder().name("rain").build().fingerprint());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> tracks.list(BackgroundTrackQuery.all(), c))
                .withMessageContaining("resumeFrom");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> tracks.pages(BackgroundTrackQuery.all(), c))
                .withMessageContaining("resumeFrom");
        assertThat(server.requests()).isEmpty();
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

    @Test
    void aCursorOfAnotherQueryIsRefused() {
        PageCursor c = PageCursor.of(
                10, BackgroundTrackQuery.builder().name("rain").build().fingerprint());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BackgroundTrackQuery.builder().startAt(c).build())
                .withMessageContaining("startAt");
    }

    @Test
    void partitionsCoverTheListingExactly() {
        BackgroundTrackQuery q = BackgroundTrackQuery.builder().concurrency(2).build();
        List<OffsetRange> ranges = tracks.partitions(q, 4).block();
        assertThat(ranges).hasSize(4);
        List<Long> all = Flux.fromIterable(ranges)
                .flatMap(r -> tracks.list(q, r).map(BackgroundTrack::id), 4)
                .collectSortedList()
                .block();
        assertThat(all).isEqualTo(server.trackIds());
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
    }

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
    }

    @Test
    void maxItemsAndOffsetBoundTheListing() {
        List<BackgroundTrack> some = tracks.list(
                        BackgroundTrackQuery.builder().offset(100).maxItems(120).build())
                .collectList()
                .block();
        assertThat(ids(some)).isEqualTo(server.trackIds().subList(100, 220));
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

    @Test
    void oddButReadableBodiesDecodeAndUnreadableOnesAreDecodingErrors() throws Exception {
        String odd = "{\"id\":\"7\",\"name\":\"Odd\",\"volume\":null,\"project\":{\"id\":3},\"media\":{},"
                + "\"created\":\"Sun, 01 Jan 2023 00:00:00 GMT\",\"updated\":null,\"extra\":[1,{\"x\":2}]}";
        server.faults()
                .next(Fault.body(200, "application/json", odd.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        BackgroundTrack t = tracks.get(7).block();
        assertThat(t.id()).isEqualTo(7);
        assertThat(t.updated()).isEqualTo(t.created()).isEqualTo(Instant.parse("2023-01-01T00:00:00Z"));
        assertThat(t.project().orElseThrow().name()).isEmpty();
        assertThat(t.media().orElseThrow().url()).isEmpty();
        String noCreated = "{\"id\":7,\"name\":\"Odd\",\"created\":null}";
        server.faults()
                .next(Fault.body(200, "application/json", noCreated.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        StepVerifier.create(tracks.get(7))
                .expectErrorSatisfies(
                        e -> assertThat(e).isInstanceOf(DecodingException.class).hasMessageContaining("created"))
                .verify();
    }

    @Test
    void getCreateAndUpdate() throws Exception {
        BackgroundTrack created = tracks.create(BackgroundTrackRequest.builder()
                        .name("Trackflow test " + System.nanoTime())
                        .volume(40)
                        .projectId(2)
                        .mediaUrl("https://cdn.example.com/x.mp3")
                        .build())
                .block();
        assertThat(created.volume()).isEqualTo(40);
        assertThat(created.project().orElseThrow().id()).isEqualTo(2);
        RecordedRequest post = last("POST");
        JsonNode body = Json.reader().readTree(post.body());
        assertThat(body.toString())
                .isEqualTo("{\"name\":\"" + created.name()
                        + "\",\"volume\":40,\"project\":{\"id\":2},"
                        + "\"media\":{\"url\":\"https://cdn.example.com/x.mp3\"}}");
        assertThat(post.header("Content-Type")).contains("application/json");

        BackgroundTrack updated = tracks.update(
                        created.id(),
                        BackgroundTrackRequest.builder().volume(70).build())
                .block();
        assertThat(updated.volume()).isEqualTo(70);
        assertThat(updated.name()).isEqualTo(created.name());
        assertThat(updated.updated()).isAfter(created.updated());
        RecordedRequest put = last("PUT");
        assertThat(put.path()).isEqualTo("/v1/background_tracks/" + created.id());
        assertThat(put.body()).isEqualTo("{\"volume\":70}");

        StepVerifier.create(tracks.get(created.id())).expectNext(updated).verifyComplete();
    }

    private RecordedRequest last(String method) {
        List<RecordedRequest> rs = server.requests();
        for (int i = rs.size() - 1; i >= 0; i--) {
            if (rs.get(i).method().equals(method)) {
                return rs.get(i);
            }
        }
        throw new AssertionError("no " + method);
    }

    @Test
    void everyErrorShapeMapsToItsTypedException() {
        StepVerifier.create(tracks.get(999_999))
                .expectErrorSatisfies(
                        e -> assertThat(e).isInstanceOf(NotFoundException.class).hasMessageStartingWith("Not found"))
                .verify();

        String taken = server.trackCount() > 0 ? tracks.get(1).block().name() : "x";
        StepVerifier.create(tracks.create(BackgroundTrackRequest.builder()
                        .name(taken)
                        .mediaUrl("https://cdn.example.com/y.mp3")
                        .build()))
                .expectErrorSatisfies(e -> {
                    assertThat(e)
                            .isInstanceOf(ValidationException.class)
                            .hasMessageStartingWith("Invalid request body");
                    assertThat(((ValidationException) e).errors()).anySatisfy(f -> {
                        assertThat(f.location()).isEqualTo("name");
                        assertThat(f.message()).isEqualTo("has already been taken");
                    });
                })
                .verify();

        StepVerifier.create(tracks.create(BackgroundTrackRequest.builder()
                        .name("locked " + System.nanoTime())
                        .projectId(FakeBeyondWords.LOCKED_PROJECT_ID)
                        .mediaUrl("https://cdn.example.com/z.mp3")
                        .build()))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ForbiddenException.class);
                    assertThat(((ForbiddenException) e).errorCode()).contains("permission_error");
                })
                .verify();

        server.faults().next(Fault.status(429));
        try (BeyondWordsClient noRetry = BeyondWordsClient.builder()
                .apiKey(server.apiKey())
                .baseUrl(server.baseUrl())
                .retryPolicy(RetryPolicy.none())
                .build()) {
            StepVerifier.create(noRetry.backgroundTracks().get(1))
                    .expectErrorSatisfies(e -> assertThat(e)
                            .isInstanceOf(RateLimitException.class)
                            .hasMessageStartingWith("Too many requests"))
                    .verify();
        }

        server.faults().next(Fault.malformedJson());
        StepVerifier.create(tracks.get(1)).expectError(DecodingException.class).verify();
        server.faults().next(Fault.truncatedJson());
        StepVerifier.create(tracks.get(1)).expectError(DecodingException.class).verify();
        server.faults().next(Fault.html(200));
        StepVerifier.create(tracks.get(1))
                .expectErrorSatisfies(
                        e -> assertThat(e).isInstanceOf(DecodingException.class).hasMessageContaining("HTML"))
                .verify();
        server.faults().inject(r -> true, Fault.html(502), 4);
        StepVerifier.create(tracks.get(1))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ServerException.class);
                    assertThat(((HttpStatusException) e).status()).isEqualTo(502);
                    assertThat(((HttpStatusException) e).bodyExcerpt()).contains("<html>");
                })
                .verify();
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
    }

    @Test
    void badInputIsRejectedBeforeAnyIo() {
        assertThatIllegalArgumentException().isThrownBy(() -> tracks.get(0)).withMessageContaining("id");
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> tracks.update(-1, BackgroundTrackRequest.builder().build()))
                .withMessageContaining("id");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BackgroundTrackQuery.builder().pageSize(0).build())
                .withMessageContaining("pageSize");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BackgroundTrackQuery.builder().pageSize(101).build())
                .withMessageContaining("pageSize");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BackgroundTrackQuery.builder().maxItems(0).build())
                .withMessageContaining("maxItems");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BackgroundTrackQuery.builder().concurrency(0).build())
                .withMessageContaining("concurrency");
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        BackgroundTrackQuery.builder().name("a\r\nX-Evil: 1").build())
                .withMessageContaining("name");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BackgroundTrackQuery.builder().name(" ").build())
                .withMessageContaining("name");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BackgroundTrackRequest.builder().volume(101).build())
                .withMessageContaining("volume");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BackgroundTrackRequest.builder().name("").build())
                .withMessageContaining("name");
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        BackgroundTrackRequest.builder().mediaUrl("file:///x").build())
                .withMessageContaining("mediaUrl");
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        tracks.create(BackgroundTrackRequest.builder().volume(3).build()))
                .withMessageContaining("name");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> tracks.partitions(BackgroundTrackQuery.all(), 0))
                .withMessageContaining("n");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BeyondWordsClient.builder().build())
                .withMessageContaining("apiKey");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BeyondWordsClient.builder().apiKey(" ").build())
                .withMessageContaining("apiKey");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BeyondWordsClient.builder()
                        .apiKey("k")
                        .baseUrl("http://api.example.com/v1")
                        .build())
                .withMessageContaining("baseUrl");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BeyondWordsClient.builder()
                        .apiKey("k")
                        .baseUrl("https://u:p@api.example.com")
                        .build())
                .withMessageContaining("baseUrl");
        assertThat(server.requests()).isEmpty();
    }
}
