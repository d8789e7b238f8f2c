package io.trackflow.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trackflow.beatpass.model.Track;
import io.trackflow.beatpass.model.TrackInclude;
import io.trackflow.core.ClientConfig;
import io.trackflow.core.error.NotFoundException;
import io.trackflow.core.error.RateLimitException;
import io.trackflow.testkit.FakeBeatPass;
import io.trackflow.testkit.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(120)
class TrackLookupFunctionTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(4)
            .build());

    /** No Kryo anywhere (a generic type fails the job), and restarts only when asked. */
    private static StreamExecutionEnvironment env(int parallelism, boolean restarts) {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        if (restarts) {
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
            conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        } else {
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        if (restarts) {
            env.enableCheckpointing(200); // the collected result stays exactly once across a restart
        }
        return env;
    }

    private static DataStream<Long> ids(StreamExecutionEnvironment env, long first, long last) {
        return env.fromData(LongStream.rangeClosed(first, last).boxed().collect(Collectors.toList()))
                .returns(Types.LONG)
                .rebalance();
    }

    private static TrackLookupFunction.Builder lookup(FakeBeatPass server) {
        return TrackLookupFunction.builder().token(server.token()).clientConfig(ClientConfig.of(server.baseUrl()));
    }

    private static List<Long> collectIds(DataStream<Track> tracks) throws Exception {
        List<Long> ids = new ArrayList<>();
        // a rebalance makes tracks travel between subtasks: through TrackTypeInfo's serializer
        try (CloseableIterator<Long> it =
                tracks.rebalance().map(Track::id).returns(Types.LONG).executeAndCollect()) {
            it.forEachRemaining(ids::add);
        }
        return ids;
    }

    @Test
    void everyIdIsEnrichedOnceUnderFaultsWithinASplitRateLimitAndNo429() throws Exception {
        try (FakeBeatPass server = FakeBeatPass.builder()
                .recordRequests(false)
                .rateLimit(40, Duration.ofSeconds(1))
                .start()
                .seed(160)) {
            server.faults()
                    .random(
                            7,
                            0.08,
                            r -> true,
                            Fault.status(503),
                            Fault.rateLimited("1"),
                            Fault.resetBeforeResponse(),
                            Fault.resetMidBody());
            StreamExecutionEnvironment env = env(4, true);
            TrackLookupFunction f = lookup(server)
                    .include(TrackInclude.ARTISTS, TrackInclude.ALBUM)
                    .rateLimit(40, Duration.ofSeconds(1))
                    .build();
            long started = System.nanoTime();
            List<Long> ids = collectIds(f.unorderedWait(ids(env, 1, 160), Duration.ofSeconds(60), 10));
            System.out.printf(
                    "[figures] lookups at parallelism 4, budget 40/s: %d requests in %.1f s, %d faults,"
                            + " %d answered 429 by the server's 40/s limit%n",
                    server.requestCount(),
                    (System.nanoTime() - started) / 1e9,
                    server.faults().injected().size(),
                    server.rateLimitedCount());
            assertThat(ids).doesNotHaveDuplicates().hasSize(160);
            assertThat(ids)
                    .containsExactlyInAnyOrderElementsOf(
                            LongStream.rangeClosed(1, 160).boxed().collect(Collectors.toList()));
            assertThat(server.faults().injected()).isNotEmpty();
            assertThat(server.rateLimitedCount()).isZero();
        }
    }

    @Test
    void orderedLookupsLeaveInTheOrderOfTheirIds() throws Exception {
        try (FakeBeatPass server =
                FakeBeatPass.builder().recordRequests(false).start().seed(60)) {
            // uneven latencies: later ids often finish first
            server.faults().random(3, 0.5, r -> true, Fault.latency(Duration.ofMillis(80)));
            StreamExecutionEnvironment env = env(1, false);
            List<Long> ids = new ArrayList<>();
            try (CloseableIterator<Track> it = lookup(server)
                    .build()
                    .orderedWait(ids(env, 1, 60), Duration.ofSeconds(30), 16)
                    .executeAndCollect()) {
                it.forEachRemaining(t -> ids.add(t.id()));
            }
            assertThat(ids).isEqualTo(LongStream.rangeClosed(1, 60).boxed().collect(Collectors.toList()));
        }
    }

    @Test
    void missingTracksAreSkippedWhenAsked() throws Exception {
        try (FakeBeatPass server =
                FakeBeatPass.builder().recordRequests(false).start().seed(20)) {
            server.removeTrack(5); // 410
            List<Long> ids = collectIds(lookup(server)
                    .skipMissing(true)
                    .build()
                    .unorderedWait(ids(env(2, false), 1, 22), Duration.ofSeconds(30), 8)); // 21, 22: 404
            assertThat(ids)
                    .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 20)
                            .filter(id -> id != 5)
                            .boxed()
                            .collect(Collectors.toList()));
        }
    }

    @Test
    void aMissingTrackFailsTheJobByDefault() {
        try (FakeBeatPass server =
                FakeBeatPass.builder().recordRequests(false).start().seed(5)) {
            assertThatThrownBy(() -> collectIds(
                            lookup(server).build().orderedWait(ids(env(1, false), 1, 6), Duration.ofSeconds(30), 4)))
                    .satisfies(e -> assertThat(ExceptionUtils.findThrowable(e, NotFoundException.class))
                            .hasValueSatisfying(
                                    nf -> assertThat(nf.getMessage()).contains("/tracks/6")));
        }
    }

    @Test
    void aLookupPastTheAsyncTimeoutFailsTheElementNamingItsId() {
        try (FakeBeatPass server =
                FakeBeatPass.builder().recordRequests(false).start().seed(10)) {
            server.faults().latency(Duration.ofSeconds(20), r -> r.path().endsWith("/tracks/7"));
            long started = System.nanoTime();
            assertThatThrownBy(() -> collectIds(
                            lookup(server).build().orderedWait(ids(env(1, false), 1, 10), Duration.ofSeconds(1), 4)))
                    .satisfies(e -> assertThat(ExceptionUtils.findThrowable(e, TimeoutException.class))
                            .hasValueSatisfying(t -> assertThat(t.getMessage()).contains("track 7")));
            assertThat(System.nanoTime() - started)
                    .isLessThan(Duration.ofSeconds(15).toNanos());
        }
    }

    /**
     * The client's deadline is capped at the async timeout, so the two timers race; whichever fires, the
     * element fails with Flink's kind of {@code TimeoutException} naming the id. A client deadline shorter
     * than the async timeout makes the client's win every time.
     */
    @Test
    void aLookupPastTheClientsDeadlineFailsTheElementAsATimeoutNamingItsId() {
        try (FakeBeatPass server =
                FakeBeatPass.builder().recordRequests(false).start().seed(10)) {
            server.faults().latency(Duration.ofSeconds(20), r -> r.path().endsWith("/tracks/7"));
            ClientConfig config = ClientConfig.builder()
                    .from(ClientConfig.of(server.baseUrl()))
                    .totalTimeout(Duration.ofMillis(500))
                    .build();
            long started = System.nanoTime();
            assertThatThrownBy(() -> collectIds(TrackLookupFunction.builder()
                            .token(server.token())
                            .clientConfig(config)
                            .build()
                            .orderedWait(ids(env(1, false), 1, 10), Duration.ofSeconds(30), 4)))
                    .satisfies(e -> {
                        assertThat(ExceptionUtils.findThrowable(e, TimeoutException.class))
                                .hasValueSatisfying(t -> {
                                    assertThat(t.getMessage()).contains("track 7");
                                    assertThat(t.getCause())
                                            .isInstanceOfSatisfying(
                                                    io.trackflow.core.error.TimeoutException.class,
                                                    c -> assertThat(c.kind())
                                                            .isEqualTo(
                                                                    io.trackflow.core.error.TimeoutException.Kind
                                                                            .TOTAL));
                                });
                    });
            assertThat(System.nanoTime() - started)
                    .isLessThan(Duration.ofSeconds(15).toNanos());
        }
    }

    /**
     * The slot limiter does not refuse a wait that would pass the client's deadline (the async timeout):
     * the lookup waits for its slot until Flink's timeout cuts it, which names its id.
     */
    @Test
    void aLookupWaitingForItsSlotPastTheDeadlineIsCutByTheAsyncTimeoutNotRefused() {
        try (FakeBeatPass server =
                FakeBeatPass.builder().recordRequests(false).start().seed(2)) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> collectIds(lookup(server)
                            .rateLimit(1, Duration.ofSeconds(30)) // track 2 waits 30 s for the one slot
                            .build()
                            .orderedWait(ids(env(1, false), 1, 2), Duration.ofSeconds(1), 2)))
                    .satisfies(e -> {
                        assertThat(ExceptionUtils.findThrowable(e, TimeoutException.class))
                                .hasValueSatisfying(
                                        t -> assertThat(t.getMessage()).contains("track 2"));
                        assertThat(ExceptionUtils.findThrowable(e, RateLimitException.class))
                                .isEmpty();
                    });
            assertThat(System.nanoTime() - started)
                    .isLessThan(Duration.ofSeconds(15).toNanos());
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void withoutItsTypeInformationATrackWouldNeedKryoWhichTheseJobsRefuse() {
        StreamExecutionEnvironment env = env(1, false);
        assertThatThrownBy(() -> ids(env, 1, 3)
                        .map(id -> Track.builder().id(id).name("t").build())
                        .returns(Track.class) // Flink's own analysis: a generic type, i.e. Kryo
                        .rebalance()
                        .map(Track::id)
                        .returns(Types.LONG)
                        .executeAndCollect(3))
                .satisfies(e ->
                        assertThat(ExceptionUtils.stringifyException(e)).contains("Generic types have been disabled"));
    }
}
