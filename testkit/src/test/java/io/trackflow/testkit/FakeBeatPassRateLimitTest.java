package io.trackflow.testkit;

import static io.trackflow.testkit.TestHttp.date;
import static io.trackflow.testkit.TestHttp.get;
import static io.trackflow.testkit.TestHttp.header;
import static io.trackflow.testkit.TestHttp.json;
import static io.trackflow.testkit.TestHttp.longHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class FakeBeatPassRateLimitTest {

    private static HttpResponse<byte[]> track(FakeBeatPass server, String path, String... extra) {
        List<String> headers =
                new ArrayList<>(List.of("Accept", "application/json", "Authorization", "Bearer " + server.token()));
        headers.addAll(List.of(extra));
        return get(server.baseUrl() + path, headers.toArray(String[]::new));
    }

    private static long epochSecondsCeil(Instant t) {
        return t.getNano() == 0 ? t.getEpochSecond() : t.getEpochSecond() + 1;
    }

    @Test
    void theLimitPassesThenA429SaysHowLongToWait() {
        try (FakeBeatPass server = FakeBeatPass.builder()
                .rateLimit(3, Duration.ofSeconds(2))
                .start()
                .seed(5)) {
            Instant before = Instant.now();
            List<HttpResponse<byte[]>> ok = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                ok.add(track(server, "/tracks/" + i));
            }
            Instant after = Instant.now();
            assertThat(ok).extracting(HttpResponse::statusCode).containsOnly(200);
            assertThat(ok).extracting(r -> header(r, "X-RateLimit-Limit")).containsOnly("3");
            assertThat(ok).extracting(r -> header(r, "X-RateLimit-Remaining")).containsExactly("2", "1", "0");
            // one window, opened by the first request: the same reset, its end rounded up to the second
            assertThat(ok)
                    .extracting(r -> header(r, "X-RateLimit-Reset"))
                    .containsOnly(header(ok.get(0), "X-RateLimit-Reset"));
            long reset = longHeader(ok.get(0), "X-RateLimit-Reset");
            assertThat(reset)
                    .isBetween(epochSecondsCeil(before.plusSeconds(2)), epochSecondsCeil(after.plusSeconds(2)));

            HttpResponse<byte[]> refused = track(server, "/tracks/4");
            assertThat(refused.statusCode()).isEqualTo(429);
            long retryAfter = longHeader(refused, "Retry-After");
            assertThat(retryAfter).isBetween(1L, 2L);
            JsonNode body = json(refused);
            assertThat(body.get("message").asString()).isEqualTo("Too Many Attempts.");
            assertThat(body.get("retry_after").isIntegralNumber()).isTrue();
            assertThat(body.get("retry_after").asLong()).isEqualTo(retryAfter);
            assertThat(header(refused, "X-RateLimit-Remaining")).isEqualTo("0");
            assertThat(longHeader(refused, "X-RateLimit-Reset")).isEqualTo(reset);
            assertThat(header(refused, "Date")).isNotNull();
            assertThat(server.rateLimitedCount()).isEqualTo(1);
            assertThat(server.requestCount()).isEqualTo(4);
        }
    }

    @Test
    void refusedRequestsAreNotCountedAndTheNextWindowStartsFresh() {
        try (FakeBeatPass server = FakeBeatPass.builder()
                .rateLimit(2, Duration.ofSeconds(1))
                .start()
                .seed(3)) {
            assertThat(track(server, "/tracks/1").statusCode()).isEqualTo(200);
            HttpResponse<byte[]> last = track(server, "/tracks/2");
            assertThat(last.statusCode()).isEqualTo(200);
            for (int i = 0; i < 5; i++) {
                assertThat(track(server, "/tracks/3").statusCode()).isEqualTo(429);
            }
            TestHttp.sleepUntil(Instant.ofEpochSecond(longHeader(last, "X-RateLimit-Reset")));
            HttpResponse<byte[]> fresh = track(server, "/tracks/1");
            assertThat(fresh.statusCode()).isEqualTo(200);
            assertThat(header(fresh, "X-RateLimit-Remaining")).isEqualTo("1");
            assertThat(track(server, "/tracks/2").statusCode()).isEqualTo(200);
            assertThat(track(server, "/tracks/3").statusCode()).isEqualTo(429);
            assertThat(server.rateLimitedCount()).isEqualTo(6);
        }
    }

    @Test
    void waitingRetryAfterIsEnough() {
        try (FakeBeatPass server = FakeBeatPass.builder()
                .rateLimit(1, Duration.ofMillis(1_500))
                .start()
                .seed(2)) {
            assertThat(track(server, "/tracks/1").statusCode()).isEqualTo(200);
            HttpResponse<byte[]> refused = track(server, "/tracks/2");
            assertThat(refused.statusCode()).isEqualTo(429);
            Instant answered = Instant.now();
            TestHttp.sleepUntil(answered.plusSeconds(longHeader(refused, "Retry-After")));
            assertThat(track(server, "/tracks/2").statusCode()).isEqualTo(200);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "200, /tracks/1",
        "404, /tracks/999",
        "410, /tracks/2",
        "422, /tracks/1?with=lyrics",
        "401, /tracks/1?wrong-token",
        "302, /tracks/1?wrong-token-no-accept",
    })
    void everyAnswerCarriesTheRateLimitHeadersAndADate(int status, String path) {
        try (FakeBeatPass server = FakeBeatPass.builder()
                .rateLimit(10, Duration.ofMinutes(1))
                .start()
                .seed(3)) {
            server.removeTrack(2);
            HttpResponse<byte[]> r;
            if (path.endsWith("?wrong-token")) {
                r = get(server.baseUrl() + "/tracks/1", "Accept", "application/json", "Authorization", "Bearer nope");
            } else if (path.endsWith("?wrong-token-no-accept")) {
                r = get(server.baseUrl() + "/tracks/1", "Authorization", "Bearer nope");
            } else {
                r = track(server, path);
            }
            assertThat(r.statusCode()).isEqualTo(status);
            assertThat(header(r, "X-RateLimit-Limit")).isEqualTo("10");
            assertThat(header(r, "X-RateLimit-Remaining")).isEqualTo("9");
            assertThat(longHeader(r, "X-RateLimit-Reset"))
                    .isGreaterThan(Instant.now().getEpochSecond());
            assertThat(Duration.between(date(r), Instant.now()).abs()).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void concurrentRequestsOnSeveralEventLoopsAreCountedExactly() {
        try (FakeBeatPass server = FakeBeatPass.builder()
                .rateLimit(50, Duration.ofMinutes(1))
                .recordRequests(false)
                .start()
                .seed(10)) {
            List<CompletableFuture<HttpResponse<byte[]>>> calls = IntStream.rangeClosed(1, 200)
                    .mapToObj(i -> TestHttp.getAsync(
                            server.baseUrl() + "/tracks/" + (1 + i % 10),
                            "Accept",
                            "application/json",
                            "Authorization",
                            "Bearer " + server.token()))
                    .collect(Collectors.toList());
            List<HttpResponse<byte[]>> all =
                    calls.stream().map(CompletableFuture::join).collect(Collectors.toList());
            List<HttpResponse<byte[]>> ok =
                    all.stream().filter(r -> r.statusCode() == 200).collect(Collectors.toList());
            assertThat(ok).hasSize(50);
            assertThat(all)
                    .filteredOn(r -> r.statusCode() != 200)
                    .hasSize(150)
                    .allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(429));
            // each allowed request saw its own place in the window
            assertThat(ok)
                    .extracting(r -> Integer.parseInt(header(r, "X-RateLimit-Remaining")))
                    .containsExactlyInAnyOrderElementsOf(
                            IntStream.range(0, 50).boxed().collect(Collectors.toList()));
            assertThat(server.rateLimitedCount()).isEqualTo(150);
            assertThat(server.requestCount()).isEqualTo(200);
            assertThat(server.requests()).isEmpty();
            server.clearRequests();
            assertThat(server.rateLimitedCount()).isZero();
            assertThat(server.requestCount()).isZero();
        }
    }

    @Test
    void resetCanBeSentAsSecondsUntilTheWindowEnds() {
        try (FakeBeatPass server = FakeBeatPass.builder()
                .rateLimit(1, Duration.ofSeconds(30))
                .rateLimitResetAsDelta(true)
                .start()
                .seed(2)) {
            HttpResponse<byte[]> ok = track(server, "/tracks/1");
            assertThat(longHeader(ok, "X-RateLimit-Reset")).isEqualTo(30);
            HttpResponse<byte[]> refused = track(server, "/tracks/2");
            assertThat(longHeader(refused, "X-RateLimit-Reset"))
                    .isBetween(1L, 30L)
                    .isEqualTo(longHeader(refused, "Retry-After"));
        }
    }

    @Test
    void aSkewedClockShiftsDateAndTheEpochResetButNotRetryAfter() {
        Duration skew = Duration.ofHours(-1).minusSeconds(7);
        try (FakeBeatPass server = FakeBeatPass.builder()
                .rateLimit(1, Duration.ofSeconds(20))
                .clockSkew(skew)
                .start()
                .seed(2)) {
            HttpResponse<byte[]> ok = track(server, "/tracks/1");
            Instant serverNow = date(ok);
            assertThat(Duration.between(Instant.now().plus(skew), serverNow).abs())
                    .isLessThan(Duration.ofSeconds(2));
            // by the server's own clock the window ends in 20 s; by ours, an hour and 7 s before that
            long reset = longHeader(ok, "X-RateLimit-Reset");
            assertThat(reset - serverNow.getEpochSecond()).isBetween(19L, 21L);
            HttpResponse<byte[]> refused = track(server, "/tracks/2");
            assertThat(longHeader(refused, "Retry-After")).isBetween(18L, 20L);
            assertThat(json(refused).get("retry_after").asLong()).isEqualTo(longHeader(refused, "Retry-After"));
        }
    }

    @Test
    void aFlooredResetIsNeverLaterThanTheWindowsEndAndDateIsWholeSeconds() {
        try (FakeBeatPass server = FakeBeatPass.builder()
                .rateLimit(5, Duration.ofSeconds(3))
                .rateLimitResetRounding(RoundingMode.FLOOR)
                .start()
                .seed(2)) {
            long before = System.currentTimeMillis();
            HttpResponse<byte[]> ok = track(server, "/tracks/1");
            long after = System.currentTimeMillis();
            long reset = longHeader(ok, "X-RateLimit-Reset");
            // the window opened within [before, after] and ends 3 s later; the reset is that end floored
            assertThat(reset).isBetween(Math.floorDiv(before + 3_000, 1_000), Math.floorDiv(after + 3_000, 1_000));
            assertThat(date(ok).getNano()).isZero();
            assertThat(date(ok).getEpochSecond()).isBetween(Math.floorDiv(before, 1_000), Math.floorDiv(after, 1_000));
        }
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FakeBeatPass.builder().rateLimitResetRounding(RoundingMode.HALF_UP))
                .withMessageContaining("CEILING or FLOOR");
    }

    @Test
    void theDefaultIs300AMinuteAndRateLimitPerMinuteIsAMinuteWindow() {
        try (FakeBeatPass server = FakeBeatPass.start().seed(1)) {
            HttpResponse<byte[]> r = track(server, "/tracks/1");
            assertThat(header(r, "X-RateLimit-Limit")).isEqualTo("300");
            assertThat(longHeader(r, "X-RateLimit-Reset") - Instant.now().getEpochSecond())
                    .isBetween(58L, 61L);
        }
        try (FakeBeatPass server =
                FakeBeatPass.builder().rateLimitPerMinute(7).start().seed(1)) {
            HttpResponse<byte[]> r = track(server, "/tracks/1");
            assertThat(header(r, "X-RateLimit-Limit")).isEqualTo("7");
            assertThat(header(r, "X-RateLimit-Remaining")).isEqualTo("6");
            assertThat(longHeader(r, "X-RateLimit-Reset") - Instant.now().getEpochSecond())
                    .isBetween(58L, 61L);
        }
    }

    @Test
    void requestsAnsweredByAFaultAreNotCounted() {
        try (FakeBeatPass server = FakeBeatPass.builder()
                .rateLimit(2, Duration.ofMinutes(1))
                .start()
                .seed(2)) {
            server.faults().next(Fault.status(503));
            HttpResponse<byte[]> fault = track(server, "/tracks/1");
            assertThat(fault.statusCode()).isEqualTo(503);
            assertThat(header(fault, "X-RateLimit-Remaining")).isEqualTo("2");
            assertThat(header(track(server, "/tracks/1"), "X-RateLimit-Remaining"))
                    .isEqualTo("1");
            server.faults().next(Fault.status(429));
            HttpResponse<byte[]> injected = track(server, "/tracks/1");
            assertThat(injected.statusCode()).isEqualTo(429);
            assertThat(header(injected, "X-RateLimit-Remaining")).isEqualTo("0");
            assertThat(json(injected).get("retry_after").asLong()).isEqualTo(longHeader(injected, "Retry-After"));
            server.faults().next(Fault.rateLimited("7"));
            HttpResponse<byte[]> told = track(server, "/tracks/1");
            assertThat(header(told, "Retry-After")).isEqualTo("7");
            assertThat(json(told).get("retry_after").asLong()).isEqualTo(7);
            assertThat(header(track(server, "/tracks/2"), "X-RateLimit-Remaining"))
                    .isEqualTo("0");
            assertThat(server.rateLimitedCount()).isZero();
            assertThat(server.requestCount()).isEqualTo(5);
        }
    }

    @Test
    void omittedHeadersAreStripped() {
        try (FakeBeatPass server = FakeBeatPass.builder()
                .omitHeaders("x-ratelimit-reset", "Date")
                .start()
                .seed(1)) {
            HttpResponse<byte[]> r = track(server, "/tracks/1");
            assertThat(r.headers().firstValue("X-RateLimit-Reset")).isEmpty();
            assertThat(r.headers().firstValue("Date")).isEmpty();
            assertThat(header(r, "X-RateLimit-Remaining")).isEqualTo("299");
        }
    }
}
