package io.trackflow.beatpass;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.beatpass.model.Track;
import io.trackflow.beatpass.model.TrackLookupOptions;
import io.trackflow.core.error.RateLimitException;
import io.trackflow.core.ratelimit.RateLimits;
import io.trackflow.testkit.FakeBeatPass;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Header-driven pacing against a fake that enforces Laravel-style windows, over real loopback HTTP.
 * Windows are 1 s, so these tests take real seconds (about 45 in all).
 */
class RateLimitPacingTest {

    private static final int PER_WINDOW = 20;
    private static final Duration WINDOW = Duration.ofSeconds(1);

    private static List<Long> ids(int n) {
        return LongStream.rangeClosed(1, n).boxed().collect(Collectors.toList());
    }

    private static double ratioToIdeal(long startedNanos, int windows) {
        double ideal = (windows - 1) * (double) WINDOW.toNanos();
        return (System.nanoTime() - startedNanos) / ideal;
    }

    /**
     * Floored is Laravel's rounding (the window may run on for up to a second after its reset); rounded
     * up, the fake is kinder than any real server, and the limiter, which cannot tell from the figures a
     * window rounded up from a floored one a second longer, waits up to a second more per window: with
     * windows of one second, that is up to twice the time.
     */
    @ParameterizedTest(name = "Reset as {0}, {1}, server clock {2} ms off")
    @CsvSource({
        "epoch seconds, FLOOR, 0",
        "seconds until the reset, FLOOR, 0",
        "epoch seconds, FLOOR, 7300",
        "epoch seconds, FLOOR, -5600",
        "seconds until the reset, FLOOR, 2500",
        "epoch seconds, CEILING, 0"
    })
    void sixWindowsOfLookupsNeverMeetA429AndArriveInOrder(String resetForm, RoundingMode rounding, long skewMillis) {
        try (FakeBeatPass server = FakeBeatPass.builder()
                        .rateLimit(PER_WINDOW, WINDOW)
                        .rateLimitResetAsDelta(resetForm.startsWith("seconds"))
                        .rateLimitResetRounding(rounding)
                        .clockSkew(Duration.ofMillis(skewMillis))
                        .recordRequests(false)
                        .start()
                        .seed(6 * PER_WINDOW);
                BeatPassClient client = BeatPassClient.builder()
                        .token(server.token())
                        .baseUrl(server.baseUrl())
                        .build()) {
            long started = System.nanoTime();
            List<Track> tracks = client.tracks()
                    .getAll(
                            Flux.fromIterable(ids(6 * PER_WINDOW)),
                            TrackLookupOptions.builder().concurrency(8).build())
                    .collectList()
                    .block(Duration.ofSeconds(30));
            double ratio = ratioToIdeal(started, 6);
            System.out.printf(
                    "[figures] pacing (%s, %s, skew %d ms): 6 windows of %d in %.2f x the ideal (windows - 1) x window,"
                            + " %d answered 429, %d calls held%n",
                    resetForm,
                    rounding,
                    skewMillis,
                    PER_WINDOW,
                    ratio,
                    server.rateLimitedCount(),
                    client.lastRateLimit().map(RateLimitStatus::callsHeld).orElse(-1L));
            assertThat(tracks).extracting(Track::id).containsExactlyElementsOf(ids(6 * PER_WINDOW));
            assertThat(server.rateLimitedCount()).isZero();
            // the benchmark holds it to 1.10; here only gross slowness fails
            assertThat(ratio).isLessThan(rounding == RoundingMode.FLOOR ? 1.5 : 3.0);
        }
    }

    @Test
    void fourStreamsOnOneClientShareTheBudgetWithoutA429() {
        try (FakeBeatPass server = FakeBeatPass.builder()
                        .rateLimit(PER_WINDOW, WINDOW)
                        .rateLimitResetRounding(RoundingMode.FLOOR)
                        .recordRequests(false)
                        .start()
                        .seed(6 * PER_WINDOW);
                BeatPassClient client = BeatPassClient.builder()
                        .token(server.token())
                        .baseUrl(server.baseUrl())
                        .build()) {
            long started = System.nanoTime();
            List<List<Track>> streams = Flux.range(0, 4)
                    .flatMap(s -> client.tracks()
                            .getAll(Flux.fromIterable(ids(6 * PER_WINDOW)).filter(id -> id % 4 == s))
                            .collectList())
                    .collectList()
                    .block(Duration.ofSeconds(30));
            System.out.printf(
                    "[figures] pacing, 4 streams on one client: %.2f x the ideal, %d answered 429%n",
                    ratioToIdeal(started, 6), server.rateLimitedCount());
            assertThat(streams).hasSize(4).allSatisfy(s -> assertThat(s).hasSize(6 * PER_WINDOW / 4));
            assertThat(server.rateLimitedCount()).isZero();
        }
    }

    @Test
    void aCallWhoseDeadlineIsShorterThanTheHoldFailsAtOnceWithRateLimitException() {
        try (FakeBeatPass server = FakeBeatPass.builder()
                        .rateLimit(2, Duration.ofSeconds(30))
                        .start()
                        .seed(10);
                BeatPassClient client = BeatPassClient.builder()
                        .token(server.token())
                        .baseUrl(server.baseUrl())
                        .totalTimeout(Duration.ofSeconds(5))
                        .build()) {
            client.tracks().get(1).block();
            client.tracks().get(2).block(); // the window is spent for 30 s
            long started = System.nanoTime();
            StepVerifier.create(client.tracks().get(3))
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(RateLimitException.class);
                        assertThat(((RateLimitException) e).retryAfter())
                                .hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofSeconds(5)));
                    })
                    .verify(Duration.ofSeconds(5));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf("[figures] a 5 s call held for ~30 s failed after %d ms%n", took.toMillis());
            assertThat(took).isLessThan(Duration.ofSeconds(5)); // never the bare TOTAL timeout
            assertThat(server.rateLimitedCount()).isZero(); // it never reached the server
        }
    }

    @Test
    void a429HoldsEveryCallOfTheClientWithoutSpendingRetries() {
        try (FakeBeatPass server = FakeBeatPass.builder().start().seed(20);
                BeatPassClient client = BeatPassClient.builder()
                        .token(server.token())
                        .baseUrl(server.baseUrl())
                        .retryPolicy(io.trackflow.core.retry.RetryPolicy.builder()
                                .maxRetries(1)
                                .build())
                        .build()) {
            server.faults().next(io.trackflow.testkit.Fault.rateLimited("1"));
            long started = System.nanoTime();
            // the first lookup meets the 429; the others, started at once, are held with it
            List<Track> got = Flux.range(1, 5)
                    .flatMap(id -> client.tracks().get(id), 5)
                    .collectList()
                    .block(Duration.ofSeconds(10));
            assertThat(got).hasSize(5);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
            assertThat(client.lastRateLimit())
                    .hasValueSatisfying(s -> assertThat(s.callsHeld()).isPositive());
        }
    }

    @Test
    void cancellingAHeldCallFreesItsPlace() {
        try (FakeBeatPass server = FakeBeatPass.builder()
                        .rateLimit(1, Duration.ofSeconds(2))
                        .start()
                        .seed(5);
                BeatPassClient client = BeatPassClient.builder()
                        .token(server.token())
                        .baseUrl(server.baseUrl())
                        .build()) {
            client.tracks().get(1).block();
            reactor.core.Disposable held = client.tracks().get(2).subscribe();
            assertThat(client.lastRateLimit()).isPresent();
            held.dispose();
            // the held call never reaches the server, and the next one is not queued behind it
            StepVerifier.create(client.tracks().get(3)).expectNextCount(1).verifyComplete();
            assertThat(server.requestCount()).isEqualTo(2);
            assertThat(server.rateLimitedCount()).isZero();
        }
    }

    @Test
    void theDefaultForBeatPassIsHeaderPacingAndNoneCanBeChosen() {
        try (FakeBeatPass server = FakeBeatPass.builder()
                        .rateLimit(3, Duration.ofSeconds(30))
                        .start()
                        .seed(10);
                BeatPassClient unpaced = BeatPassClient.builder()
                        .token(server.token())
                        .baseUrl(server.baseUrl())
                        .rateLimiter(RateLimits.none())
                        .retryPolicy(io.trackflow.core.retry.RetryPolicy.none())
                        .build()) {
            StepVerifier.create(
                            Flux.range(1, 4).concatMap(id -> unpaced.tracks().get(id)))
                    .expectNextCount(3)
                    .expectError(RateLimitException.class)
                    .verify(Duration.ofSeconds(10));
            assertThat(server.rateLimitedCount()).isEqualTo(1);
        }
    }
}
