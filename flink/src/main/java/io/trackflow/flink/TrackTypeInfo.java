package io.trackflow.flink;

import io.trackflow.beatpass.model.Track;
import io.trackflow.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink type information for BeatPass {@link Track}s (no Kryo, no POJO reflection). A track travels
 * as the JSON that trackflow's own codec ({@link Json}) writes and reads for it (the provider's form), so every field the
 * model has, today's and those a later trackflow adds, round-trips without a change here; and
 * because unknown fields are ignored on reading, state written by one trackflow version restores in
 * another (a field added later is absent from older state). {@link TrackLookupFunction} declares it;
 * use {@link #INSTANCE} where Flink asks for the type of a stream of tracks, e.g. {@code
 * .returns(TrackTypeInfo.INSTANCE)}.
 *
 * <p>Costs: JSON is larger and slower than a hand-written binary format (a few microseconds per
 * track with relations); durations keep millisecond precision, the unit BeatPass sends.
 */
public final class TrackTypeInfo extends TypeInformation<Track> {

    private static final long serialVersionUID = 1L;

    /** The one instance. */
    public static final TrackTypeInfo INSTANCE = new TrackTypeInfo();

    private TrackTypeInfo() {}

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<Track> getTypeClass() {
        return Track.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<Track> createSerializer(SerializerConfig config) {
        return TrackSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "TrackTypeInfo";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof TrackTypeInfo;
    }

    @Override
    public int hashCode() {
        return TrackTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof TrackTypeInfo;
    }

    private Object readResolve() {
        return INSTANCE;
    }

    /**
     * The serializer: the track's JSON (UTF-8) behind its length (an int). Tracks are immutable:
     * copies are the same instance.
     */
    public static final class TrackSerializer extends TypeSerializer<Track> {

        private static final long serialVersionUID = 1L;
        static final TrackSerializer INSTANCE = new TrackSerializer();
        private static final Track EMPTY = Track.builder().id(1).name("").build();

        /** Use {@link TrackTypeInfo#createSerializer}; public for Flink's snapshot restore. */
        public TrackSerializer() {}

        @Override
        public boolean isImmutableType() {
            return true;
        }

        @Override
        public TypeSerializer<Track> duplicate() {
            return this;
        }

        @Override
        public Track createInstance() {
            return EMPTY;
        }

        @Override
        public Track copy(Track from) {
            return from;
        }

        @Override
        public Track copy(Track from, Track reuse) {
            return from;
        }

        @Override
        public int getLength() {
            return -1;
        }

        @Override
        public void serialize(Track track, DataOutputView out) throws IOException {
            byte[] json = Json.writeBytes(track);
            out.writeInt(json.length);
            out.write(json);
        }

        @Override
        public Track deserialize(DataInputView in) throws IOException {
            byte[] json = new byte[in.readInt()];
            in.readFully(json);
            try {
                return Json.read(new ByteArrayInputStream(json), Track.class);
            } catch (IllegalArgumentException e) {
                throw new IOException("a track in state does not read: " + e.getMessage(), e);
            }
        }

        @Override
        public Track deserialize(Track reuse, DataInputView in) throws IOException {
            return deserialize(in);
        }

        @Override
        public void copy(DataInputView in, DataOutputView out) throws IOException {
            int length = in.readInt();
            out.writeInt(length);
            out.write(in, length);
        }

        @Override
        public boolean equals(Object obj) {
            return obj instanceof TrackSerializer;
        }

        @Override
        public int hashCode() {
            return TrackSerializer.class.hashCode();
        }

        @Override
        public TypeSerializerSnapshot<Track> snapshotConfiguration() {
            return new Snapshot();
        }
    }

    /** The serializer's snapshot (format version 1: length-prefixed JSON). */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Track> {
        /** For Flink's restore. */
        public Snapshot() {
            super(() -> TrackSerializer.INSTANCE);
        }
    }
}
