package io.trackflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.core.json.RawJson;
import io.trackflow.testkit.FakeBeyondWords;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link KillSafeExport} in its own JVM, killed with SIGKILL at random moments and started again until it
 * finishes: the export holds every track exactly once, in listing order.
 */
class KillSafeExportTest {

    private static final int TRACKS = 600; // 30 pages of 20

    @Test
    void anExportKilledAtRandomMomentsAndRestartedHoldsEveryTrackOnceInOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tracks.ndjson");
        Random random = new Random(27);
        int kills = 0;
        int runs = 0;
        try (FakeBeyondWords server =
                FakeBeyondWords.builder().syntheticTracks(TRACKS).start()) {
            server.faults().latency(Duration.ofMillis(40)); // a page every ~40 ms: a run takes over a second
            boolean done = false;
            while (!done && runs < 60) {
                runs++;
                Process p = start(server, file);
                // the first runs are killed early (often before or during the first page), later ones later
                // (on a loaded machine a JVM's start alone can outlast the early windows: each run gets 100 ms more)
                long killAfterMs = 300 + random.nextInt(900) + 100L * (runs - 1);
                if (!p.waitFor(killAfterMs, TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
                    p.waitFor(10, TimeUnit.SECONDS);
                    kills++;
                    continue;
                }
                assertThat(p.exitValue())
                        .as("run %d: %s", runs, new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                        .isZero();
                done = true;
            }
            assertThat(done).as("finished within 60 runs").isTrue();
        }
        assertThat(kills).as("runs killed before the export finished").isGreaterThan(0);
        List<Long> ids = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(l -> RawJson.parse(l)
                        .get("id")
                        .flatMap(RawJson::asDecimal)
                        .orElseThrow()
                        .longValueExact())
                .collect(Collectors.toList());
        List<Long> expected = LongStream.rangeClosed(1, TRACKS).boxed().collect(Collectors.toList());
        assertThat(ids).hasSize(TRACKS).isEqualTo(expected);
        System.out.println("kill-safe export: " + runs + " runs, " + kills + " killed with SIGKILL, " + ids.size()
                + " tracks once each, in order");
    }

    private static Process start(FakeBeyondWords server, Path file) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-XX:TieredStopAtLevel=1",
                        KillSafeExport.class.getName(),
                        file.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(file + ".log")));
        pb.environment().put("BEYONDWORDS_API_KEY", server.apiKey());
        pb.environment().put("BEYONDWORDS_BASE_URL", server.baseUrl());
        return pb.start();
    }
}
