package io.trackflow.flink;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** The versioned serializers of splits and enumerator state. Version 1 is the only format so far. */
final class Serializers {

    private Serializers() {}

    /** {@link OffsetRangeSplit}, version 1. */
    static final class SplitSerializer implements SimpleVersionedSerializer<OffsetRangeSplit> {
        static final int VERSION = 1;

        @Override
        public int getVersion() {
            return VERSION;
        }

        @Override
        public byte[] serialize(OffsetRangeSplit split) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                write(split, out);
            }
            return bytes.toByteArray();
        }

        @Override
        public OffsetRangeSplit deserialize(int version, byte[] serialized) throws IOException {
            checkVersion(version);
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                return read(in);
            }
        }

        static void write(OffsetRangeSplit s, DataOutputStream out) throws IOException {
            out.writeUTF(s.splitId());
            out.writeLong(s.start());
            out.writeLong(s.end());
            out.writeLong(s.position());
            out.writeLong(s.pass());
            writeInstant(s.changedSince(), out);
        }

        static OffsetRangeSplit read(DataInputStream in) throws IOException {
            return OffsetRangeSplit.of(
                    in.readUTF(), in.readLong(), in.readLong(), in.readLong(), in.readLong(), readInstant(in));
        }
    }

    /** {@link ListingEnumeratorState}, version 1. */
    static final class StateSerializer implements SimpleVersionedSerializer<ListingEnumeratorState> {
        static final int VERSION = 1;

        @Override
        public int getVersion() {
            return VERSION;
        }

        @Override
        public byte[] serialize(ListingEnumeratorState state) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(state.pendingSplits().size());
                for (OffsetRangeSplit s : state.pendingSplits()) {
                    SplitSerializer.write(s, out);
                }
                out.writeLong(state.nextSplitNumber());
                out.writeLong(state.pass());
                writeInstant(state.lastPassStartedAt(), out);
            }
            return bytes.toByteArray();
        }

        @Override
        public ListingEnumeratorState deserialize(int version, byte[] serialized) throws IOException {
            checkVersion(version);
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                int n = in.readInt();
                if (n < 0) {
                    throw new IOException("corrupt enumerator state: " + n + " splits");
                }
                List<OffsetRangeSplit> pending = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    pending.add(SplitSerializer.read(in));
                }
                return ListingEnumeratorState.of(pending, in.readLong(), in.readLong(), readInstant(in));
            }
        }
    }

    private static void checkVersion(int version) throws IOException {
        if (version != 1) {
            throw new IOException("unknown serialization version " + version + " (this trackflow reads version 1)");
        }
    }

    private static void writeInstant(Optional<Instant> t, DataOutputStream out) throws IOException {
        out.writeBoolean(t.isPresent());
        if (t.isPresent()) {
            out.writeLong(t.get().getEpochSecond());
            out.writeInt(t.get().getNano());
        }
    }

    private static Optional<Instant> readInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Optional.of(Instant.ofEpochSecond(in.readLong(), in.readInt())) : Optional.empty();
    }
}
