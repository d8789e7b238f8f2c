package io.trackflow.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.flink.example.EnrichTracksJob;
import io.trackflow.flink.example.ExportTracksJob;
import io.trackflow.testkit.FakeBeatPass;
import io.trackflow.testkit.FakeBeyondWords;
import io.trackflow.testkit.Fault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.ParameterTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The example jobs the real-cluster test submits, run here on a MiniCluster into real files. */
@Timeout(120)
class ExampleJobsTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(4)
            .build());

    @TempDir
    Path dir;

    private static StreamExecutionEnvironment env() {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(4);
        return env;
    }

    /** The committed lines: part files only, never the hidden in-progress ones. */
    static List<String> committedLines(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(f -> f.getFileName().toString().startsWith("part-"))
                    .flatMap(f -> {
                        try {
                            return Files.readAllLines(f).stream();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .collect(Collectors.toList());
        }
    }

    private static List<Long> ids(List<String> lines) {
        return lines.stream()
                .map(l -> Long.parseLong(l.substring(0, l.indexOf('\t'))))
                .sorted()
                .collect(Collectors.toList());
    }

    @Test
    void theExportJobWritesEveryTrackOnceUnderFaults() throws Exception {
        try (FakeBeyondWords server =
                FakeBeyondWords.builder().recordRequests(false).start().seed(3_000)) {
            server.faults().random(5, 0.1, r -> true, Fault.status(503), Fault.resetMidBody());
            Path out = dir.resolve("out");
            StreamExecutionEnvironment env = env();
            ExportTracksJob.build(
                    env,
                    ParameterTool.fromMap(Map.of(
                            "base-url", server.baseUrl(),
                            "api-key", server.apiKey(),
                            "output", out.toUri().toString(),
                            "split-size", "500",
                            "checkpoint-ms", "200")));
            env.execute("export");
            assertThat(ids(committedLines(out))).isEqualTo(server.trackIds());
        }
    }

    @Test
    void theEnrichJobLooksUpEveryIdOnceAndSkipsTheMissingOnes() throws Exception {
        try (FakeBeatPass server = FakeBeatPass.builder()
                .recordRequests(false)
                .rateLimit(100, Duration.ofSeconds(1))
                .start()
                .seed(300)) {
            server.removeTrack(7);
            server.faults().random(5, 0.1, r -> true, Fault.status(503), Fault.resetBeforeResponse());
            Path idsFile = dir.resolve("ids.txt");
            Files.write(
                    idsFile,
                    LongStream.rangeClosed(1, 301).mapToObj(Long::toString).collect(Collectors.toList()));
            Path out = dir.resolve("out");
            StreamExecutionEnvironment env = env();
            EnrichTracksJob.build(
                    env,
                    ParameterTool.fromMap(Map.of(
                            "ids", idsFile.toUri().toString(),
                            "base-url", server.baseUrl(),
                            "token", server.token(),
                            "output", out.toUri().toString(),
                            "rate", "100",
                            "checkpoint-ms", "200")));
            env.execute("enrich");
            List<String> lines = committedLines(out);
            assertThat(ids(lines))
                    .isEqualTo(LongStream.rangeClosed(1, 300)
                            .filter(id -> id != 7)
                            .boxed()
                            .collect(Collectors.toList()));
            assertThat(lines).allSatisfy(l -> assertThat(l.split("\t")).hasSize(3));
            System.out.printf(
                    "[figures] enrich example: %d requests, %d answered 429 by the rate limit%n",
                    server.requestCount(), server.rateLimitedCount());
            assertThat(server.rateLimitedCount()).isLessThanOrEqualTo(1);
        }
    }
}
