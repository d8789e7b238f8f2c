package io.trackflow.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.beatpass.model.Track;
import io.trackflow.beyondwords.model.BackgroundTrack;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * The one type information of both models writes what the two it replaced wrote: the snapshots of
 * {@code src/test/resources/state-v1} byte for byte (their class names are in savepoints), and the
 * background tracks' binary records too; and it keeps the models' state apart.
 */
class ModelTypeInfoTest {

    private static final TypeSerializer<Track> TRACKS =
            TrackTypeInfo.INSTANCE.createSerializer(new SerializerConfigImpl());
    private static final TypeSerializer<BackgroundTrack> BACKGROUND_TRACKS =
            BackgroundTrackTypeInfo.INSTANCE.createSerializer(new SerializerConfigImpl());

    private static <T> byte[] snapshot(TypeSerializer<T> serializer) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
        return out.getCopyOfBuffer();
    }

    @Test
    void snapshotsWrittenNowAreTheOnesWrittenBefore() throws Exception {
        assertThat(snapshot(TRACKS)).isEqualTo(StateFixtures.resource("track.snapshot"));
        assertThat(snapshot(BACKGROUND_TRACKS)).isEqualTo(StateFixtures.resource("background-track.snapshot"));
    }

    @Test
    void backgroundTracksAreWrittenAsBefore() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(128);
        BACKGROUND_TRACKS.serialize(StateFixtures.backgroundTrack(), out);
        assertThat(out.getCopyOfBuffer()).isEqualTo(StateFixtures.resource("background-tracks.bin"));
    }

    /** One serializer class serves every model: the snapshot's class keeps their state apart. */
    @Test
    void aTrackSnapshotIsNotCompatibleWithABackgroundTrackSnapshot() {
        assertThat(TRACKS).isNotEqualTo(BACKGROUND_TRACKS);
        assertThat(TrackTypeInfo.INSTANCE).isNotEqualTo(BackgroundTrackTypeInfo.INSTANCE);
        @SuppressWarnings({"unchecked", "rawtypes"})
        TypeSerializerSnapshot<Track> other = (TypeSerializerSnapshot) BACKGROUND_TRACKS.snapshotConfiguration();
        assertThat(TRACKS.snapshotConfiguration()
                        .resolveSchemaCompatibility(other)
                        .isIncompatible())
                .isTrue();
        assertThat(TRACKS.snapshotConfiguration()
                        .resolveSchemaCompatibility(TRACKS.snapshotConfiguration())
                        .isCompatibleAsIs())
                .isTrue();
    }
}
