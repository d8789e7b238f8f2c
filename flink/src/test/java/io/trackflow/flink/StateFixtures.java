package io.trackflow.flink;

import io.trackflow.beatpass.model.Track;
import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.Media;
import io.trackflow.beyondwords.model.ProjectRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * The state fixtures of {@code src/test/resources/state-v1}: a serializer snapshot and records of both type
 * infos as written by trackflow before the codec moved to Jackson 3 (commit eb93190). Written once, by
 * {@code -Dtrackflow.writeStateFixtures=<dir>} on {@link StateRestoreTest}; never rewritten by the build.
 */
final class StateFixtures {

    /** A BeatPass body with every relation, odd values and fields the model does not know. */
    static final String TRACK_JSON = "{\"id\":501,\"name\":\"Rain ☔ on glass\",\"release_date\":\"2021-03-04\","
            + "\"image\":\"https://cdn.example.com/501.jpg\",\"duration\":183456,\"description\":null,"
            + "\"artists\":[{\"id\":7,\"name\":\"Nimbus\",\"verified\":1,\"image_small\":\"a.jpg\",\"followers\":12}],"
            + "\"album\":{\"id\":3,\"name\":\"Weather\",\"release_date\":\"2021-01-01 00:00:00\",\"plays\":\"42\"},"
            + "\"genres\":[{\"id\":1,\"name\":\"ambient\"}],\"tags\":[{\"id\":9,\"name\":\"rain\",\"extra\":true}],"
            + "\"created_at\":\"2021-03-04T10:11:12.000000Z\",\"updated_at\":\"2021-03-05 00:00:00 UTC\","
            + "\"bpm\":\"92.5\",\"price\":19.90,\"currency\":\"USD\",\"plays\":1234,\"likes_count\":\"5\","
            + "\"key\":\"C\",\"custom\":true,\"unknown_future_field\":{\"x\":[1,2,3.000000000000000000001]},"
            + "\"big\":123456789012345678901234567890}";

    static Track track() {
        return read(TRACK_JSON);
    }

    static Track bareTrack() {
        return Track.builder().id(7).name("n").build();
    }

    static BackgroundTrack backgroundTrack() {
        return BackgroundTrack.builder()
                .id(9)
                .name("Rain ☔")
                .volume(40)
                .project(ProjectRef.builder().id(2).name("Podcasts").build())
                .media(Media.builder()
                        .url("https://cdn.example.com/a.mp3")
                        .duration(Duration.ofMillis(123_456))
                        .build())
                .created(Instant.parse("2023-01-01T00:00:00Z"))
                .updated(Instant.parse("2023-01-01T00:00:05.123Z"))
                .build();
    }

    private static Track read(String json) {
        return TrackJson.read(json.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] resource(String name) {
        try (InputStream in = StateFixtures.class.getResourceAsStream("/state-v1/" + name)) {
            return Objects.requireNonNull(in, name).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the fixtures (run once, before a format change, to capture what the old version wrote). */
    static void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        TypeSerializer<Track> ts = TrackTypeInfo.INSTANCE.createSerializer(new SerializerConfigImpl());
        TypeSerializer<BackgroundTrack> bs =
                BackgroundTrackTypeInfo.INSTANCE.createSerializer(new SerializerConfigImpl());
        Files.write(dir.resolve("track.snapshot"), snapshot(ts.snapshotConfiguration()));
        Files.write(dir.resolve("background-track.snapshot"), snapshot(bs.snapshotConfiguration()));
        DataOutputSerializer tracks = new DataOutputSerializer(1024);
        ts.serialize(track(), tracks);
        ts.serialize(bareTrack(), tracks);
        Files.write(dir.resolve("tracks.bin"), tracks.getCopyOfBuffer());
        DataOutputSerializer bw = new DataOutputSerializer(1024);
        bs.serialize(backgroundTrack(), bw);
        Files.write(dir.resolve("background-tracks.bin"), bw.getCopyOfBuffer());
    }

    private static <T> byte[] snapshot(TypeSerializerSnapshot<T> s) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, s);
        return out.getCopyOfBuffer();
    }

    private StateFixtures() {}
}
