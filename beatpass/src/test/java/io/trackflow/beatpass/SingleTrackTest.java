package io.trackflow.beatpass;

import static io.trackflow.beatpass.Recorded.FAST;
import static io.trackflow.beatpass.Recorded.assertLookup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.trackflow.beatpass.model.Track;
import io.trackflow.beatpass.model.TrackInclude;
import io.trackflow.beatpass.model.TrackLookupOptions;
import io.trackflow.core.error.ApiException;
import io.trackflow.core.error.DecodingException;
import io.trackflow.core.error.HttpStatusException;
import io.trackflow.core.error.NotFoundException;
import io.trackflow.core.error.RateLimitException;
import io.trackflow.core.error.ServerException;
import io.trackflow.core.error.TransportException;
import io.trackflow.core.error.ValidationException;
import io.trackflow.core.retry.RetryPolicy;
import io.trackflow.testkit.FakeBeatPass;
import io.trackflow.testkit.Fault;
import io.trackflow.testkit.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * {@link Tracks#get(long, TrackInclude...)} against one read-only fake of 1,200 tracks (faults and
 * recorded requests reset before each test); a test that removes a track uses a fake of its own.
 */
class SingleTrackTest {

    private static FakeBeatPass server;
    private BeatPassClient client;
    private final List<RateLimitStatus> rateLimits = new CopyOnWriteArrayList<>();

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
        client = BeatPassClient.builder()
                .token(server.token())
                .baseUrl(server.baseUrl())
                .retryPolicy(FAST)
                .rateLimitListener(rateLimits::add)
                .build();
    }

    @AfterEach
    void close() {
        client.close();
    }

    private RecordedRequest lastRequest() {
        List<RecordedRequest> all = server.requests();
        return all.get(all.size() - 1);
    }

    // success

    @Test
    void noIncludesSendsNoWithAndLeavesRelationsEmpty() {
        StepVerifier.create(client.tracks().get(5))
                .assertNext(t -> {
                    assertThat(t.id()).isEqualTo(5);
                    assertThat(t.name()).isEqualTo("Track 5");
                    assertThat(t.releaseDate()).isPresent();
                    assertThat(t.duration())
                            .hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofSeconds(89)));
                    assertThat(t.artists()).isEmpty();
                    assertThat(t.album()).isEmpty();
                    assertThat(t.genres()).isEmpty();
                    assertThat(t.tags()).isEmpty();
                })
                .verifyComplete();
        RecordedRequest r = lastRequest();
        assertThat(r.rawUri()).isEqualTo("/api/v1/tracks/5");
        assertThat(r.header("Authorization")).contains("Bearer " + server.token());
        assertThat(r.header("Accept")).contains("application/json");
        assertThat(server.requests()).singleElement().satisfies(req -> assertLookup(req, server, 5, ""));
    }

    @ParameterizedTest
    @EnumSource(TrackInclude.class)
    void eachIncludeAlone(TrackInclude include) {
        Track t = client.tracks().get(9, include).block();
        assertThat(lastRequest().queryParam("with")).contains(include.wireName());
        assertThat(server.requests()).singleElement().satisfies(r -> assertLookup(r, server, 9, include.wireName()));
        switch (include) {
            case TAGS -> assertThat(t.artists()).isEmpty();
            case GENRES -> assertThat(t.genres()).isNotEmpty();
            case ARTISTS ->
                assertThat(t.artists())
                        .isNotEmpty()
                        .allSatisfy(a -> assertThat(a.name()).startsWith("Artist "));
            case ALBUM -> {
                assertThat(t.album()).isPresent();
                assertThat(t.album().get().tracks()).extracting(Track::id).contains(9L);
                assertThat(t.album().get().artists()).isNotEmpty();
                assertThat(t.genres()).isEmpty();
            }
        }
    }

    @Test
    void allIncludesTogetherAreCommaSeparatedInTheOrderGivenWithoutDuplicates() {
        Track t = client.tracks()
                .get(
                        3,
                        TrackInclude.TAGS,
                        TrackInclude.GENRES,
                        TrackInclude.ARTISTS,
                        TrackInclude.ALBUM,
                        TrackInclude.TAGS)
                .block();
        assertThat(lastRequest().rawUri()).isEqualTo("/api/v1/tracks/3?with=tags,genres,artists,album");
        assertThat(server.requests())
                .singleElement()
                .satisfies(r -> assertLookup(r, server, 3, "tags,genres,artists,album"));
        assertThat(t.genres()).isNotEmpty();
        assertThat(t.artists()).isNotEmpty();
        assertThat(t.album()).isPresent();
    }

    @Test
    void theRateLimitFiguresOfAResponseReachTheListenerAndLastRateLimit() {
        client.tracks().get(3).block();
        assertThat(rateLimits).isNotEmpty();
        assertThat(client.lastRateLimit())
                .hasValueSatisfying(s -> assertThat(s.limit()).hasValue(100_000));
        assertThat(server.requests()).singleElement().satisfies(r -> assertLookup(r, server, 3, ""));
    }

    @Test
    void eachSubscriptionSendsTheLookupAnew() {
        Mono<Track> one = client.tracks().get(2, TrackInclude.TAGS);
        assertThat(server.requests()).isEmpty();
        one.block();
        one.block();
        assertThat(server.requests()).hasSize(2).allSatisfy(r -> assertLookup(r, server, 2, "tags"));
    }

    static Stream<Named<Function<Tracks, Publisher<?>>>> everyCall() {
        return Stream.of(
                Named.of("get(id, with...)", t -> t.get(1, TrackInclude.ALBUM)),
                Named.of("getAll(ids, with...)", t -> t.getAll(Flux.just(1L, 2L), TrackInclude.TAGS)),
                Named.of("getAll(ids, options)", t -> t.getAll(Flux.just(1L, 2L), TrackLookupOptions.defaults())));
    }

    @ParameterizedTest
    @MethodSource("everyCall")
    void nothingIsSentBeforeSubscription(Function<Tracks, Publisher<?>> call) {
        call.apply(client.tracks());
        assertThat(server.requests()).isEmpty();
    }

    // HTTP errors

    @Test
    void anUnknownIdIsNotFoundAndNotRetried() {
        StepVerifier.create(client.tracks().get(999_999, TrackInclude.ALBUM))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(NotFoundException.class).hasMessageStartingWith("Track not found");
                    assertThat(((ApiException) e).attempts()).isEqualTo(1);
                })
                .verify();
        assertThat(server.requests()).singleElement().satisfies(r -> assertLookup(r, server, 999_999, "album"));
    }

    @Test
    void aRemovedTrackIsAPlain410AndNotRetried() {
        try (FakeBeatPass own = FakeBeatPass.start().seed(10);
                BeatPassClient c = Recorded.client(own, FAST)) {
            own.removeTrack(7);
            StepVerifier.create(c.tracks().get(7))
                    .expectErrorSatisfies(e -> {
                        assertThat(e.getClass()).isEqualTo(HttpStatusException.class);
                        assertThat(((HttpStatusException) e).status()).isEqualTo(410);
                        assertThat(e).hasMessageStartingWith("Track unavailable");
                        assertThat(((HttpStatusException) e).attempts()).isEqualTo(1);
                    })
                    .verify();
            assertThat(own.requests()).singleElement().satisfies(r -> assertLookup(r, own, 7, ""));
        }
    }

    @Test
    void anInvalidRequestIsAValidationErrorNamingTheField() {
        server.faults()
                .next(Fault.body(
                        422,
                        "application/json",
                        ("{\"status\":\"error\",\"message\":\"The given data was invalid.\","
                                        + "\"errors\":{\"with\":\"The selected with is invalid.\"}}")
                                .getBytes(StandardCharsets.UTF_8)));
        StepVerifier.create(client.tracks().get(1, TrackInclude.TAGS))
                .expectErrorSatisfies(e -> assertThat(((ValidationException) e).errors())
                        .singleElement()
                        .satisfies(f -> assertThat(f.location()).isEqualTo("with")))
                .verify();
        assertThat(server.requests()).singleElement().satisfies(r -> assertLookup(r, server, 1, "tags"));
    }

    @Test
    void aServerErrorOnGetIsRetriedThenSurfacesAsServerException() {
        server.faults().inject(r -> true, Fault.status(500), 4);
        StepVerifier.create(client.tracks().get(4))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ServerException.class).hasMessageStartingWith("Server Error");
                    assertThat(((ApiException) e).attempts()).isEqualTo(4);
                })
                .verify();
        assertThat(server.requests()).hasSize(4).allSatisfy(r -> assertLookup(r, server, 4, ""));
    }

    @Test
    void aServerErrorOnceIsRetriedAndTheLookupSucceeds() {
        server.faults().next(Fault.status(500));
        StepVerifier.create(client.tracks().get(4)).expectNextCount(1).verifyComplete();
        assertThat(server.requests()).hasSize(2).allSatisfy(r -> assertLookup(r, server, 4, ""));
    }

    @Test
    void aRateLimitedLookupWaitsForRetryAfterThenSucceeds() {
        server.faults().next(Fault.rateLimited("1"));
        long t0 = System.nanoTime();
        StepVerifier.create(client.tracks().get(4)).expectNextCount(1).verifyComplete();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(server.requests()).hasSize(2).allSatisfy(r -> assertLookup(r, server, 4, ""));
    }

    @Test
    void a429WithoutRetriesIsARateLimitExceptionCarryingTheRateLimitFigures() {
        try (BeatPassClient noRetry = Recorded.client(server, RetryPolicy.none())) {
            server.faults().next(Fault.status(429));
            StepVerifier.create(noRetry.tracks().get(4))
                    .expectErrorSatisfies(e -> {
                        assertThat(e)
                                .isInstanceOf(RateLimitException.class)
                                .hasMessageStartingWith("Too Many Attempts.");
                        assertThat(((RateLimitException) e).retryAfter()).isPresent();
                        assertThat(RateLimitStatus.of((RateLimitException) e)).hasValueSatisfying(s -> {
                            assertThat(s.remaining()).hasValue(0);
                            assertThat(s.resetAt()).isPresent();
                        });
                    })
                    .verify();
        }
        assertThat(server.requests()).singleElement().satisfies(r -> assertLookup(r, server, 4, ""));
    }

    // transport failures

    @Test
    void aConnectionResetBeforeTheResponseIsATransportException() {
        server.faults().next(Fault.resetBeforeResponse());
        try (BeatPassClient noRetry = Recorded.client(server, RetryPolicy.none())) {
            StepVerifier.create(noRetry.tracks().get(6, TrackInclude.GENRES))
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(TransportException.class);
                        assertThat(((ApiException) e).attempts()).isEqualTo(1);
                    })
                    .verify();
        }
        assertThat(server.requests()).singleElement().satisfies(r -> assertLookup(r, server, 6, "genres"));
    }

    @Test
    void aConnectionResetMidBodyIsRetriedAndTheLookupSucceeds() {
        server.faults().next(Fault.resetMidBody());
        StepVerifier.create(client.tracks().get(6, TrackInclude.GENRES))
                .assertNext(t -> assertThat(t.genres()).isNotEmpty())
                .verifyComplete();
        assertThat(server.requests()).hasSize(2).allSatisfy(r -> assertLookup(r, server, 6, "genres"));
    }

    // bodies that are not a track

    static Stream<Arguments> unreadableBodies() {
        return Stream.of(
                arguments(Named.of("malformed JSON", Fault.malformedJson()), ""),
                arguments(Named.of("an HTML page with 200", Fault.html(200)), "HTML"),
                arguments(Named.of("status error", json("{\"status\":\"error\",\"track\":null}")), "success"),
                arguments(
                        Named.of(
                                "an id that is not a number",
                                json("{\"status\":\"success\",\"track\":{\"id\":\"x\"}}")),
                        ""));
    }

    private static Fault json(String body) {
        return Fault.body(200, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableBodies")
    void aSuccessBodyThatIsNotATrackIsADecodingErrorAndNotRetried(Fault fault, String mentions) {
        server.faults().next(fault);
        StepVerifier.create(client.tracks().get(1))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(DecodingException.class).hasMessageContaining(mentions);
                    assertThat(((ApiException) e).attempts()).isEqualTo(1);
                })
                .verify();
        assertThat(server.requests()).singleElement().satisfies(r -> assertLookup(r, server, 1, ""));
    }
}
