package io.trackflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.core.http.ReactorNettyTransport;
import io.trackflow.testkit.FakeBeyondWords;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 1,000 listings cancelled at random points with concurrency 1..8: nothing is sent after a cancel
 * has completed, connections go back to the pool (a small, strict pool would otherwise run dry), and
 * no buffer leaks (the Netty leak guard fails the class otherwise).
 */
class CancellationTest {

    private static FakeBeyondWords server;
    private static ReactorNettyTransport transport;
    private static BeyondWordsClient client;
    static long listings;
    static long requests;

    @BeforeAll
    static void start() {
        server = FakeBeyondWords.builder()
                .apiKey(Secrets.API_KEY)
                .maxPageSize(50)
                .start()
                .seed(2_000);
        // a small pool that fails fast: a leaked connection would show as pool exhaustion
        transport = ReactorNettyTransport.builder()
                .maxConnections(16)
                .pendingAcquireMaxCount(256)
                .pendingAcquireTimeout(Duration.ofSeconds(5))
                .build();
        client = BeyondWordsClient.builder()
                .apiKey(Secrets.API_KEY)
                .baseUrl(server.baseUrl())
                .transport(transport)
                .build();
    }

    @AfterAll
    static void stop() {
        System.out.printf(
                "[figures] cancellation: %d listings cancelled at random points, %d requests, 0 sent after cancel%n",
                listings, requests);
        client.close();
        transport.close();
        server.close();
    }

    @Test
    void randomCancellationsLeaveNothingBehind() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 1_000; i++) {
            int concurrency = 1 + random.nextInt(8);
            BackgroundTrackQuery q = BackgroundTrackQuery.builder()
                    .pageSize(50)
                    .concurrency(concurrency)
                    .build();
            if (random.nextBoolean()) {
                // cancel by demand: take(n)
                int n = 1 + random.nextInt(2_000);
                Long got = client.backgroundTracks().list(q).take(n).count().block(Duration.ofSeconds(30));
                assertThat(got).isEqualTo(n);
            } else {
                // cancel by dispose, after a random number of items
                int after = 1 + random.nextInt(1_500);
                Mono<Void> cancelled = Mono.create(sink -> client.backgroundTracks()
                        .list(q)
                        .subscribe(new BaseSubscriber<BackgroundTrack>() {
                            private long seen;

                            @Override
                            protected void hookOnNext(BackgroundTrack t) {
                                if (++seen >= after) {
                                    dispose(); // cancels the listing, as Disposable.dispose() would
                                    sink.success();
                                }
                            }

                            @Override
                            protected void hookOnError(Throwable e) {
                                sink.error(e);
                            }

                            @Override
                            protected void hookOnComplete() {
                                sink.success();
                            }
                        }));
                cancelled.block(Duration.ofSeconds(30));
            }
            listings++;
        }
        // in-flight requests land, then nothing more may come
        Flux.just(1).delayElements(Duration.ofMillis(300)).blockLast();
        int sent = server.requests().size();
        Flux.just(1).delayElements(Duration.ofMillis(500)).blockLast();
        assertThat(server.requests()).hasSize(sent);
        requests = sent;
        // the pool is intact: a full listing with 8 pages in flight still works
        assertThat(client.backgroundTracks()
                        .list(BackgroundTrackQuery.builder().concurrency(8).build())
                        .count()
                        .block())
                .isEqualTo(2_000);
    }
}
