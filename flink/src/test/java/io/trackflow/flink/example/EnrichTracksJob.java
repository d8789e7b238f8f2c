package io.trackflow.flink.example;

import io.trackflow.beatpass.model.Artist;
import io.trackflow.beatpass.model.Track;
import io.trackflow.beatpass.model.TrackInclude;
import io.trackflow.core.ClientConfig;
import io.trackflow.flink.TrackLookupFunction;
import java.time.Duration;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ParameterTool;

/**
 * The example enrichment job: track ids, one per line in a file → BeatPass lookups with {@link
 * TrackLookupFunction} (ordered Async I/O, missing ids skipped, the job's rate budget split across
 * subtasks) → {@code id<TAB>name<TAB>artists} lines in files, exactly once.
 *
 * <p>Arguments: {@code --ids} (required, a file URI), {@code --base-url} (required), {@code --output}
 * (required, a directory URI), {@code --token} (else the {@code BEATPASS_TOKEN} environment
 * variable), {@code --rate} and {@code --rate-per-ms} (the job's budget; else the server's headers
 * pace each subtask), {@code --timeout-ms} (30000), {@code --capacity} (20), {@code --checkpoint-ms}
 * (1000), {@code --unordered}.
 */
public final class EnrichTracksJob {

    private EnrichTracksJob() {}

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
        env.execute(p.get("name", "trackflow enrich"));
    }

    /**
     * Adds the job's pipeline to {@code env}.
     *
     * @param env the environment
     * @param p the arguments
     */
    public static void build(StreamExecutionEnvironment env, ParameterTool p) {
        env.enableCheckpointing(p.getLong("checkpoint-ms", 1_000));
        DataStream<Long> ids = env.fromSource(
                        FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path(p.getRequired("ids")))
                                .build(),
                        WatermarkStrategy.noWatermarks(),
                        "ids")
                .filter(line -> !line.isBlank())
                .map(line -> Long.parseLong(line.trim()))
                .returns(Types.LONG)
                .rebalance();
        TrackLookupFunction.Builder lookups = TrackLookupFunction.builder()
                .token(p.get("token", System.getenv("BEATPASS_TOKEN")))
                .clientConfig(ClientConfig.of(p.getRequired("base-url")))
                .include(TrackInclude.ARTISTS, TrackInclude.ALBUM)
                .skipMissing(true);
        if (p.has("rate")) {
            lookups.rateLimit(p.getInt("rate"), Duration.ofMillis(p.getLong("rate-per-ms", 1_000)));
        }
        TrackLookupFunction lookup = lookups.build();
        Duration timeout = Duration.ofMillis(p.getLong("timeout-ms", 30_000));
        int capacity = p.getInt("capacity", 20);
        DataStream<Track> tracks = p.has("unordered")
                ? lookup.unorderedWait(ids, timeout, capacity)
                : lookup.orderedWait(ids, timeout, capacity);
        tracks.map(EnrichTracksJob::line)
                .returns(Types.STRING)
                .name("format")
                .sinkTo(ExportTracksJob.lines(p.getRequired("output")))
                .name("files");
    }

    static String line(Track t) {
        return t.id() + "\t" + t.name() + "\t"
                + t.artists().stream().map(Artist::name).collect(Collectors.joining(", "));
    }
}
