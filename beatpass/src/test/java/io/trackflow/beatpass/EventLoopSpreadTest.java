package io.trackflow.beatpass;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.core.http.HttpRequest;
import io.trackflow.core.http.HttpResponse;
import io.trackflow.core.http.HttpTransport;
import io.trackflow.core.http.ReactorNettyTransport;
import io.trackflow.core.http.ResponseHandler;
import io.trackflow.testkit.FakeBeatPass;
import io.trackflow.testkit.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Calls the rate limiter held back must not all start on the event loop of the answer that released
 * them: Reactor Netty puts a connection opened from an event loop on that same loop, so the held calls
 * of the first window would pin every connection of the client to one loop (measured in
 * LookupBenchmark: 64 lookups at a time used one loop of four and took 2.5 x the unpaced time).
 */
class EventLoopSpreadTest {

    /** Reactor Netty's transport, noting the thread each exchange is started on, in order. */
    private static final class Starts implements HttpTransport {
        final HttpTransport transport = ReactorNettyTransport.create();
        final List<String> threads = new CopyOnWriteArrayList<>();

        @Override
        public Mono<HttpResponse> send(HttpRequest request) {
            return transport.send(request);
        }

        @Override
        public <T> Mono<T> exchange(HttpRequest request, ResponseHandler<T> handler) {
            Mono<T> exchange = transport.exchange(request, handler);
            return Mono.defer(() -> {
                threads.add(Thread.currentThread().getName());
                return exchange;
            });
        }

        @Override
        public void close() {
            transport.close();
        }
    }

    /** 400 lookups, 32 at a time, by a fresh client; the threads that delivered the answers. */
    private static Set<String> lookUp(FakeBeatPass server, HttpTransport transport) {
        try (BeatPassClient client = BeatPassClient.builder()
                .token(server.token())
                .baseUrl(server.baseUrl())
                .transport(transport)
                .build()) {
            // the limiter lets one call through until the first figures, and holds the others
            Set<String> loops = ConcurrentHashMap.newKeySet();
            long n = Flux.range(1, 400)
                    .flatMap(id -> client.tracks().get(id), 32)
                    .doOnNext(t -> loops.add(Thread.currentThread().getName()))
                    .count()
                    .block(Duration.ofSeconds(30));
            assertThat(n).isEqualTo(400);
            return loops;
        }
    }

    private static FakeBeatPass server() {
        return FakeBeatPass.builder()
                .rateLimitPerMinute(Integer.MAX_VALUE)
                .recordRequests(false)
                .start()
                .seed(400);
    }

    @Test
    void lookupsHeldForTheFirstFiguresStartOffTheEventLoops() {
        try (FakeBeatPass server = server();
                Starts starts = new Starts()) {
            // the first answer takes 500 ms: every lookup after it is held for its figures
            server.faults().inject(r -> true, Fault.latency(Duration.ofMillis(500)), 1);
            lookUp(server, starts);

            // the first lookup starts on the test's thread; the 31 held ones on the limiter's scheduler, never
            // on an event loop (the lookups that follow start on the loop of the answer before them)
            String test = Thread.currentThread().getName();
            List<String> threads = new ArrayList<>(starts.threads);
            assertThat(threads).hasSize(400);
            assertThat(threads.stream().filter(test::equals).count())
                    .as("lookups started on the test's thread")
                    .isEqualTo(1);
            assertThat(threads.stream()
                            .filter(t -> !t.equals(test) && !t.startsWith("reactor-http"))
                            .count())
                    .as(
                            "lookups started off the event loops: the 31 held for the first figures (started per thread: %s)",
                            threads.stream()
                                    .collect(java.util.stream.Collectors.groupingBy(
                                            t -> t, java.util.TreeMap::new, java.util.stream.Collectors.counting())))
                    .isEqualTo(31);
        }
    }

    @Test
    void lookupsHeldForTheFirstFiguresSpreadOverTheEventLoops() {
        // The outcome the hand-over is for. Started off the loops, the held lookups open connections on several
        // loops; but on a loaded machine the pool may serve them all on the first connection before the new
        // ones are up, and the lookups that follow stay on its loop (docs/decisions.md, "Colocation stays on":
        // 3 of 40 fresh clients). So one of up to three fresh clients must spread; the hand-over itself is
        // checked by the test above, which this one does not replace (with the batch handed over on the
        // releasing loop, this one still passed: lookups started by the test's thread spread the answers).
        List<Set<String>> runs = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            try (FakeBeatPass server = server();
                    Starts starts = new Starts()) {
                Set<String> loops = lookUp(server, starts);
                runs.add(loops);
                if (loops.size() > 1) {
                    break;
                }
            }
        }
        assertThat(runs)
                .as("threads that delivered the answers, per fresh client")
                .anyMatch(loops -> loops.size() > 1);
    }
}
