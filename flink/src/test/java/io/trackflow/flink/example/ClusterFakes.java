package io.trackflow.flink.example;

import io.trackflow.testkit.FakeBeatPass;
import io.trackflow.testkit.FakeBeyondWords;
import io.trackflow.testkit.Fault;
import io.trackflow.testkit.Faults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The fake servers of the real-cluster test, in a process of their own ({@code
 * scripts/flink-cluster-test.sh}): a BeyondWords fake with a bulk listing, one with a small live
 * listing for the continuous job (tracks are added with {@code POST /v1/background_tracks}), and a
 * BeatPass fake. Every fake injects random faults into a share of its {@code GET}s (503, 429 with
 * {@code Retry-After: 1}, connections reset before and in the middle of a body) and enforces a rate
 * limit (BeatPass always; BeyondWords when asked). Writes the base URLs to {@code <dir>/fakes.env} and
 * the request counts to {@code <dir>/fakes.stats} every 200 ms, and once more on exit.
 */
public final class ClusterFakes {

    private ClusterFakes() {}

    /**
     * Runs the fakes until killed.
     *
     * @param args {@code <dir> <bulk tracks> <live tracks> <BeyondWords requests/s (0: none)> <BeatPass
     *     requests/s> <fault chance>}
     * @throws Exception when a file cannot be written
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int bulkTracks = Integer.parseInt(args[1]);
        int liveTracks = Integer.parseInt(args[2]);
        int bwRate = Integer.parseInt(args[3]);
        int bpRate = Integer.parseInt(args[4]);
        double chance = Double.parseDouble(args[5]);
        FakeBeyondWords.Builder b = FakeBeyondWords.builder().recordRequests(false);
        if (bwRate > 0) {
            b.rateLimit(bwRate, Duration.ofSeconds(1));
        }
        FakeBeyondWords bulk = b.start().seed(bulkTracks);
        FakeBeyondWords live =
                FakeBeyondWords.builder().recordRequests(false).start().seed(liveTracks);
        FakeBeatPass beatPass = FakeBeatPass.builder()
                .recordRequests(false)
                .rateLimit(bpRate, Duration.ofSeconds(1))
                .start()
                .seed(bulkTracks);
        faults(bulk.faults(), 1, chance);
        faults(live.faults(), 2, chance);
        faults(beatPass.faults(), 3, chance);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("BULK_URL", bulk.baseUrl());
        env.put("LIVE_URL", live.baseUrl());
        env.put("BEATPASS_URL", beatPass.baseUrl());
        env.put("BEYONDWORDS_API_KEY", bulk.apiKey());
        env.put("BEATPASS_TOKEN", beatPass.token());
        write(dir.resolve("fakes.env"), env);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                write(dir.resolve("fakes.stats"), stats(bulk, live, beatPass));
            } catch (IOException e) {
                e.printStackTrace();
            }
            System.out.println("fakes: " + stats(bulk, live, beatPass));
        }));
        System.out.println("fakes: " + env.values().stream().limit(3).toList());
        while (!stop.await(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            write(dir.resolve("fakes.stats"), stats(bulk, live, beatPass));
        }
    }

    private static void faults(Faults faults, long seed, double chance) {
        faults.random(
                seed,
                chance,
                r -> r.method().equals("GET"),
                Fault.status(503),
                Fault.rateLimited("1"),
                Fault.resetBeforeResponse(),
                Fault.resetMidBody());
    }

    private static Map<String, String> stats(FakeBeyondWords bulk, FakeBeyondWords live, FakeBeatPass beatPass) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("BULK_REQUESTS", String.valueOf(bulk.requestCount()));
        s.put("BULK_RATE_LIMITED", String.valueOf(bulk.rateLimitedCount()));
        s.put("BULK_FAULTS", String.valueOf(bulk.faults().injected().size()));
        s.put("LIVE_REQUESTS", String.valueOf(live.requestCount()));
        s.put("LIVE_FAULTS", String.valueOf(live.faults().injected().size()));
        s.put("BEATPASS_REQUESTS", String.valueOf(beatPass.requestCount()));
        s.put("BEATPASS_RATE_LIMITED", String.valueOf(beatPass.rateLimitedCount()));
        s.put("BEATPASS_FAULTS", String.valueOf(beatPass.faults().injected().size()));
        return s;
    }

    /** Writes {@code KEY=value} lines, atomically (a reader never sees half a file). */
    private static synchronized void write(Path file, Map<String, String> values) throws IOException {
        StringBuilder text = new StringBuilder();
        values.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
