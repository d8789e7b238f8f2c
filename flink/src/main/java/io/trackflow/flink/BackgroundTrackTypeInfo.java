package io.trackflow.flink;

import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.Media;
import io.trackflow.beyondwords.model.ProjectRef;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Flink type information for {@link BackgroundTrack}: a dedicated, compact binary format (no Kryo, no
 * POJO reflection), versioned through its snapshot. {@link BackgroundTrackSource} declares it; use
 * {@link #INSTANCE} where Flink asks for the type of a stream of tracks, e.g. {@code
 * .returns(BackgroundTrackTypeInfo.INSTANCE)}.
 */
public final class BackgroundTrackTypeInfo {

    /** The type information of a stream of background tracks. */
    public static final TypeInformation<BackgroundTrack> INSTANCE = new ModelTypeInfo<>(new Format());

    private BackgroundTrackTypeInfo() {}

    /**
     * Format version 1: id, name, volume, optional project (id, name), optional media (url, optional
     * duration in ms), created and updated (seconds + nanos).
     */
    private static final class Format extends ModelTypeInfo.Format<BackgroundTrack> {
        private static final long serialVersionUID = 1L;
        private static final BackgroundTrack EMPTY = BackgroundTrack.builder()
                .id(0)
                .name("")
                .created(Instant.EPOCH)
                .updated(Instant.EPOCH)
                .build();

        Format() {
            super(BackgroundTrack.class);
        }

        @Override
        BackgroundTrack empty() {
            return EMPTY;
        }

        @Override
        TypeSerializerSnapshot<BackgroundTrack> snapshot() {
            return new Snapshot();
        }

        @Override
        void write(BackgroundTrack t, DataOutputView out) throws IOException {
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
        BackgroundTrack read(DataInputView in) throws IOException {
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

        private static void writeInstant(Instant t, DataOutputView out) throws IOException {
            out.writeLong(t.getEpochSecond());
            out.writeInt(t.getNano());
        }

        private static Instant readInstant(DataInputView in) throws IOException {
            return Instant.ofEpochSecond(in.readLong(), in.readInt());
        }
    }

    /** The serializer's snapshot (format version 1); its class name is in checkpoints and savepoints. */
    public static final class Snapshot extends ModelTypeInfo.Snapshot<BackgroundTrack> {
        /** For Flink's restore. */
        public Snapshot() {
            super(new Format());
        }
    }
}
