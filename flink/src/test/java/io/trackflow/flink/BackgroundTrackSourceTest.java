package io.trackflow.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.testkit.FakeBeyondWords;
import io.trackflow.testkit.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(120)
class BackgroundTrackSourceTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(4)
            .build());

    private static FakeBeyondWords server;

    @BeforeAll
    static void start() {
        server = FakeBeyondWords.start().seed(10_000);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.faults().clear();
        server.clearRequests();
    }

    private static BackgroundTrackSource.Builder source() {
        return BackgroundTrackSource.builder()
                .apiKey(server.apiKey())
                .clientConfig(io.trackflow.core.ClientConfig.of(server.baseUrl()))
                .query(BackgroundTrackQuery.builder()
                        .pageSize(50)
                        .concurrency(2)
                        .build())
                .splitSize(1_000);
    }

    private static StreamExecutionEnvironment env(boolean checkpoints) {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        // no Kryo anywhere: a generic (Kryo) type in the pipeline fails the job
        conf.set(org.apache.flink.configuration.PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(4);
        if (checkpoints) {
            env.enableCheckpointing(100);
        }
        return env;
    }

    private static List<Long> collectIds(
            StreamExecutionEnvironment env, BackgroundTrackSource source, MapFunction<BackgroundTrack, Long> map)
            throws Exception {
        List<Long> ids = new ArrayList<>();
        try (CloseableIterator<Long> it = env.fromSource(source, WatermarkStrategy.noWatermarks(), "tracks")
                .map(map)
                .executeAndCollect()) {
            it.forEachRemaining(ids::add);
        }
        ids.sort(Long::compare);
        return ids;
    }

    @Test
    void parallelismFourReadsEveryIdExactlyOnce() throws Exception {
        List<Long> ids = collectIds(env(false), source().build(), BackgroundTrack::id);
        assertThat(ids).isEqualTo(server.trackIds());
    }

    @Test
    void tracksTravelBetweenOperatorsWithTheirOwnSerializerNotKryo() throws Exception {
        StreamExecutionEnvironment env = env(false);
        List<BackgroundTrack> tracks = new ArrayList<>();
        try (CloseableIterator<BackgroundTrack> it = env.fromSource(
                        source().build(), WatermarkStrategy.noWatermarks(), "tracks")
                .rebalance()
                .filter(t -> t.id() % 1_000 == 0)
                .executeAndCollect()) {
            it.forEachRemaining(tracks::add);
        }
        assertThat(tracks).hasSize(10);
        assertThat(tracks).allSatisfy(t -> assertThat(t.created()).isNotNull());
    }

    @Test
    void faultsNeitherLoseNorDuplicateRecords() throws Exception {
        server.faults()
                .random(
                        11,
                        0.15,
                        r -> r.path().equals("/v1/background_tracks"),
                        Fault.status(503),
                        Fault.rateLimited("0"),
                        Fault.resetMidBody(),
                        Fault.resetBeforeResponse());
        // with checkpoints: should a page exhaust the client's retries, the task fails over and resumes
        // its splits from their checkpointed positions, and the result must still be exact
        List<Long> ids = collectIds(env(true), source().build(), BackgroundTrack::id);
        assertThat(server.faults().injected()).isNotEmpty();
        assertThat(ids).isEqualTo(server.trackIds());
    }

    /** Fails the job once, after a checkpoint has completed and enough records went by. */
    static final class FailOnce implements MapFunction<BackgroundTrack, Long>, CheckpointListener {
        private static final long serialVersionUID = 1L;
        static final AtomicBoolean FAILED = new AtomicBoolean();
        static final AtomicBoolean CHECKPOINTED = new AtomicBoolean();
        static final AtomicLong SEEN = new AtomicLong();

        @Override
        public Long map(BackgroundTrack t) {
            if (SEEN.incrementAndGet() > 3_000 && CHECKPOINTED.get() && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure");
            }
            return t.id();
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINTED.set(true);
        }
    }

    @Test
    void aJobThatFailsMidwayRestartsFromItsCheckpointAndStillReadsEveryIdOnce() throws Exception {
        server.faults().latency(Duration.ofMillis(15));
        List<Long> ids = collectIds(env(true), source().build(), new FailOnce());
        assertThat(FailOnce.FAILED.get()).isTrue();
        assertThat(ids).isEqualTo(server.trackIds());
    }

    @Test
    void continuousModePicksUpATrackCreatedAfterTheFirstPass() throws Exception {
        try (FakeBeyondWords small = FakeBeyondWords.start().seed(300)) {
            BackgroundTrackSource source = BackgroundTrackSource.builder()
                    .apiKey(small.apiKey())
                    .clientConfig(io.trackflow.core.ClientConfig.of(small.baseUrl()))
                    .splitSize(100)
                    .continuous(Duration.ofMillis(300))
                    .build();
            StreamExecutionEnvironment env = env(false);
            env.setParallelism(2);
            List<Long> seen = new ArrayList<>();
            try (CloseableIterator<Long> it = env.fromSource(source, WatermarkStrategy.noWatermarks(), "tracks")
                    .map(BackgroundTrack::id)
                    .executeAndCollect()) {
                for (int i = 0; i < 300; i++) {
                    seen.add(it.next());
                }
                long created = small.addTrack("created after the first pass");
                long next = it.next();
                assertThat(next).isEqualTo(created);
            }
            assertThat(seen).doesNotHaveDuplicates().hasSize(300);
        }
    }

    @Test
    void badConfigurationIsRejectedBeforeTheJobStarts() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BackgroundTrackSource.builder().build())
                .withMessageContaining("apiKey");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BackgroundTrackSource.builder().splitSize(0))
                .withMessageContaining("splitSize");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BackgroundTrackSource.builder()
                        .apiKey("k")
                        .clientConfig(io.trackflow.core.ClientConfig.of("http://example.com"))
                        .build())
                .withMessageContaining("baseUrl");
        assertThat(source().build().toString()).doesNotContain(server.apiKey()).contains("****");
    }
}
