package io.trackflow.examples;

import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.core.ClientConfig;
import io.trackflow.flink.BackgroundTrackSource;
import io.trackflow.testkit.FakeBeyondWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * A small Flink job on a local environment: reads the listing in parallel with {@link
 * BackgroundTrackSource} and counts tracks per project. Uses {@code BEYONDWORDS_API_KEY} (and
 * {@code BEYONDWORDS_BASE_URL}) when set, else an embedded fake with 5,000 tracks.
 */
public final class FlinkTracksPerProject {

    private FlinkTracksPerProject() {}

    /**
     * Runs the job.
     *
     * @param args unused
     * @throws Exception when the job fails
     */
    public static void main(String[] args) throws Exception {
        String key = System.getenv("BEYONDWORDS_API_KEY");
        FakeBeyondWords fake =
                key == null || key.isBlank() ? FakeBeyondWords.start().seed(5_000) : null;
        try {
            BackgroundTrackSource source = BackgroundTrackSource.builder()
                    .apiKey(fake != null ? fake.apiKey() : key)
                    .clientConfig(ClientConfig.of(
                            fake != null
                                    ? fake.baseUrl()
                                    : System.getenv()
                                            .getOrDefault("BEYONDWORDS_BASE_URL", "https://api.beyondwords.io/v1")))
                    .query(BackgroundTrackQuery.builder().pageSize(100).build())
                    .splitSize(1_000)
                    .build();
            for (Map.Entry<String, Long> e : countPerProject(source, 4).entrySet()) {
                System.out.printf("%-20s %,d%n", e.getKey(), e.getValue());
            }
        } finally {
            if (fake != null) {
                fake.close();
            }
        }
    }

    /**
     * Counts tracks per project name with a local Flink environment.
     *
     * @param source the source
     * @param parallelism readers in parallel
     * @return counts by project name ({@code (no project)} for tracks without one)
     * @throws Exception when the job fails
     */
    static Map<String, Long> countPerProject(BackgroundTrackSource source, int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        List<Tuple2<String, Long>> totals = new ArrayList<>();
        try (CloseableIterator<Tuple2<String, Long>> it = env.fromSource(
                        source, WatermarkStrategy.noWatermarks(), "background tracks")
                .map((BackgroundTrack t) ->
                        Tuple2.of(t.project().map(p -> p.name()).orElse("(no project)"), 1L))
                .returns(Types.TUPLE(Types.STRING, Types.LONG))
                .keyBy(t -> t.f0)
                .sum(1)
                .executeAndCollect()) {
            it.forEachRemaining(totals::add);
        }
        Map<String, Long> last = new TreeMap<>();
        for (Tuple2<String, Long> t : totals) {
            last.put(t.f0, t.f1);
        }
        return last;
    }
}
