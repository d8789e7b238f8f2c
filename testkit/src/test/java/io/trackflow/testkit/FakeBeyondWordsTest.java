package io.trackflow.testkit;

import static io.trackflow.testkit.TestHttp.get;
import static io.trackflow.testkit.TestHttp.header;
import static io.trackflow.testkit.TestHttp.json;
import static io.trackflow.testkit.TestHttp.longHeader;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FakeBeyondWordsTest {

    private static HttpResponse<byte[]> list(FakeBeyondWords server, String query) {
        return get(server.baseUrl() + "/background_tracks" + query, "X-Api-Key", server.apiKey());
    }

    private static List<Long> ids(HttpResponse<byte[]> page) {
        return StreamSupport.stream(json(page).spliterator(), false)
                .map(t -> t.get("id").asLong())
                .collect(Collectors.toList());
    }

    @Test
    void pagesAreClampedAndCarryThePagingHeaders() {
        try (FakeBeyondWords server = FakeBeyondWords.start().seed(120)) {
            HttpResponse<byte[]> page = list(server, "?pagination%5Blimit%5D=100&pagination%5Boffset%5D=60");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(ids(page)).hasSize(50).first().isEqualTo(61L);
            assertThat(header(page, "X-Pagination-Total-Count")).isEqualTo("120");
            assertThat(header(page, "X-Pagination-Limit")).isEqualTo("50");
            assertThat(header(page, "X-Pagination-OffSet")).isEqualTo("60");
            assertThat(header(page, "Date")).isNotNull();
            assertThat(page.headers().firstValue("X-RateLimit-Limit")).isEmpty();
        }
    }

    @Test
    void ignoringTheOffsetServesTheFirstPageWhateverIsAsked() {
        try (FakeBeyondWords server = FakeBeyondWords.builder()
                .ignoreOffset(true)
                .maxPageSize(20)
                .start()
                .seed(100)) {
            HttpResponse<byte[]> first = list(server, "?pagination%5Blimit%5D=10");
            HttpResponse<byte[]> later = list(server, "?pagination%5Blimit%5D=10&pagination%5Boffset%5D=30");
            assertThat(ids(later)).isEqualTo(ids(first)).hasSize(10).first().isEqualTo(1L);
            assertThat(header(later, "X-Pagination-OffSet")).isEqualTo("0");
            assertThat(header(later, "X-Pagination-Total-Count")).isEqualTo("100");
            HttpResponse<byte[]> clamped = list(server, "?pagination%5Blimit%5D=500&pagination%5Boffset%5D=90");
            assertThat(ids(clamped)).hasSize(20).first().isEqualTo(1L);
            assertThat(header(clamped, "X-Pagination-Limit")).isEqualTo("20");
            HttpResponse<byte[]> filtered =
                    list(server, "?filter%5Bscopes%5D%5B%5D=secondary&pagination%5Boffset%5D=5");
            assertThat(header(filtered, "X-Pagination-OffSet")).isEqualTo("0");
            assertThat(header(filtered, "X-BeyondWords-Filter")).contains("secondary");
        }
    }

    @Test
    void ignoringTheOffsetAlsoAppliesToSyntheticListings() {
        try (FakeBeyondWords server = FakeBeyondWords.builder()
                .syntheticTracks(1_000)
                .ignoreOffset(true)
                .start()) {
            HttpResponse<byte[]> later = list(server, "?pagination%5Blimit%5D=5&pagination%5Boffset%5D=500");
            assertThat(ids(later)).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(header(later, "X-Pagination-OffSet")).isEqualTo("0");
            assertThat(header(later, "X-Pagination-Total-Count")).isEqualTo("1000");
        }
    }

    @Test
    void omittedHeadersAreStrippedFromEveryResponse() {
        try (FakeBeyondWords server = FakeBeyondWords.builder()
                .omitHeaders("x-pagination-offset")
                .omitHeaders("X-Pagination-Total-Count")
                .start()
                .seed(30)) {
            HttpResponse<byte[]> page = list(server, "?pagination%5Boffset%5D=10");
            assertThat(page.headers().map().keySet())
                    .noneMatch(n -> n.equalsIgnoreCase("X-Pagination-OffSet")
                            || n.equalsIgnoreCase("X-Pagination-Total-Count"));
            assertThat(header(page, "X-Pagination-Limit")).isEqualTo("10");
            assertThat(ids(page)).first().isEqualTo(11L);
            server.faults().next(Fault.truncatedJson());
            assertThat(list(server, "").headers().firstValue("X-Pagination-OffSet"))
                    .isEmpty();
        }
    }

    @Test
    void aRateLimitAnswersInTheProvidersShapeWithoutHeadersByDefault() {
        try (FakeBeyondWords server = FakeBeyondWords.builder()
                .rateLimit(2, Duration.ofSeconds(1))
                .start()
                .seed(5)) {
            HttpResponse<byte[]> ok = list(server, "");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().map().keySet())
                    .noneMatch(n -> n.toLowerCase().startsWith("x-ratelimit"));
            assertThat(list(server, "").statusCode()).isEqualTo(200);
            HttpResponse<byte[]> refused = list(server, "");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(longHeader(refused, "Retry-After")).isEqualTo(1);
            JsonNode body = json(refused);
            assertThat(body.size()).isEqualTo(1);
            assertThat(body.get("message").isString()).isTrue();
            assertThat(refused.headers().map().keySet())
                    .noneMatch(n -> n.toLowerCase().startsWith("x-ratelimit"));
            assertThat(server.rateLimitedCount()).isEqualTo(1);
            TestHttp.sleepUntil(Instant.now().plusSeconds(1));
            assertThat(list(server, "").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void rateLimitHeadersCanBeTurnedOn() {
        try (FakeBeyondWords server = FakeBeyondWords.builder()
                .rateLimit(5, Duration.ofSeconds(10))
                .rateLimitHeaders(true)
                .rateLimitResetAsDelta(true)
                .start()
                .seed(5)) {
            HttpResponse<byte[]> ok = get(server.baseUrl() + "/background_tracks/3", "X-Api-Key", server.apiKey());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(header(ok, "X-RateLimit-Limit")).isEqualTo("5");
            assertThat(header(ok, "X-RateLimit-Remaining")).isEqualTo("4");
            assertThat(longHeader(ok, "X-RateLimit-Reset")).isEqualTo(10);
            HttpResponse<byte[]> unauthorized = get(server.baseUrl() + "/background_tracks/3");
            assertThat(unauthorized.statusCode()).isEqualTo(401);
            assertThat(header(unauthorized, "X-RateLimit-Remaining")).isEqualTo("3");
        }
    }

    @Test
    void injected429sStillHaveNoRetryAfterUnlessTheFaultSaysSo() {
        try (FakeBeyondWords server = FakeBeyondWords.start().seed(1)) {
            server.faults().next(Fault.status(429));
            HttpResponse<byte[]> r = list(server, "");
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.headers().firstValue("Retry-After")).isEmpty();
            assertThat(server.rateLimitedCount()).isZero();
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }
}
