package io.trackflow.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trackflow.beatpass.model.Track;
import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.core.json.Json;
import io.trackflow.testkit.FakeBeatPass;
import io.trackflow.testkit.FakeBeyondWords;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding alone, no I/O, per item (issue 18, "models that keep what the server sends"): a BeyondWords
 * page of 100 background tracks as the fake serves it (three fields per item that the model does not
 * know, kept raw), the same page without them, and 100 BeatPass tracks as the fake serves them to a
 * token holder ({@code with=tags,genres,artists}, every tenth with its album and the album's tracks);
 * each read into trackflow's models by trackflow's codec ({@link Json#readList}, {@link Json#read}, from a
 * stream over the bytes, as the client reads a body) and, for scale, into a plain Jackson 2 tree. The bodies
 * are fetched once over HTTP in the set-up; a BeatPass track is the {@code track} object of its {@code
 * {"status","track"}} envelope (the envelope itself is not read). Scores are items/s; run with {@code -prof
 * gc} for bytes per item. On a shared machine, {@link DecodeCost} measures the same work in thread CPU time,
 * which others' load disturbs much less.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(ModelDecodingBenchmark.ITEMS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
public class ModelDecodingBenchmark {

    static final int ITEMS = 100;

    private static final ObjectMapper PLAIN = new ObjectMapper();

    private byte[][] tracks;
    private byte[] page;
    private byte[] pageOfKnownFields;

    @Setup(Level.Trial)
    public void fetch() throws Exception {
        HttpClient jdk = HttpClient.newHttpClient();
        try (FakeBeyondWords server = FakeBeyondWords.builder()
                .maxPageSize(ITEMS)
                .recordRequests(false)
                .start()
                .seed(ITEMS)) {
            page = jdk.send(
                            HttpRequest.newBuilder(URI.create(
                                            server.baseUrl() + "/background_tracks?pagination%5Blimit%5D=" + ITEMS))
                                    .header("X-Api-Key", server.apiKey())
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray())
                    .body();
        }
        pageOfKnownFields = new String(page, StandardCharsets.UTF_8)
                .replace(",\"source_id\":null,\"tags\":[]", "")
                .replace(",\"content_type\":\"audio/mpeg\"", "")
                .getBytes(StandardCharsets.UTF_8);
        tracks = new byte[ITEMS][];
        try (FakeBeatPass server = FakeBeatPass.builder()
                .rateLimitPerMinute(Integer.MAX_VALUE)
                .recordRequests(false)
                .start()
                .seed(ITEMS)) {
            for (int i = 0; i < ITEMS; i++) {
                String with = i % 10 == 0 ? "tags,genres,artists,album" : "tags,genres,artists";
                HttpRequest req = HttpRequest.newBuilder(
                                URI.create(server.baseUrl() + "/tracks/" + (i + 1) + "?with=" + with))
                        .header("Authorization", "Bearer " + server.token())
                        .header("Accept", "application/json")
                        .build();
                JsonNode envelope = PLAIN.readTree(
                        jdk.send(req, HttpResponse.BodyHandlers.ofByteArray()).body());
                tracks[i] = PLAIN.writeValueAsBytes(envelope.get("track"));
            }
        }
    }

    /** A BeyondWords page into trackflow's {@link BackgroundTrack}s (unknown fields kept raw). */
    @Benchmark
    public List<BackgroundTrack> beyondWordsPage() throws Exception {
        return Json.readList(new ByteArrayInputStream(page), BackgroundTrack.class);
    }

    /** The same page without the fields the model does not know. */
    @Benchmark
    public List<BackgroundTrack> beyondWordsPageOfKnownFields() throws Exception {
        return Json.readList(new ByteArrayInputStream(pageOfKnownFields), BackgroundTrack.class);
    }

    /**
     * For scale: the page into the hand-written loop's records ({@link Dto.Track}, Jackson 2 databind,
     * trackflow's timestamp reader, unknown fields skipped), from a stream over the bytes.
     */
    @Benchmark
    public List<Dto.Track> beyondWordsPageAsRecords() throws Exception {
        return Baselines.TRACKS.readValue(new ByteArrayInputStream(page));
    }

    /** The same without the fields the model does not know. */
    @Benchmark
    public List<Dto.Track> beyondWordsPageOfKnownFieldsAsRecords() throws Exception {
        return Baselines.TRACKS.readValue(new ByteArrayInputStream(pageOfKnownFields));
    }

    /** For scale: the page into the plain POJO of the pager most users write ({@link Dto.PlainTrack}). */
    @Benchmark
    public List<Dto.PlainTrack> beyondWordsPageAsPlainPojos() throws Exception {
        return Baselines.PLAIN_TRACKS.readValue(new ByteArrayInputStream(page));
    }

    /** The same page into a plain Jackson tree. */
    @Benchmark
    public JsonNode beyondWordsPageAsTree() throws Exception {
        return PLAIN.readTree(page);
    }

    /** BeatPass token-tier tracks into trackflow's {@link Track} (the sum of their ids). */
    @Benchmark
    public long beatPassTracks() throws Exception {
        long sum = 0;
        for (byte[] b : tracks) {
            sum += Json.read(new ByteArrayInputStream(b), Track.class).id();
        }
        return sum;
    }

    /** The same bytes into a plain Jackson tree (the sum of their sizes). */
    @Benchmark
    public long beatPassTracksAsTree() throws Exception {
        long sum = 0;
        for (byte[] b : tracks) {
            sum += PLAIN.readTree(b).size();
        }
        return sum;
    }
}
