package io.trackflow.beatpass;

import static io.trackflow.beatpass.Recorded.FAST;
import static io.trackflow.beatpass.Recorded.TRACKS;
import static io.trackflow.beatpass.Recorded.assertLookup;
import static io.trackflow.beatpass.Recorded.idsAsked;
import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.beatpass.model.Track;
import io.trackflow.beatpass.model.TrackInclude;
import io.trackflow.beatpass.model.TrackLookupOptions;
import io.trackflow.core.error.NotFoundException;
import io.trackflow.core.error.ServerException;
import io.trackflow.core.error.TransportException;
import io.trackflow.core.retry.RetryPolicy;
import io.trackflow.testkit.FakeBeatPass;
import io.trackflow.testkit.Fault;
import io.trackflow.testkit.RecordedRequest;
import java.time.Duration;
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
 * {@link Tracks#getAll(org.reactivestreams.Publisher, TrackInclude...)} and {@link
 * Tracks#getAll(org.reactivestreams.Publisher, TrackLookupOptions)} against one read-only fake of
 * 1,200 tracks; tests that remove tracks use a fake of their own.
 */
class BulkLookupTest {

    private static FakeBeatPass server;
    private BeatPassClient client;

    @BeforeAll
    static void startServer() {
        server = FakeBeatPass.builder().rateLimitPerMinute(100_000).start().seed(1_200);
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

    private static Predicate<RecordedRequest> lookupOf(long id) {
        return r -> r.path().equals(TRACKS + id);
    }

    // getAll(ids, with...): success

    @Test
    void getAllThousandIdsWithIncludes() {
        List<Long> ids = LongStream.rangeClosed(1, 1_000).boxed().collect(Collectors.toList());
        StepVerifier.create(client.tracks()
                        .getAll(Flux.fromIterable(ids), TrackInclude.ARTISTS)
                        .map(Track::id)
                        .collectList())
                .expectNext(ids)
                .verifyComplete();
        assertThat(server.requests())
                .hasSize(1_000)
                .allSatisfy(r -> assertThat(r.queryParam("with")).contains("artists"));
        assertThat(server.maxConcurrentRequests()).isLessThanOrEqualTo(8);
        assertThat(idsAsked(server)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(server.requests()).allSatisfy(r -> assertLookup(r, server, idOf(r), "artists"));
    }

    private static long idOf(RecordedRequest r) {
        return Long.parseLong(r.path().substring(TRACKS.length()));
    }

    @Test
    void getAllKeepsInputOrderWhenLookupsCompleteOutOfOrder() {
        // earlier ids answer slower
        server.faults()
                .latency(
                        Duration.ofMillis(30),
                        r -> r.path().endsWith("/1") || r.path().endsWith("/2"));
        List<Long> ids = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        StepVerifier.create(client.tracks()
                        .getAll(Flux.fromIterable(ids))
                        .map(Track::id)
                        .collectList())
                .expectNext(ids)
                .verifyComplete();
        assertThat(server.requests()).hasSize(10).allSatisfy(r -> assertLookup(r, server, idOf(r), ""));
    }

    @Test
    void getAllIsCancellableAndDemandDriven() {
        server.faults().latency(Duration.ofMillis(50));
        StepVerifier.create(client.tracks().getAll(Flux.range(1, 500).map(Long::valueOf)), 0)
                .thenRequest(3)
                .expectNextCount(3)
                .thenCancel()
                .verify();
        // let requests already on the wire land, then nothing more may come
        Flux.just(1).delayElements(Duration.ofMillis(100)).blockLast();
        int sent = server.requests().size();
        assertThat(sent).isLessThanOrEqualTo(3 + 8);
        Flux.just(1).delayElements(Duration.ofMillis(200)).blockLast();
        assertThat(server.requests()).hasSize(sent);
    }

    // getAll(ids, with...): HTTP error

    @Test
    void aMissingIdFailsTheStreamAfterTheTracksBeforeIt() {
        List<Long> ids = List.of(1L, 2L, 888_888L, 1_160L);
        StepVerifier.create(client.tracks()
                        .getAll(Flux.fromIterable(ids), TrackInclude.TAGS)
                        .map(Track::id))
                .expectNext(1L, 2L)
                .expectErrorSatisfies(
                        e -> assertThat(e).isInstanceOf(NotFoundException.class).hasMessageContaining("/tracks/888888"))
                .verify();
        assertThat(server.requests().stream().filter(lookupOf(888_888)))
                .singleElement()
                .satisfies(r -> assertLookup(r, server, 888_888, "tags"));
    }

    @Test
    void aServerErrorOnOneIdIsRetriedThenFailsTheStreamInOrder() {
        server.faults().inject(lookupOf(3), Fault.status(503), 4);
        StepVerifier.create(client.tracks().getAll(Flux.just(1L, 2L, 3L, 4L)).map(Track::id))
                .expectNext(1L, 2L)
                .expectError(ServerException.class)
                .verify();
        assertThat(server.requests().stream().filter(lookupOf(3)))
                .hasSize(4)
                .allSatisfy(r -> assertLookup(r, server, 3, ""));
    }

    // getAll(ids, with...): transport failure

    @Test
    void aConnectionResetOnOneIdFailsTheStreamWithTransportException() {
        server.faults().inject(lookupOf(3), Fault.resetBeforeResponse(), 1);
        try (BeatPassClient noRetry = Recorded.client(server, RetryPolicy.none())) {
            StepVerifier.create(noRetry.tracks()
                            .getAll(Flux.just(1L, 2L, 3L, 4L), TrackInclude.ALBUM)
                            .map(Track::id))
                    .expectNext(1L, 2L)
                    .expectError(TransportException.class)
                    .verify();
        }
        assertThat(server.requests().stream().filter(lookupOf(3)))
                .singleElement()
                .satisfies(r -> assertLookup(r, server, 3, "album"));
    }

    // getAll(ids, options): success

    @Test
    void getAllBoundsConcurrency() {
        server.faults().latency(Duration.ofMillis(20));
        List<Long> ids = LongStream.rangeClosed(1, 60).boxed().collect(Collectors.toList());
        List<Track> got = client.tracks()
                .getAll(
                        Flux.fromIterable(ids),
                        TrackLookupOptions.builder().concurrency(5).build())
                .collectList()
                .block();
        assertThat(got).extracting(Track::id).isEqualTo(ids);
        assertThat(server.maxConcurrentRequests()).isEqualTo(5);
        assertThat(idsAsked(server)).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void theOptionsIncludesAreSentWithEveryLookup() {
        List<Track> got = client.tracks()
                .getAll(
                        Flux.just(4L, 5L, 6L),
                        TrackLookupOptions.builder()
                                .addIncludes(TrackInclude.GENRES, TrackInclude.ARTISTS)
                                .build())
                .collectList()
                .block();
        assertThat(got).extracting(Track::id).containsExactly(4L, 5L, 6L);
        assertThat(got).allSatisfy(t -> {
            assertThat(t.genres()).isNotEmpty();
            assertThat(t.artists()).isNotEmpty();
        });
        assertThat(server.requests()).hasSize(3).allSatisfy(r -> assertLookup(r, server, idOf(r), "genres,artists"));
    }

    @Test
    void skipMissingLeavesOutNotFoundAndRemovedIds() {
        try (FakeBeatPass own = FakeBeatPass.start().seed(20);
                BeatPassClient c = Recorded.client(own, FAST)) {
            own.removeTrack(16);
            List<Long> ids = List.of(1L, 2L, 888_888L, 16L, 17L);
            StepVerifier.create(c.tracks()
                            .getAll(
                                    Flux.fromIterable(ids),
                                    TrackLookupOptions.builder()
                                            .skipMissing(true)
                                            .build())
                            .map(Track::id))
                    .expectNext(1L, 2L, 17L)
                    .verifyComplete();
            assertThat(own.requests()).hasSize(5).allSatisfy(r -> assertLookup(r, own, idOf(r), ""));
        }
    }

    @Test
    void withoutSkipMissingARemovedIdFailsTheStream() {
        try (FakeBeatPass own = FakeBeatPass.start().seed(20);
                BeatPassClient c = Recorded.client(own, FAST)) {
            own.removeTrack(16);
            StepVerifier.create(c.tracks().getAll(Flux.just(1L, 16L, 17L)).map(Track::id))
                    .expectNext(1L)
                    .expectErrorSatisfies(e -> assertThat(e).hasMessageStartingWith("Track unavailable"))
                    .verify();
        }
    }

    // getAll(ids, options): HTTP error

    @Test
    void skipMissingStillFailsTheStreamOnAServerError() {
        server.faults().inject(lookupOf(2), Fault.status(500), 4);
        StepVerifier.create(client.tracks()
                        .getAll(
                                Flux.just(1L, 2L, 3L),
                                TrackLookupOptions.builder().skipMissing(true).build())
                        .map(Track::id))
                .expectNext(1L)
                .expectError(ServerException.class)
                .verify();
        assertThat(server.requests().stream().filter(lookupOf(2)))
                .hasSize(4)
                .allSatisfy(r -> assertLookup(r, server, 2, ""));
    }

    // getAll(ids, options): transport failure

    @Test
    void skipMissingStillFailsTheStreamOnAConnectionReset() {
        server.faults().inject(lookupOf(2), Fault.resetMidBody(), 1);
        try (BeatPassClient noRetry = Recorded.client(server, RetryPolicy.none())) {
            StepVerifier.create(noRetry.tracks()
                            .getAll(
                                    Flux.just(1L, 2L, 3L),
                                    TrackLookupOptions.builder()
                                            .skipMissing(true)
                                            .addIncludes(TrackInclude.TAGS)
                                            .build())
                            .map(Track::id))
                    .expectNext(1L)
                    .expectError(TransportException.class)
                    .verify();
        }
        assertThat(server.requests().stream().filter(lookupOf(2)))
                .singleElement()
                .satisfies(r -> assertLookup(r, server, 2, "tags"));
    }

    // ids that are not positive

    @Test
    void aNonPositiveIdFailsTheStreamInOrderWithoutALookup() {
        StepVerifier.create(client.tracks().getAll(Flux.just(1L, -5L)).map(Track::id))
                .expectNext(1L)
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("-5"))
                .verify();
        assertThat(server.requests()).singleElement().satisfies(r -> assertLookup(r, server, 1, ""));
    }
}
