package io.trackflow.beatpass;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.testkit.FakeBeatPass;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * Calls the rate limiter held back must not all start on the event loop of the answer that released
 * them: Reactor Netty puts a connection opened from an event loop on that same loop, so the held calls
 * of the first window would pin every connection of the client to one loop (measured in
 * LookupBenchmark: 64 lookups at a time used one loop of four and took 2.5 x the unpaced time).
 */
class EventLoopSpreadTest {

    @Test
    void lookupsHeldForTheFirstFiguresSpreadOverTheEventLoops() {
        try (FakeBeatPass server = FakeBeatPass.builder()
                        .rateLimitPerMinute(Integer.MAX_VALUE)
                        .recordRequests(false)
                        .start()
                        .seed(400);
                BeatPassClient client = BeatPassClient.builder()
                        .token(server.token())
                        .baseUrl(server.baseUrl())
                        .build()) {
            // the limiter lets one call through until the first figures, and holds the other 31
            Set<String> loops = ConcurrentHashMap.newKeySet();
            long n = Flux.range(1, 400)
                    .flatMap(id -> client.tracks().get(id), 32)
                    .doOnNext(t -> loops.add(Thread.currentThread().getName()))
                    .count()
                    .block(Duration.ofSeconds(30));

            assertThat(n).isEqualTo(400);
            assertThat(loops).as("threads that delivered the answers").hasSizeGreaterThan(1);
        }
    }
}
