package io.trackflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.core.error.ApiException;
import io.trackflow.core.error.DecodingException;
import io.trackflow.core.error.RateLimitException;
import io.trackflow.core.error.ServerException;
import io.trackflow.core.error.TimeoutException;
import io.trackflow.core.http.ReactorNettyTransport;
import io.trackflow.core.paging.PageCursor;
import io.trackflow.core.retry.RetryPolicy;
import io.trackflow.testkit.FakeBeyondWords;
import io.trackflow.testkit.Fault;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;

/**
 * Every fault of the list, struck in the middle of a listing: the listing either completes with
 * every item exactly once, in order, or fails with the right typed exception whose cursor resumes
 * it with no gap and no duplicate.
 */
class FaultsMidListingTest {

    private static FakeBeyondWords server;
    private static ReactorNettyTransport transport;
    private static BeyondWordsClient client;
    static final List<String> figures = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = FakeBeyondWords.builder().apiKey(Secrets.API_KEY).start().seed(1_000);
        transport = ReactorNettyTransport.builder()
                .responseTimeout(Duration.ofMillis(300))
                .build();
        client = BeyondWordsClient.builder()
                .apiKey(Secrets.API_KEY)
                .baseUrl(server.baseUrl())
                .transport(transport)
                .retryPolicy(RetryPolicy.builder()
                        .initialBackoff(Duration.ofMillis(5))
                        .maxBackoff(Duration.ofMillis(20))
                        .maxRetryAfter(Duration.ofSeconds(2))
                        .build())
                .build();
    }

    @AfterAll
    static void stop() {
        figures.forEach(f -> System.out.println("[figures] " + f));
        client.close();
        transport.close();
        server.close();
        Secrets.seen(client);
        Secrets.assertNoneLeaked();
    }

    static Stream<Arguments> faults() {
        String soon = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(1));
        return Stream.of(
                Arguments.of("connection reset mid-body", Fault.resetMidBody(), 1, null),
                Arguments.of("connection reset before the response", Fault.resetBeforeResponse(), 1, null),
                Arguments.of("truncated JSON", Fault.truncatedJson(), 1, DecodingException.class),
                Arguments.of("malformed JSON", Fault.malformedJson(), 1, DecodingException.class),
                Arguments.of("HTML 502 page", Fault.html(502), 2, null),
                Arguments.of("429 with Retry-After seconds", Fault.rateLimited("1"), 1, null),
                Arguments.of("429 with Retry-After HTTP-date", Fault.rateLimited(soon), 1, null),
                Arguments.of(
                        "429 with Retry-After beyond the cap", Fault.rateLimited("3600"), 1, RateLimitException.class),
                Arguments.of("503 storm beyond the retry budget", Fault.status(503), 4, ServerException.class),
                Arguments.of(
                        "slow first byte past the response timeout", Fault.latency(Duration.ofMillis(800)), 1, null),
                Arguments.of("stalled body", Fault.stall(), 1, null),
                Arguments.of(
                        "slow first byte on every retry",
                        Fault.latency(Duration.ofMillis(800)),
                        4,
                        TimeoutException.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void aListingSurvivesOrResumesExactly(String name, Fault fault, int times, Class<? extends ApiException> expected) {
        server.faults().clear();
        server.faults()
                .inject(
                        r -> r.path().equals("/v1/background_tracks")
                                && r.queryParam("pagination[offset]").equals(Optional.of("500")),
                        fault,
                        times);
        BackgroundTrackQuery query =
                BackgroundTrackQuery.builder().pageSize(50).concurrency(4).build();
        List<BackgroundTrack> seen = new ArrayList<>();
        ApiException[] failure = {null};
        client.backgroundTracks()
                .list(query)
                .doOnNext(seen::add)
                .onErrorResume(ApiException.class, e -> {
                    failure[0] = e;
                    return Flux.empty();
                })
                .blockLast(Duration.ofSeconds(60));
        if (expected == null) {
            assertThat(failure[0]).as("no error expected for %s", name).isNull();
        } else {
            assertThat(failure[0]).isInstanceOf(expected);
            Secrets.seen(failure[0]);
            PageCursor cursor = failure[0].resumeCursor().orElseThrow();
            assertThat(cursor.offset()).isEqualTo(seen.size());
            server.faults().clear();
            client.backgroundTracks()
                    .list(BackgroundTrackQuery.builder()
                            .from(query)
                            .startAt(PageCursor.parse(cursor.toString()))
                            .build())
                    .doOnNext(seen::add)
                    .blockLast(Duration.ofSeconds(60));
        }
        assertThat(seen.stream().map(BackgroundTrack::id).collect(Collectors.toList()))
                .isEqualTo(server.trackIds());
        synchronized (figures) {
            figures.add(name + ": " + (expected == null ? "completed" : expected.getSimpleName() + ", resumed")
                    + ", items lost 0");
        }
    }
}
