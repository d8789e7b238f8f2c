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
import io.trackflow.core.error.RateLimitException;
import io.trackflow.core.error.ServerException;
import io.trackflow.core.error.TransportException;
import io.trackflow.core.paging.OffsetRange;
import io.trackflow.core.retry.RetryPolicy;
import io.trackflow.testkit.FakeBeyondWords;
import io.trackflow.testkit.Fault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Parallel readers: {@link BackgroundTracks#partitions(BackgroundTrackQuery, int)} and {@link
 * BackgroundTracks#list(BackgroundTrackQuery, OffsetRange)}, on one read-only fake of 1,234 tracks.
 */
class PartitionsTest {

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
    void close() {
        client.close();
    }

    // partitions(query, n)

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
    void partitionsCostOneOneItemRequestCarryingTheFilters() {
        BackgroundTrackQuery q = BackgroundTrackQuery.builder().name("rain").build();
        List<OffsetRange> ranges = tracks.partitions(q, 3).block();
        assertThat(ranges).hasSize(3);
        assertThat(ranges.get(0).start()).isZero();
        assertThat(server.requests())
                .singleElement()
                .satisfies(r -> assertListingRequest(r, server, 0, 1, Map.of("filter[name]", List.of("rain"))));
    }

    @Test
    void partitionsOfABoundedListingStopAtItsBounds() {
        BackgroundTrackQuery q =
                BackgroundTrackQuery.builder().offset(100).maxItems(300).build();
        List<OffsetRange> ranges = tracks.partitions(q, 2).block();
        assertThat(ranges).containsExactly(OffsetRange.of(100, 250), OffsetRange.of(250, 400));
        assertThat(server.requests()).singleElement().satisfies(r -> assertListingRequest(r, server, 100, 1));
    }

    @Test
    void aRateLimitedPartitionsCallWithoutRetriesIsARateLimitException() {
        server.faults().next(Fault.rateLimited("30"));
        try (BeyondWordsClient noRetry = Recorded.client(server, RetryPolicy.none())) {
            StepVerifier.create(noRetry.backgroundTracks().partitions(BackgroundTrackQuery.all(), 4))
                    .expectErrorSatisfies(e -> {
                        assertThat(e)
                                .isInstanceOf(RateLimitException.class)
                                .hasMessageStartingWith("Too many requests");
                        assertThat(((RateLimitException) e).retryAfter()).contains(Duration.ofSeconds(30));
                    })
                    .verify();
        }
        assertThat(server.requests()).singleElement().satisfies(r -> assertListingRequest(r, server, 0, 1));
    }

    @Test
    void aConnectionResetOnPartitionsIsATransportException() {
        server.faults().next(Fault.resetBeforeResponse());
        try (BeyondWordsClient noRetry = Recorded.client(server, RetryPolicy.none())) {
            StepVerifier.create(noRetry.backgroundTracks().partitions(BackgroundTrackQuery.all(), 4))
                    .expectError(TransportException.class)
                    .verify();
        }
        assertThat(server.requests()).singleElement().satisfies(r -> assertListingRequest(r, server, 0, 1));
    }

    // list(query, range)

    @Test
    void aRangeReadsExactlyItsOffsets() {
        BackgroundTrackQuery q = BackgroundTrackQuery.builder().pageSize(40).build();
        List<BackgroundTrack> part =
                tracks.list(q, OffsetRange.of(100, 175)).collectList().block();
        assertThat(ids(part)).isEqualTo(server.trackIds().subList(100, 175));
        assertListingRequest(listings(server).get(0), server, 100, 40);
        assertThat(offsetsAsked(server)).containsExactlyInAnyOrder(100L, 140L);
    }

    @Test
    void aRangeReplacesTheQuerysOffsetAndMaxItems() {
        BackgroundTrackQuery q =
                BackgroundTrackQuery.builder().offset(500).maxItems(10).build();
        List<BackgroundTrack> part =
                tracks.list(q, OffsetRange.of(0, 60)).collectList().block();
        assertThat(ids(part)).isEqualTo(server.trackIds().subList(0, 60));
        assertListingRequest(listings(server).get(0), server, 0, 60);
    }

    @Test
    void aServerErrorInARangeIsRetriedThenSurfacesWithACursorInsideTheRange() {
        server.faults().inject(listingAt(100), Fault.status(502), 4);
        BackgroundTrackQuery q = BackgroundTrackQuery.builder().pageSize(40).build();
        StepVerifier.create(tracks.list(q, OffsetRange.of(100, 175)))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ServerException.class);
                    assertThat(((ApiException) e).attempts()).isEqualTo(4);
                    assertThat(((ApiException) e).resumeCursor()).hasValueSatisfying(c -> {
                        assertThat(c.offset()).isEqualTo(100);
                        assertThat(c.listing()).isEqualTo(OffsetRange.of(100, 175));
                    });
                })
                .verify();
        assertThat(server.requests()).hasSize(4).allSatisfy(r -> assertListingRequest(r, server, 100, 40));
    }

    @Test
    void aConnectionResetMidBodyInARangeIsATransportException() {
        server.faults().next(Fault.resetMidBody());
        BackgroundTrackQuery q = BackgroundTrackQuery.builder().pageSize(40).build();
        try (BeyondWordsClient noRetry = Recorded.client(server, RetryPolicy.none())) {
            StepVerifier.create(noRetry.backgroundTracks().list(q, OffsetRange.of(100, 175)))
                    .expectError(TransportException.class)
                    .verify();
        }
        assertThat(server.requests()).singleElement().satisfies(r -> assertListingRequest(r, server, 100, 40));
    }
}
