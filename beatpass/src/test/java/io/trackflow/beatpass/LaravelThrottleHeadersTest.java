package io.trackflow.beatpass;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.beatpass.Hostile.Resp;
import io.trackflow.beatpass.model.Track;
import io.trackflow.beatpass.model.TrackLookupOptions;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * Laravel's {@code throttle} middleware sends {@code X-RateLimit-Limit} and {@code X-RateLimit-Remaining} on a
 * success and adds {@code X-RateLimit-Reset} only to its {@code 429}: calls still go as many at a time as asked
 * while the window has room (they once went one at a time for good, each a probe for the missing reset).
 */
class LaravelThrottleHeadersTest {

    @Test
    void lookupsGoConcurrentlyWhenSuccessesCarryNoReset() {
        AtomicInteger counted = new AtomicInteger();
        try (Hostile server = new Hostile(r -> {
                    long id = Long.parseLong(r.path().substring(r.path().lastIndexOf('/') + 1));
                    return Resp.json("{\"status\":\"success\",\"track\":{\"id\":" + id + ",\"name\":\"t\"}}")
                            .delay(100)
                            .header("X-RateLimit-Limit", "300")
                            .header("X-RateLimit-Remaining", String.valueOf(300 - counted.incrementAndGet()));
                });
                BeatPassClient client = server.client()) {
            List<Long> ids = client.tracks()
                    .getAll(
                            Flux.range(1, 24).map(Long::valueOf),
                            TrackLookupOptions.builder().concurrency(8).build())
                    .map(Track::id)
                    .collectList()
                    .block();
            assertThat(ids).hasSize(24).isSorted();
            assertThat(server.maxInFlight.get()).isEqualTo(8);
        }
    }

    @Test
    void aSpentWindowWithoutAResetSendsOneAtATimeUntilTheCountRises() {
        AtomicInteger counted = new AtomicInteger();
        try (Hostile server = new Hostile(r -> {
                    long id = Long.parseLong(r.path().substring(r.path().lastIndexOf('/') + 1));
                    // 3 a window, a new window every 6 requests counted
                    int n = counted.incrementAndGet();
                    return Resp.json("{\"status\":\"success\",\"track\":{\"id\":" + id + ",\"name\":\"t\"}}")
                            .delay(30)
                            .header("X-RateLimit-Limit", "3")
                            .header("X-RateLimit-Remaining", String.valueOf(Math.max(0, 3 - n % 6)));
                });
                BeatPassClient client = server.client()) {
            List<Long> ids = client.tracks()
                    .getAll(
                            Flux.range(1, 30).map(Long::valueOf),
                            TrackLookupOptions.builder().concurrency(8).build())
                    .map(Track::id)
                    .collectList()
                    .block();
            assertThat(ids).hasSize(30);
            assertThat(server.maxInFlight.get()).isBetween(2, 3);
        }
    }
}
