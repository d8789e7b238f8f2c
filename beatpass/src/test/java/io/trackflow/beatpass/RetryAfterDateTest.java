package io.trackflow.beatpass;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.beatpass.Hostile.Resp;
import io.trackflow.beatpass.model.Track;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code 429}'s {@code Retry-After} as an HTTP-date is read against the same response's {@code Date}: the
 * server's clock, however far from ours (it was once read against our clock: an hour of skew made a 2 s wait
 * an hour, past {@code maxRetryAfter}, or no wait at all).
 */
class RetryAfterDateTest {

    @ParameterizedTest
    @ValueSource(longs = {3600, -3600})
    void aRetryAfterDateWaitsWhatItSaysFromTheServersDate(long skewSeconds) {
        AtomicInteger n = new AtomicInteger();
        try (Hostile server = new Hostile(r -> {
                    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(skewSeconds);
                    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(now);
                    return n.getAndIncrement() == 0
                            ? new Resp(
                                    429,
                                    Map.of(
                                            "Content-Type",
                                            "application/json",
                                            "Date",
                                            date,
                                            "Retry-After",
                                            DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(2))),
                                    "{\"message\":\"Too Many Attempts.\"}",
                                    0)
                            : Resp.json("{\"status\":\"success\",\"track\":{\"id\":1,\"name\":\"x\"}}")
                                    .header("Date", date);
                });
                BeatPassClient client = server.client()) {
            long start = System.nanoTime();
            Track t = client.tracks().get(1).block(Duration.ofSeconds(30));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(t.id()).isEqualTo(1);
            assertThat(server.requests()).hasSize(2);
            // the date has whole seconds: 1 to 3 s from the 429 (never at once, never an hour)
            assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofSeconds(10));
        }
    }
}
