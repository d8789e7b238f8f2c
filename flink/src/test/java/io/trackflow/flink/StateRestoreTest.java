package io.trackflow.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.beatpass.model.Track;
import io.trackflow.beyondwords.model.BackgroundTrack;
import java.nio.file.Path;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * State written by trackflow before its codec moved to Jackson 3 ({@code src/test/resources/state-v1}, written
 * at commit eb6e96b by {@link #writeFixtures}) restores: its serializer snapshots resolve as compatible, and its
 * records read back as the same tracks.
 */
class StateRestoreTest {

    @Test
    void tracksWrittenBeforeTheJackson3CodecRestore() throws Exception {
        TypeSerializer<Track> now = TrackTypeInfo.INSTANCE.createSerializer(new SerializerConfigImpl());
        TypeSerializerSnapshot<Track> old = snapshot("track.snapshot");
        assertThat(now.snapshotConfiguration().resolveSchemaCompatibility(old))
                .extracting(TypeSerializerSchemaCompatibility::isCompatibleAsIs)
                .isEqualTo(true);
        TypeSerializer<Track> restored = old.restoreSerializer();
        DataInputDeserializer in = new DataInputDeserializer(StateFixtures.resource("tracks.bin"));
        Track rich = restored.deserialize(in);
        assertThat(rich).isEqualTo(StateFixtures.track());
        assertThat(rich.additionalProperties()).containsKeys("custom", "unknown_future_field", "big");
        assertThat(rich.additionalProperties().get("big").toJson()).isEqualTo("123456789012345678901234567890");
        assertThat(restored.deserialize(in)).isEqualTo(StateFixtures.bareTrack());
        assertThat(in.available()).isZero();
    }

    @Test
    void backgroundTracksWrittenBeforeTheJackson3CodecRestore() throws Exception {
        TypeSerializer<BackgroundTrack> now =
                BackgroundTrackTypeInfo.INSTANCE.createSerializer(new SerializerConfigImpl());
        TypeSerializerSnapshot<BackgroundTrack> old = snapshot("background-track.snapshot");
        assertThat(now.snapshotConfiguration().resolveSchemaCompatibility(old))
                .extracting(TypeSerializerSchemaCompatibility::isCompatibleAsIs)
                .isEqualTo(true);
        DataInputDeserializer in = new DataInputDeserializer(StateFixtures.resource("background-tracks.bin"));
        assertThat(old.restoreSerializer().deserialize(in)).isEqualTo(StateFixtures.backgroundTrack());
        assertThat(in.available()).isZero();
    }

    private static <T> TypeSerializerSnapshot<T> snapshot(String name) throws Exception {
        return TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(StateFixtures.resource(name)), StateRestoreTest.class.getClassLoader());
    }

    /** Writes the fixtures again (only on purpose, before a format change: never part of a build). */
    @Test
    @EnabledIfSystemProperty(named = "trackflow.writeStateFixtures", matches = ".+")
    void writeFixtures() throws Exception {
        StateFixtures.write(Path.of(System.getProperty("trackflow.writeStateFixtures")));
    }
}
