package io.trackflow.beyondwords;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.core.http.HttpRequest;
import io.trackflow.core.http.HttpResponse;
import io.trackflow.core.http.HttpTransport;
import io.trackflow.core.http.ReactorNettyTransport;
import io.trackflow.core.http.ResponseHandler;
import io.trackflow.core.ratelimit.RateLimits;
import io.trackflow.testkit.FakeBeyondWords;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** A fixed client-side limit on a provider that sends no rate-limit figures (BeyondWords). */
class ClientSideRateLimitTest {

    /** Notes when each request leaves. */
    private static final class Timing implements HttpTransport {
        final HttpTransport delegate = ReactorNettyTransport.create();
        final List<Long> sent = new CopyOnWriteArrayList<>();

        @Override
        public Mono<HttpResponse> send(HttpRequest request) {
            return Mono.defer(() -> {
                sent.add(System.nanoTime());
                return delegate.send(request);
            });
        }

        @Override
        public <T> Mono<T> exchange(HttpRequest request, ResponseHandler<T> handler) {
            return Mono.defer(() -> {
                sent.add(System.nanoTime());
                return delegate.exchange(request, handler);
            });
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    @Test
    void aFixedLimitHoldsListingRequestsToItsRate() {
        int perSecond = 20;
        try (Timing timing = new Timing();
                FakeBeyondWords server = FakeBeyondWords.builder()
                        .syntheticTracks(100 * 50)
                        .recordRequests(false)
                        .start();
                BeyondWordsClient client = BeyondWordsClient.builder()
                        .apiKey(server.apiKey())
                        .baseUrl(server.baseUrl())
                        .transport(timing)
                        .rateLimiter(RateLimits.fixed(perSecond, Duration.ofSeconds(1)))
                        .build()) {
            long items = client.backgroundTracks()
                    .list(BackgroundTrackQuery.builder()
                            .pageSize(50)
                            .concurrency(4)
                            .build())
                    .count()
                    .block(Duration.ofSeconds(30));
            long first = timing.sent.get(0);
            long inThreeSeconds =
                    timing.sent.stream().filter(t -> t - first < 3_000_000_000L).count();
            double rate = inThreeSeconds / 3.0;
            System.out.printf(
                    "[figures] fixed(%d, 1 s) on list(): %d requests in the first 3 s, %.1f requests/s%n",
                    perSecond, inThreeSeconds, rate);
            assertThat(items).isEqualTo(100 * 50);
            assertThat(timing.sent).hasSize(100);
            assertThat(rate).isBetween(perSecond * 0.9, perSecond * 1.1);
        }
    }
}
