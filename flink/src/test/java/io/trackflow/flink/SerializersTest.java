package io.trackflow.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.Media;
import io.trackflow.beyondwords.model.ProjectRef;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class SerializersTest {

    @Test
    void splitsRoundTrip() throws IOException {
        Serializers.SplitSerializer s = new Serializers.SplitSerializer();
        OffsetRangeSplit a =
                OffsetRangeSplit.of("split-7", 100, 200, 150, 3, Optional.of(Instant.parse("2026-01-01T00:00:00.5Z")));
        OffsetRangeSplit b = OffsetRangeSplit.of("split-8", 0, Long.MAX_VALUE, 0, 1, Optional.empty());
        assertThat(s.deserialize(s.getVersion(), s.serialize(a))).isEqualTo(a);
        assertThat(s.deserialize(s.getVersion(), s.serialize(b))).isEqualTo(b);
        assertThatThrownBy(() -> s.deserialize(2, s.serialize(a)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("version 2");
    }

    @Test
    void enumeratorStateRoundTrips() throws IOException {
        Serializers.StateSerializer s = new Serializers.StateSerializer();
        ListingEnumeratorState state = ListingEnumeratorState.of(
                List.of(OffsetRangeSplit.of("split-1", 0, 10, 5, 1, Optional.empty())),
                42,
                2,
                Optional.of(Instant.parse("2026-02-02T10:00:00Z")));
        assertThat(s.deserialize(1, s.serialize(state))).isEqualTo(state);
        assertThat(s.deserialize(1, s.serialize(ListingEnumeratorState.initial())))
                .isEqualTo(ListingEnumeratorState.initial());
    }

    @Test
    void tracksRoundTripThroughTheirFlinkSerializer() throws IOException {
        var serializer = BackgroundTrackTypeInfo.INSTANCE.createSerializer(
                new org.apache.flink.api.common.serialization.SerializerConfigImpl());
        BackgroundTrack full = BackgroundTrack.builder()
                .id(9)
                .name("Rain ☔ " + "x".repeat(70_000))
                .volume(40)
                .project(ProjectRef.builder().id(2).name("Podcasts").build())
                .media(Media.builder()
                        .url("https://cdn.example.com/a.mp3")
                        .duration(Duration.ofMillis(123_456))
                        .build())
                .created(Instant.parse("2023-01-01T00:00:00Z"))
                .updated(Instant.parse("2023-01-01T00:00:05.123Z"))
                .build();
        BackgroundTrack bare = BackgroundTrack.builder()
                .id(1)
                .name("n")
                .created(Instant.EPOCH)
                .updated(Instant.EPOCH)
                .build();
        for (BackgroundTrack t : List.of(full, bare)) {
            DataOutputSerializer out = new DataOutputSerializer(64);
            serializer.serialize(t, out);
            assertThat(serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer())))
                    .isEqualTo(t);
        }
        assertThat(serializer.snapshotConfiguration().restoreSerializer()).isEqualTo(serializer);
    }
}
