package io.trackflow.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.core.ClientConfig;
import io.trackflow.testkit.FakeBeatPass;
import io.trackflow.testkit.FakeBeyondWords;
import io.trackflow.testkit.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The trackflow metrics of the source and the lookup function, as a Flink metric reporter sees them. */
@Timeout(120)
class MetricsTest {

    /** Keeps every metric registered, also after its job ended. */
    private static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setConfiguration(REPORTER.addToConfiguration(new Configuration()))
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    /** The sum over subtasks of {@code trackflow.<name>} in a job. */
    private static long sum(JobID job, String name) {
        List<Metric> found = new ArrayList<>();
        REPORTER.getMetricsByGroup().forEach((group, metrics) -> {
            if (job.toString().equals(group.getAllVariables().get("<job_id>"))
                    && group.getMetricIdentifier(name).endsWith(".trackflow." + name)
                    && metrics.containsKey(name)) {
                found.add(metrics.get(name));
            }
        });
        assertThat(found).as("trackflow.%s registered", name).isNotEmpty();
        return found.stream()
                .mapToLong(m -> m instanceof Counter
                        ? ((Counter) m).getCount()
                        : ((Number) ((Gauge<?>) m).getValue()).longValue())
                .sum();
    }

    @Test
    void theSourceCountsRecordsPagesRetriesAndRateLimitWaits() throws Exception {
        try (FakeBeyondWords server =
                FakeBeyondWords.builder().recordRequests(false).start().seed(1_000)) {
            // on the readers' pages past the first split, not on the enumerator's first request (its retries are not
            // counted)
            server.faults()
                    .inject(
                            r -> Long.parseLong(
                                            r.queryParam("pagination[offset]").orElse("0"))
                                    >= 250,
                            Fault.status(503),
                            3);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(2);
            env.fromSource(
                            BackgroundTrackSource.builder()
                                    .apiKey(server.apiKey())
                                    .clientConfig(ClientConfig.of(server.baseUrl()))
                                    .query(BackgroundTrackQuery.builder()
                                            .pageSize(50)
                                            .build())
                                    .splitSize(250)
                                    .rateLimit(7, Duration.ofSeconds(1)) // 3 per reader: they must wait
                                    .build(),
                            WatermarkStrategy.noWatermarks(),
                            "tracks")
                    .map(BackgroundTrack::id)
                    .returns(Types.LONG)
                    .sinkTo(new org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink<>());
            JobID job = env.execute("metricsSource").getJobID();
            assertThat(sum(job, "records")).isEqualTo(1_000);
            assertThat(sum(job, "pages")).isEqualTo(20);
            assertThat(sum(job, "retries")).isEqualTo(3);
            assertThat(sum(job, "errors")).isZero();
            assertThat(sum(job, "rateLimitWaits")).isPositive();
            assertThat(sum(job, "rateLimitWaitMillis")).isPositive();
            assertThat(sum(job, "rateLimitWaiting")).isZero();
        }
    }

    @Test
    void theLookupFunctionCountsRecordsRequestsRetriesAndMissingIds() throws Exception {
        try (FakeBeatPass server =
                FakeBeatPass.builder().recordRequests(false).start().seed(30)) {
            server.removeTrack(3);
            server.faults().inject(r -> r.path().endsWith("/tracks/10"), Fault.status(503), 2);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(2);
            TrackLookupFunction.builder()
                    .token(server.token())
                    .clientConfig(ClientConfig.of(server.baseUrl()))
                    .skipMissing(true)
                    .rateLimit(10, Duration.ofSeconds(1))
                    .build()
                    .unorderedWait(
                            env.fromData(LongStream.rangeClosed(1, 30).boxed().collect(Collectors.toList()))
                                    .returns(Types.LONG),
                            Duration.ofSeconds(30),
                            10)
                    .sinkTo(new org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink<>());
            JobID job = env.execute("metricsLookups").getJobID();
            assertThat(sum(job, "records")).isEqualTo(29);
            assertThat(sum(job, "requests")).isEqualTo(30);
            assertThat(sum(job, "missing")).isEqualTo(1);
            assertThat(sum(job, "retries")).isEqualTo(2);
            assertThat(sum(job, "errors")).isZero();
            assertThat(sum(job, "timeouts")).isZero();
            assertThat(sum(job, "rateLimitWaits")).isPositive();
        }
    }
}
