package io.trackflow.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.core.ClientConfig;
import io.trackflow.testkit.FakeBeyondWords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 13's Flink part: the source's readers share one budget, whatever the parallelism. */
@Timeout(120)
class SourceRateBudgetTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(4)
            .build());

    // per 5 s: 1 for the enumerator, 50 for each of the 4 readers (40 requests/s in all). A reader's slot is free
    // again 5 s after the response to its request: the longer the interval, the less the latency costs
    private static final int N = 201;
    private static final Duration PER = Duration.ofSeconds(5);
    private static final double RATE = N / 5.0;

    /** The request count over time, sampled every 20 ms: {nanoTime, count}. */
    private static final class Sampler implements AutoCloseable {
        final List<long[]> samples = new CopyOnWriteArrayList<>();
        final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

        Sampler(FakeBeyondWords server) {
            timer.scheduleAtFixedRate(
                    () -> samples.add(new long[] {System.nanoTime(), server.requestCount()}),
                    0,
                    20,
                    TimeUnit.MILLISECONDS);
        }

        /** The count at {@code t} (the last sample at or before it). */
        long countAt(long t) {
            long c = 0;
            for (long[] s : samples) {
                if (s[0] <= t) {
                    c = s[1];
                }
            }
            return c;
        }

        /** When the count first reached {@code n}. */
        long timeOf(long n) {
            return samples.stream().filter(s -> s[1] >= n).findFirst().orElseThrow()[0];
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    /** Every message of the cause chain, outermost first. */
    static String causes(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            b.append(b.length() == 0 ? "" : " <- ").append(t);
        }
        return b.toString();
    }

    @Test
    void fourReadersTogetherKeepToTheSourcesBudget() throws Exception {
        try (FakeBeyondWords server = FakeBeyondWords.builder()
                        .recordRequests(false)
                        .rateLimit(N, PER)
                        .syntheticTracks(50_000)
                        .start();
                Sampler sampler = new Sampler(server)) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(4);
            BackgroundTrackSource source = BackgroundTrackSource.builder()
                    .apiKey(server.apiKey())
                    .clientConfig(ClientConfig.of(server.baseUrl()))
                    .query(BackgroundTrackQuery.builder().pageSize(50).build())
                    .splitSize(500)
                    .rateLimit(N, PER)
                    .build();
            List<Long> ids = new ArrayList<>();
            try (CloseableIterator<Long> it = env.fromSource(source, WatermarkStrategy.noWatermarks(), "tracks")
                    .map(BackgroundTrack::id)
                    .returns(Types.LONG)
                    .executeAndCollect()) {
                it.forEachRemaining(ids::add);
            } catch (RuntimeException e) {
                // the job's failure arrives wrapped several times over: name the root cause in the report
                throw new AssertionError(
                        "the job failed after " + server.requestCount() + " requests (" + server.rateLimitedCount()
                                + " answered 429): " + causes(e),
                        e);
            }
            // steady state: from one interval after the readers' first request (their first 200 slots) for 15 s
            long from = sampler.timeOf(2) + PER.toNanos();
            long to = from + Duration.ofSeconds(15).toNanos();
            double rate = (sampler.countAt(to) - sampler.countAt(from)) / 15.0;
            System.out.printf(
                    "[figures] source budget %d per 5 s (%.1f/s) at parallelism 4: %.1f requests/s in steady"
                            + " state (%.0f %% of the budget), %d requests, %d answered 429 by the server's limit%n",
                    N, RATE, rate, 100 * rate / RATE, server.requestCount(), server.rateLimitedCount());
            assertThat(ids).hasSize(50_000).doesNotHaveDuplicates();
            assertThat(rate).isBetween(RATE * 0.9, RATE * 1.1);
            assertThat(server.rateLimitedCount()).isZero();
        }
    }
}
