package io.trackflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.beatpass.BeatPassClient;
import io.trackflow.beatpass.model.Track;
import io.trackflow.core.error.TransportException;
import io.trackflow.core.http.ReactorNettyTransport;
import io.trackflow.testkit.FakeBeatPass;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** 10,000 concurrent BeatPass lookups through one 64-connection pool. */
class LoadTest {

    private static FakeBeatPass server;
    static long peakHeapGrowth;

    @BeforeAll
    static void start() {
        server = FakeBeatPass.builder()
                .token(Secrets.TOKEN)
                .rateLimitPerMinute(1_000_000)
                .start()
                .seed(10_000);
    }

    @AfterAll
    static void stop() {
        System.out.printf(
                "[figures] load: 3 x 10,000 concurrent lookups through 64 connections, heap growth over rounds "
                        + "2-3 after GC %.1f MiB%n",
                peakHeapGrowth / 1048576.0);
        server.close();
    }

    private static long usedHeap() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    @Test
    void tenThousandConcurrentLookupsAllSucceedThroughSixtyFourConnections() {
        try (ReactorNettyTransport transport =
                        ReactorNettyTransport.builder().maxConnections(64).build();
                BeatPassClient client = BeatPassClient.builder()
                        .token(Secrets.TOKEN)
                        .baseUrl(server.baseUrl())
                        .transport(transport)
                        .build()) {
            long before = 0;
            for (int round = 0; round < 3; round++) {
                if (round == 1) {
                    // measured from the end of the first round: pools, caches and the fake's request log are warm
                    before = usedHeap();
                }
                server.clearRequests();
                List<Track> all = Flux.range(1, 10_000)
                        .flatMap(id -> client.tracks().get(id), 10_000)
                        .collectList()
                        .block(Duration.ofSeconds(120));
                assertThat(all).hasSize(10_000);
                assertThat(server.maxConcurrentRequests()).isLessThanOrEqualTo(64);
            }
            long after = usedHeap();
            peakHeapGrowth = after - before;
            // two more rounds of 10k leave no per-request residue behind (a leak of even 1 KiB a call would be 20 MiB)
            assertThat(after - before).isLessThan(16L * 1024 * 1024);
        }
    }

    @Test
    void aBoundedQueueFailsFastWithAClearPoolExhaustedError() {
        try (ReactorNettyTransport transport = ReactorNettyTransport.builder()
                        .maxConnections(64)
                        .pendingAcquireMaxCount(100)
                        .build();
                BeatPassClient client = BeatPassClient.builder()
                        .token(Secrets.TOKEN)
                        .baseUrl(server.baseUrl())
                        .transport(transport)
                        .build()) {
            List<Object> outcomes = Flux.range(1, 2_000)
                    .flatMap(
                            id -> client.tracks()
                                    .get(id)
                                    .cast(Object.class)
                                    .onErrorResume(TransportException.class, e -> Mono.just(e)),
                            2_000)
                    .collectList()
                    .block(Duration.ofSeconds(60));
            List<TransportException> rejected = outcomes.stream()
                    .filter(o -> o instanceof TransportException)
                    .map(o -> (TransportException) o)
                    .toList();
            assertThat(rejected).isNotEmpty().allSatisfy(e -> {
                assertThat(e.isPoolExhausted()).isTrue();
                assertThat(e).hasMessageContaining("pool exhausted");
                Secrets.seen(e);
            });
            assertThat(outcomes.size() - rejected.size()).isGreaterThanOrEqualTo(164);
        }
    }
}
