package io.trackflow.beyondwords;

import static io.trackflow.beyondwords.Recorded.FAST;
import static io.trackflow.beyondwords.Recorded.assertGetRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.beyondwords.model.BackgroundTrackRequest;
import io.trackflow.core.error.ApiException;
import io.trackflow.core.error.DecodingException;
import io.trackflow.core.error.HttpStatusException;
import io.trackflow.core.error.NotFoundException;
import io.trackflow.core.error.ServerException;
import io.trackflow.core.error.TransportException;
import io.trackflow.core.paging.OffsetRange;
import io.trackflow.core.paging.PageCursor;
import io.trackflow.core.retry.RetryPolicy;
import io.trackflow.testkit.FakeBeyondWords;
import io.trackflow.testkit.Fault;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** {@link BackgroundTracks#get(long)}, and what every call shares: nothing is sent before subscription. */
class SingleTrackTest {

    private static FakeBeyondWords server;
    private BeyondWordsClient client;
    private BackgroundTracks tracks;

    @BeforeAll
    static void startServer() {
        server = FakeBeyondWords.start().seed(100);
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

    @Test
    void getReadsTheTrackTheListingHasUnderThatId() {
        BackgroundTrack listed = tracks.list().skip(4).blockFirst();
        server.clearRequests();
        StepVerifier.create(tracks.get(listed.id())).expectNext(listed).verifyComplete();
        assertThat(server.requests()).singleElement().satisfies(r -> assertGetRequest(r, server, listed.id()));
    }

    @Test
    void eachSubscriptionSendsTheRequestAnew() {
        Mono<BackgroundTrack> one = tracks.get(2);
        one.block();
        one.block();
        assertThat(server.requests()).hasSize(2).allSatisfy(r -> assertGetRequest(r, server, 2));
    }

    @Test
    void anUnknownIdIsNotFoundAndNotRetried() {
        StepVerifier.create(tracks.get(999_999))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(NotFoundException.class).hasMessageStartingWith("Not found");
                    assertThat(((HttpStatusException) e).method().name()).isEqualTo("GET");
                    assertThat(((HttpStatusException) e).uri().getPath()).isEqualTo("/v1/background_tracks/999999");
                    assertThat(((ApiException) e).attempts()).isEqualTo(1);
                })
                .verify();
        assertThat(server.requests()).singleElement().satisfies(r -> assertGetRequest(r, server, 999_999));
    }

    @Test
    void aServerErrorOnGetIsRetriedThenSurfacesAsServerException() {
        server.faults().inject(r -> true, Fault.html(502), 4);
        StepVerifier.create(tracks.get(1))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ServerException.class);
                    assertThat(((HttpStatusException) e).status()).isEqualTo(502);
                    assertThat(((HttpStatusException) e).bodyExcerpt()).contains("<html>");
                    assertThat(((ApiException) e).attempts()).isEqualTo(4);
                })
                .verify();
        assertThat(server.requests()).hasSize(4).allSatisfy(r -> assertGetRequest(r, server, 1));
    }

    @Test
    void aConnectionResetBeforeTheResponseOnGetIsATransportException() {
        server.faults().next(Fault.resetBeforeResponse());
        try (BeyondWordsClient noRetry = Recorded.client(server, RetryPolicy.none())) {
            StepVerifier.create(noRetry.backgroundTracks().get(1))
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(TransportException.class);
                        assertThat(((TransportException) e).isConnectFailure()).isFalse();
                        assertThat(((ApiException) e).attempts()).isEqualTo(1);
                    })
                    .verify();
        }
        assertThat(server.requests()).singleElement().satisfies(r -> assertGetRequest(r, server, 1));
    }

    @Test
    void aConnectionResetMidBodyOnGetIsRetriedAndSucceeds() {
        server.faults().next(Fault.resetMidBody());
        StepVerifier.create(tracks.get(1))
                .assertNext(t -> assertThat(t.id()).isEqualTo(1))
                .verifyComplete();
        assertThat(server.requests()).hasSize(2).allSatisfy(r -> assertGetRequest(r, server, 1));
    }

    @Test
    void anOddButReadableBodyDecodes() {
        String odd = "{\"id\":\"7\",\"name\":\"Odd\",\"volume\":null,\"project\":{\"id\":3},\"media\":{},"
                + "\"created\":\"Sun, 01 Jan 2023 00:00:00 GMT\",\"updated\":null,\"extra\":[1,{\"x\":2}]}";
        server.faults().next(Fault.body(200, "application/json", odd.getBytes(StandardCharsets.UTF_8)));
        BackgroundTrack t = tracks.get(7).block();
        assertThat(t.id()).isEqualTo(7);
        assertThat(t.updated()).isEqualTo(t.created()).isEqualTo(Instant.parse("2023-01-01T00:00:00Z"));
        assertThat(t.project().orElseThrow().name()).isEmpty();
        assertThat(t.media().orElseThrow().url()).isEmpty();
        assertThat(server.requests()).singleElement().satisfies(r -> assertGetRequest(r, server, 7));
    }

    @Test
    void aBodyWithoutCreatedIsADecodingErrorNamingIt() {
        String noCreated = "{\"id\":7,\"name\":\"Odd\",\"created\":null}";
        server.faults().next(Fault.body(200, "application/json", noCreated.getBytes(StandardCharsets.UTF_8)));
        StepVerifier.create(tracks.get(7))
                .expectErrorSatisfies(
                        e -> assertThat(e).isInstanceOf(DecodingException.class).hasMessageContaining("created"))
                .verify();
        assertThat(server.requests()).singleElement().satisfies(r -> assertGetRequest(r, server, 7));
    }

    static Stream<Named<Function<BackgroundTracks, Publisher<?>>>> everyCall() {
        BackgroundTrackQuery q = BackgroundTrackQuery.all();
        BackgroundTrackRequest r = BackgroundTrackRequest.builder()
                .name("never sent")
                .mediaUrl("https://cdn.example.com/n.mp3")
                .build();
        return Stream.of(
                Named.of("list()", t -> t.list()),
                Named.of("list(query)", t -> t.list(q)),
                Named.of("list(query, cursor)", t -> t.list(q, PageCursor.of(10, q.fingerprint()))),
                Named.of("list(query, range)", t -> t.list(q, OffsetRange.of(0, 10))),
                Named.of("pages(query)", t -> t.pages(q)),
                Named.of("pages(query, cursor)", t -> t.pages(q, PageCursor.of(10, q.fingerprint()))),
                Named.of("partitions(query, n)", t -> t.partitions(q, 2)),
                Named.of("get(id)", t -> t.get(1)),
                Named.of("create(request)", t -> t.create(r)),
                Named.of("update(id, request)", t -> t.update(1, r)));
    }

    @ParameterizedTest
    @MethodSource("everyCall")
    void nothingIsSentBeforeSubscription(Function<BackgroundTracks, Publisher<?>> call) {
        call.apply(tracks);
        assertThat(server.requests()).isEmpty();
    }
}
