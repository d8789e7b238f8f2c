package io.trackflow.benchmarks;

import io.trackflow.beatpass.BeatPassClient;
import io.trackflow.beatpass.model.Track;
import io.trackflow.beatpass.model.TrackLookupOptions;
import io.trackflow.core.ratelimit.RateLimiter;
import io.trackflow.core.ratelimit.RateLimits;
import io.trackflow.testkit.FakeBeatPass;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import reactor.core.publisher.Flux;

/**
 * DESIGN §7.6, the harness: {@code getAll} of six windows' worth of ids at concurrency 8
 * against a {@link FakeBeatPass} enforcing N requests per window (Laravel-style fixed windows, a
 * refused attempt not counted, the reset floored to the second as Laravel sends it). Contenders: header pacing ({@code RateLimits.fromHeaders()}, the
 * BeatPass default), the same with four concurrent streams on one client, and no limiter ({@code
 * RateLimits.none()}: the client before pacing, which discovers the limit by colliding and retries
 * after {@code Retry-After}). Prints per round: elapsed / ideal {@code (windows − 1) × window},
 * requests, 429s, and whether every track arrived once, in order.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.trackflow.benchmarks.RateLimitRun [rounds] [perWindow]
 * [windowMillis]</pre>
 *
 * Defaults: 3 rounds, 40 per 3,000 ms window (the measurement). Timing-bound, not CPU-bound:
 * the figures hold on a loaded machine.
 */
public final class RateLimitRun {

    private RateLimitRun() {}

    /**
     * Runs the harness.
     *
     * @param args rounds, requests per window, window in milliseconds
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int perWindow = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Duration window = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 3_000);
        int windows = 6;
        int ids = windows * perWindow;
        System.out.printf(
                Locale.ROOT,
                "# RateLimitRun: %d ids, %d per %d ms window, concurrency 8, %d rounds%n",
                ids,
                perWindow,
                window.toMillis(),
                rounds);
        for (int r = 1; r <= rounds; r++) {
            run("fromHeaders", RateLimits::fromHeaders, 1, ids, perWindow, window, windows);
            run("fromHeaders, 4 streams", RateLimits::fromHeaders, 4, ids, perWindow, window, windows);
            run("none (before pacing)", RateLimits::none, 1, ids, perWindow, window, windows);
        }
    }

    private static void run(
            String name,
            Supplier<RateLimiter> limiter,
            int streams,
            int ids,
            int perWindow,
            Duration window,
            int windows) {
        List<Long> all = LongStream.rangeClosed(1, ids).boxed().collect(Collectors.toList());
        try (FakeBeatPass server = FakeBeatPass.builder()
                        .rateLimit(perWindow, window)
                        .rateLimitResetRounding(RoundingMode.FLOOR)
                        .recordRequests(false)
                        .start()
                        .seed(ids);
                BeatPassClient client = BeatPassClient.builder()
                        .token(server.token())
                        .baseUrl(server.baseUrl())
                        .rateLimiter(limiter.get())
                        .build()) {
            long started = System.nanoTime();
            String outcome;
            boolean inOrder = true;
            int received = 0;
            try {
                List<List<Track>> results = Flux.range(0, streams)
                        .flatMap(s -> client.tracks()
                                .getAll(
                                        Flux.fromIterable(all).filter(id -> id % streams == s),
                                        TrackLookupOptions.builder()
                                                .concurrency(8)
                                                .build())
                                .collectList())
                        .collectList()
                        .block(Duration.ofMinutes(5));
                for (int s = 0; s < streams; s++) {
                    int stream = s;
                    List<Long> expected =
                            all.stream().filter(id -> id % streams == stream).collect(Collectors.toList());
                    boolean found = false;
                    for (List<Track> got : results) {
                        List<Long> gotIds = new ArrayList<>();
                        got.forEach(t -> gotIds.add(t.id()));
                        found |= gotIds.equals(expected);
                    }
                    inOrder &= found;
                    received += expected.size();
                }
                outcome = inOrder ? "every track once, in order" : "MISMATCH";
            } catch (RuntimeException e) {
                outcome = "FAILED: " + e;
            }
            double ideal = (windows - 1) * (double) window.toNanos();
            System.out.printf(
                    Locale.ROOT,
                    "RESULT %-24s elapsed/ideal=%.2f requests=%d answered429=%d tracks=%d (%s)%n",
                    name,
                    (System.nanoTime() - started) / ideal,
                    server.requestCount(),
                    server.rateLimitedCount(),
                    received,
                    outcome);
        }
    }
}
