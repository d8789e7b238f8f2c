package io.trackflow.flink;

import io.trackflow.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink type information for any trackflow model (no Kryo, no POJO reflection): one type information
 * and one {@link Serializer} for all models, parameterised by the model's {@link Format} (its class,
 * how it is written and read, and its snapshot class). Models are immutable: copies are the same
 * instance. The public faces are {@link TrackTypeInfo#INSTANCE} and {@link
 * BackgroundTrackTypeInfo#INSTANCE}.
 */
final class ModelTypeInfo<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private final Format<T> format;

    ModelTypeInfo(Format<T> format) {
        this.format = format;
    }

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
    public Class<T> getTypeClass() {
        return format.type;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return new Serializer<>(format);
    }

    @Override
    public String toString() {
        return "ModelTypeInfo<" + format.type.getSimpleName() + ">";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof ModelTypeInfo && ((ModelTypeInfo<?>) obj).format.equals(format);
    }

    @Override
    public int hashCode() {
        return format.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof ModelTypeInfo;
    }

    /**
     * A model's wire format: what its serializer writes, reads and snapshots. One class per model;
     * formats of one class are equal.
     */
    abstract static class Format<T> implements Serializable {
        private static final long serialVersionUID = 1L;

        final Class<T> type;

        Format(Class<T> type) {
            this.type = type;
        }

        /** What {@link TypeSerializer#createInstance()} returns. */
        abstract T empty();

        abstract void write(T value, DataOutputView out) throws IOException;

        abstract T read(DataInputView in) throws IOException;

        /** A new snapshot of the model's own class: Flink stores its name in checkpoints and savepoints. */
        abstract TypeSerializerSnapshot<T> snapshot();

        /** Copies one record from {@code in} to {@code out}. */
        void copy(DataInputView in, DataOutputView out) throws IOException {
            write(read(in), out);
        }

        @Override
        public final boolean equals(Object obj) {
            return obj != null && obj.getClass() == getClass();
        }

        @Override
        public final int hashCode() {
            return getClass().hashCode();
        }
    }

    /**
     * The JSON that trackflow's own codec ({@link Json}) writes and reads for the model (the provider's
     * form), UTF-8, behind its length (an int). Fields a later trackflow adds round-trip without a
     * change here, and unknown fields in restored state are ignored; a record is copied without being
     * decoded.
     */
    abstract static class JsonFormat<T> extends Format<T> {
        private static final long serialVersionUID = 1L;

        JsonFormat(Class<T> type) {
            super(type);
        }

        @Override
        final void write(T value, DataOutputView out) throws IOException {
            byte[] json = Json.writeBytes(value);
            out.writeInt(json.length);
            out.write(json);
        }

        @Override
        final T read(DataInputView in) throws IOException {
            byte[] json = new byte[in.readInt()];
            in.readFully(json);
            try {
                return Json.read(new ByteArrayInputStream(json), type);
            } catch (IllegalArgumentException e) {
                throw new IOException("a " + type.getSimpleName() + " in state does not read: " + e.getMessage(), e);
            }
        }

        @Override
        final void copy(DataInputView in, DataOutputView out) throws IOException {
            int length = in.readInt();
            out.writeInt(length);
            out.write(in, length);
        }
    }

    /**
     * A model's serializer snapshot: nothing but its class (format version 3 of Flink's {@link
     * SimpleTypeSerializerSnapshot}), compatible as is with a snapshot of the same class only.
     */
    abstract static class Snapshot<T> extends SimpleTypeSerializerSnapshot<T> {
        Snapshot(Format<T> format) {
            super(() -> new Serializer<>(format));
        }

        @Override
        public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> old) {
            // the serializer's class is the same for every model: the snapshot's class tells the model
            return old.getClass() == getClass()
                    ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                    : TypeSerializerSchemaCompatibility.incompatible();
        }
    }

    /** The serializer of every model: its format's. */
    static final class Serializer<T> extends TypeSerializer<T> {
        private static final long serialVersionUID = 1L;

        private final Format<T> format;

        Serializer(Format<T> format) {
            this.format = format;
        }

        @Override
        public boolean isImmutableType() {
            return true;
        }

        @Override
        public TypeSerializer<T> duplicate() {
            return this;
        }

        @Override
        public T createInstance() {
            return format.empty();
        }

        @Override
        public T copy(T from) {
            return from;
        }

        @Override
        public T copy(T from, T reuse) {
            return from;
        }

        @Override
        public int getLength() {
            return -1;
        }

        @Override
        public void serialize(T record, DataOutputView out) throws IOException {
            format.write(record, out);
        }

        @Override
        public T deserialize(DataInputView in) throws IOException {
            return format.read(in);
        }

        @Override
        public T deserialize(T reuse, DataInputView in) throws IOException {
            return format.read(in);
        }

        @Override
        public void copy(DataInputView in, DataOutputView out) throws IOException {
            format.copy(in, out);
        }

        @Override
        public boolean equals(Object obj) {
            return obj instanceof Serializer && ((Serializer<?>) obj).format.equals(format);
        }

        @Override
        public int hashCode() {
            return format.hashCode();
        }

        @Override
        public TypeSerializerSnapshot<T> snapshotConfiguration() {
            return format.snapshot();
        }
    }
}
