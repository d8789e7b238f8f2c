package io.trackflow.flink.example;

import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.core.ClientConfig;
import io.trackflow.flink.BackgroundTrackSource;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.flink.util.ParameterTool;

/**
 * The example export job: BeyondWords background tracks → {@code id<TAB>name} lines in files,
 * exactly once (Flink's {@code FileSink} commits its files on checkpoints). Bounded by default;
 * {@code --continuous-ms} keeps listing. The job the real-cluster test submits
 * ({@code scripts/flink-cluster-test.sh}).
 *
 * <p>Arguments: {@code --base-url} (required), {@code --output} (required, a directory URI), {@code
 * --api-key} (else the {@code BEYONDWORDS_API_KEY} environment variable), {@code --page-size} (50),
 * {@code --split-size} (1000), {@code --rate} and {@code --rate-per-ms} (the source's budget, none by
 * default), {@code --continuous-ms} and {@code --lookback-ms}, {@code --checkpoint-ms} (1000).
 */
public final class ExportTracksJob {

    private ExportTracksJob() {}

    /**
     * Builds and runs the job.
     *
     * @param args see the class comment
     * @throws Exception when the job fails
     */
    public static void main(String[] args) throws Exception {
        ParameterTool p = ParameterTool.fromArgs(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        build(env, p);
        env.execute(p.get("name", "trackflow export"));
    }

    /**
     * Adds the job's pipeline to {@code env}.
     *
     * @param env the environment
     * @param p the arguments
     */
    public static void build(StreamExecutionEnvironment env, ParameterTool p) {
        env.enableCheckpointing(p.getLong("checkpoint-ms", 1_000));
        BackgroundTrackSource.Builder source = BackgroundTrackSource.builder()
                .apiKey(p.get("api-key", System.getenv("BEYONDWORDS_API_KEY")))
                .clientConfig(ClientConfig.of(p.getRequired("base-url")))
                .query(BackgroundTrackQuery.builder()
                        .pageSize(p.getInt("page-size", 50))
                        .concurrency(2)
                        .build())
                .splitSize(p.getLong("split-size", 1_000));
        if (p.has("rate")) {
            source.rateLimit(p.getInt("rate"), Duration.ofMillis(p.getLong("rate-per-ms", 1_000)));
        }
        if (p.has("continuous-ms")) {
            source.continuous(Duration.ofMillis(p.getLong("continuous-ms")))
                    .lookback(Duration.ofMillis(p.getLong("lookback-ms", 60_000)));
        }
        env.fromSource(source.build(), WatermarkStrategy.noWatermarks(), "background tracks")
                .map((BackgroundTrack t) -> t.id() + "\t" + t.name())
                .returns(Types.STRING)
                .name("format")
                .sinkTo(lines(p.getRequired("output")))
                .name("files");
    }

    /** Rows of text into part files under {@code dir}, committed on every checkpoint. */
    static FileSink<String> lines(String dir) {
        return FileSink.forRowFormat(new Path(dir), new SimpleStringEncoder<String>())
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .build();
    }
}
