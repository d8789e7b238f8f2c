package io.trackflow.flink;

import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.Media;
import io.trackflow.beyondwords.model.ProjectRef;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Flink type information for {@link BackgroundTrack}: a dedicated, compact binary serializer (no
 * Kryo, no POJO reflection), versioned through its snapshot. {@link BackgroundTrackSource} declares
 * it; use {@link #INSTANCE} where Flink asks for the type of a stream of tracks, e.g. {@code
 * .returns(BackgroundTrackTypeInfo.INSTANCE)}.
 */
public final class BackgroundTrackTypeInfo extends TypeInformation<BackgroundTrack> {

    private static final long serialVersionUID = 1L;

    /** The one instance. */
    public static final BackgroundTrackTypeInfo INSTANCE = new BackgroundTrackTypeInfo();

    private BackgroundTrackTypeInfo() {}

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
    public Class<BackgroundTrack> getTypeClass() {
        return BackgroundTrack.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<BackgroundTrack> createSerializer(SerializerConfig config) {
        return BackgroundTrackSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "BackgroundTrackTypeInfo";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof BackgroundTrackTypeInfo;
    }

    @Override
    public int hashCode() {
        return BackgroundTrackTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof BackgroundTrackTypeInfo;
    }

    private Object readResolve() {
        return INSTANCE;
    }

    /**
     * The serializer: id, name, volume, optional project (id, name), optional media (url, optional
     * duration in ms), created and updated (seconds + nanos). Tracks are immutable: copies are the
     * same instance.
     */
    public static final class BackgroundTrackSerializer extends TypeSerializer<BackgroundTrack> {

        private static final long serialVersionUID = 1L;
        static final BackgroundTrackSerializer INSTANCE = new BackgroundTrackSerializer();
        private static final BackgroundTrack EMPTY = BackgroundTrack.builder()
                .id(0)
                .name("")
                .created(Instant.EPOCH)
                .updated(Instant.EPOCH)
                .build();

        /** Use {@link BackgroundTrackTypeInfo#createSerializer}; public for Flink's snapshot restore. */
        public BackgroundTrackSerializer() {}

        @Override
        public boolean isImmutableType() {
            return true;
        }

        @Override
        public TypeSerializer<BackgroundTrack> duplicate() {
            return this;
        }

        @Override
        public BackgroundTrack createInstance() {
            return EMPTY;
        }

        @Override
        public BackgroundTrack copy(BackgroundTrack from) {
            return from;
        }

        @Override
        public BackgroundTrack copy(BackgroundTrack from, BackgroundTrack reuse) {
            return from;
        }

        @Override
        public int getLength() {
            return -1;
        }

        @Override
        public void serialize(BackgroundTrack t, DataOutputView out) throws IOException {
            out.writeLong(t.id());
            StringValue.writeString(t.name(), out);
            out.writeInt(t.volume());
            out.writeBoolean(t.project().isPresent());
            if (t.project().isPresent()) {
                out.writeLong(t.project().get().id());
                StringValue.writeString(t.project().get().name(), out);
            }
            out.writeBoolean(t.media().isPresent());
            if (t.media().isPresent()) {
                StringValue.writeString(t.media().get().url(), out);
                out.writeBoolean(t.media().get().duration().isPresent());
                if (t.media().get().duration().isPresent()) {
                    out.writeLong(t.media().get().duration().get().toMillis());
                }
            }
            writeInstant(t.created(), out);
            writeInstant(t.updated(), out);
        }

        @Override
        public BackgroundTrack deserialize(DataInputView in) throws IOException {
            BackgroundTrack.Builder b = BackgroundTrack.builder();
            b.id(in.readLong()).name(StringValue.readString(in)).volume(in.readInt());
            if (in.readBoolean()) {
                b.project(ProjectRef.builder()
                        .id(in.readLong())
                        .name(StringValue.readString(in))
                        .build());
            }
            if (in.readBoolean()) {
                Media.Builder m = Media.builder().url(StringValue.readString(in));
                if (in.readBoolean()) {
                    m.duration(Duration.ofMillis(in.readLong()));
                }
                b.media(m.build());
            }
            return b.created(readInstant(in)).updated(readInstant(in)).build();
        }

        @Override
        public BackgroundTrack deserialize(BackgroundTrack reuse, DataInputView in) throws IOException {
            return deserialize(in);
        }

        @Override
        public void copy(DataInputView in, DataOutputView out) throws IOException {
            serialize(deserialize(in), out);
        }

        @Override
        public boolean equals(Object obj) {
            return obj instanceof BackgroundTrackSerializer;
        }

        @Override
        public int hashCode() {
            return BackgroundTrackSerializer.class.hashCode();
        }

        @Override
        public TypeSerializerSnapshot<BackgroundTrack> snapshotConfiguration() {
            return new Snapshot();
        }

        private static void writeInstant(Instant t, DataOutputView out) throws IOException {
            out.writeLong(t.getEpochSecond());
            out.writeInt(t.getNano());
        }

        private static Instant readInstant(DataInputView in) throws IOException {
            return Instant.ofEpochSecond(in.readLong(), in.readInt());
        }
    }

    /** The serializer's snapshot (format version 1). */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<BackgroundTrack> {
        /** For Flink's restore. */
        public Snapshot() {
            super(() -> BackgroundTrackSerializer.INSTANCE);
        }
    }
}
