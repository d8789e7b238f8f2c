package io.trackflow.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.beatpass.BeatPassClient;
import io.trackflow.beatpass.model.Track;
import io.trackflow.beatpass.model.TrackInclude;
import io.trackflow.testkit.FakeBeatPass;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class TrackTypeInfoTest {

    private static final TypeSerializer<Track> SERIALIZER =
            TrackTypeInfo.INSTANCE.createSerializer(new SerializerConfigImpl());

    private static Track roundTrip(Track t) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        SERIALIZER.serialize(t, out);
        return SERIALIZER.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }

    /** Tracks as the fake serves them with every relation: whatever fields Track has, they must survive. */
    @Test
    void everyFieldOfARealTrackSurvivesTheRoundTrip() throws IOException {
        try (FakeBeatPass server = FakeBeatPass.builder()
                        .recordRequests(false)
                        .rateLimitPerMinute(100_000)
                        .start()
                        .seed(40);
                BeatPassClient client = BeatPassClient.builder()
                        .token(server.token())
                        .baseUrl(server.baseUrl())
                        .build()) {
            List<Track> tracks = client.tracks()
                    .getAll(Flux.range(1, 40).map(Long::valueOf), TrackInclude.values())
                    .collectList()
                    .block(Duration.ofSeconds(30));
            assertThat(tracks).hasSize(40);
            assertThat(tracks).anySatisfy(t -> assertThat(t.album()).isPresent());
            for (Track t : tracks) {
                assertThat(roundTrip(t)).isEqualTo(t);
            }
        }
    }

    @Test
    void aBareTrackRoundTripsAndCopiesWithoutDecoding() throws IOException {
        Track bare = Track.builder().id(7).name("n").build();
        assertThat(roundTrip(bare)).isEqualTo(bare);
        DataOutputSerializer first = new DataOutputSerializer(64);
        SERIALIZER.serialize(bare, first);
        DataOutputSerializer copy = new DataOutputSerializer(64);
        SERIALIZER.copy(new DataInputDeserializer(first.getCopyOfBuffer()), copy);
        assertThat(copy.getCopyOfBuffer()).isEqualTo(first.getCopyOfBuffer());
    }

    /** State written by a later trackflow, whose Track has a field this one lacks, still restores. */
    @Test
    void fieldsThisVersionDoesNotKnowAreIgnored() throws IOException {
        byte[] json = "{\"id\":3,\"name\":\"later\",\"bpm\":128,\"future_field\":{\"a\":[1,2]}}"
                .getBytes(StandardCharsets.UTF_8);
        DataOutputSerializer out = new DataOutputSerializer(64);
        out.writeInt(json.length);
        out.write(json);
        Track t = SERIALIZER.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertThat(t.id()).isEqualTo(3);
        assertThat(t.name()).isEqualTo("later");
    }

    @Test
    void theSerializerIsOursNotKryosAndRestoresFromItsSnapshot() throws Exception {
        assertThat(SERIALIZER).isInstanceOf(ModelTypeInfo.Serializer.class);
        assertThat(SERIALIZER.snapshotConfiguration()).isInstanceOf(TrackTypeInfo.Snapshot.class);
        assertThat(SERIALIZER.snapshotConfiguration().restoreSerializer()).isEqualTo(SERIALIZER);
        assertThat(TrackTypeInfo.INSTANCE.getTypeClass()).isEqualTo(Track.class);
        assertThat(TrackLookupFunction.builder().token("t").build().getProducedType())
                .isEqualTo(TrackTypeInfo.INSTANCE);
        // as shipped to a TaskManager: still the same type and serializer
        assertThat(InstantiationUtil.clone(TrackTypeInfo.INSTANCE)).isEqualTo(TrackTypeInfo.INSTANCE);
        assertThat(InstantiationUtil.clone(SERIALIZER)).isEqualTo(SERIALIZER);
    }
}
