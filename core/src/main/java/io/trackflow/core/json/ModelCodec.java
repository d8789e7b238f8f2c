package io.trackflow.core.json;

import io.trackflow.core.json.internal.StreamCodec;
import io.trackflow.core.json.internal.Wire;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * How one model is read from and written to JSON, one line per field: the one rule the client's wire path
 * and an application's own Jackson mapper (through trackflow's modules) both apply. Reading is one
 * streaming pass over Jackson 3's parser, field by field (see <i>Models keep what the server sends</i> in
 * {@code docs/decisions.md}):
 *
 * <ul>
 *   <li>a <b>required</b> field ({@link #required}) that is missing, {@code null} or does not read as
 *       its {@link FieldType} fails the whole value (an {@link IllegalArgumentException} naming the model
 *       and the field; a client turns it into a {@code DecodingException}, a Jackson mapper into its
 *       {@code MismatchedInputException});
 *   <li>an <b>optional</b> field ({@link #optional}, {@link #withDefault}) that is missing or {@code null}
 *       is absent; one that does not read is absent too (the model's default applies), its raw value is
 *       kept in the additional properties under its own name, and the first such value of each field is
 *       logged at debug level (logger: the model's class); it never fails the value;
 *   <li>every other field is kept, raw, in the additional properties, in the order sent.
 * </ul>
 *
 * <p>A <em>strict</em> codec (the constructor without additional properties, for request types) fails on
 * any registered field that does not read, and ignores fields it does not know.
 *
 * <p>Writing gives the provider's JSON back: the typed fields in the order registered (an absent optional,
 * an empty {@code Optional} or list, left out), then the additional properties exactly as received; an
 * optional field whose raw value is kept is written raw, as it came. So {@code read(write(x))} equals
 * {@code x}.
 *
 * <p>One streaming pass, no tree per object: only unknown or unreadable values become (small) trees. An
 * optional nested object or list whose model has required fields may turn out not to read, and must then be
 * kept exactly as sent: read by this class's {@code read} methods or {@link Json}'s, it is read once and,
 * only if it does not read (and every value around it reads), read again raw from the bytes (or text) it
 * came in; read by an application's mapper through trackflow's Jackson modules, it is read <em>capturing</em>:
 * each of its fields is also kept raw while it is read. A subclass registers its fields in its constructor;
 * the model registers the codec with {@link Json#register} from its own class initializer.
 *
 * @param <B> the model's builder
 * @param <T> the model
 */
public abstract class ModelCodec<B, T> {

    final Logger log;
    final String model;
    final boolean strict;
    final Class<T> type;
    final Supplier<B> newBuilder;
    final Function<B, ? extends T> build;
    final @Nullable BiConsumer<B, RawFields> additional;
    final @Nullable Function<T, RawFields> additionalOf;
    /** The fields registered, by name and in order. */
    final ModelFields<B, T> fields = new ModelFields<>();

    /** This codec as the registry and the Jackson modules see it. */
    final ModelStream<B, T> stream = new ModelStream<>(this);

    /**
     * Creates the codec of a model that keeps what it does not read; the subclass's constructor then
     * registers the model's fields.
     *
     * @param type the model
     * @param newBuilder a new builder of the model
     * @param build builds the model from a builder
     * @param additional puts the fields not read (never empty) into a builder
     * @param additionalOf the fields a value keeps raw, written after its typed fields
     */
    protected ModelCodec(
            Class<T> type,
            Supplier<B> newBuilder,
            Function<B, ? extends T> build,
            BiConsumer<B, RawFields> additional,
            Function<T, RawFields> additionalOf) {
        this(
                type,
                newBuilder,
                build,
                Objects.requireNonNull(additional, "additional"),
                Objects.requireNonNull(additionalOf, "additionalOf"),
                false);
    }

    /**
     * Creates a strict codec (a request type): every registered field that is sent must read, fields it
     * does not know are ignored, nothing is kept raw.
     *
     * @param type the model
     * @param newBuilder a new builder of the model
     * @param build builds the model from a builder (its checks' exceptions name the field)
     */
    protected ModelCodec(Class<T> type, Supplier<B> newBuilder, Function<B, ? extends T> build) {
        this(type, newBuilder, build, null, null, true);
    }

    private ModelCodec(
            Class<T> type,
            Supplier<B> newBuilder,
            Function<B, ? extends T> build,
            @Nullable BiConsumer<B, RawFields> additional,
            @Nullable Function<T, RawFields> additionalOf,
            boolean strict) {
        this.type = Objects.requireNonNull(type, "type");
        this.log = Loggers.getLogger(type);
        this.model = type.getSimpleName();
        this.newBuilder = Objects.requireNonNull(newBuilder, "newBuilder");
        this.build = Objects.requireNonNull(build, "build");
        this.additional = additional;
        this.additionalOf = additionalOf;
        this.strict = strict;
    }

    /** The model this codec reads and writes. */
    public final Class<T> type() {
        return type;
    }

    /**
     * Registers a field the value cannot do without, written from {@code getter}.
     *
     * @param name the JSON name
     * @param type what it accepts
     * @param setter puts the value into the builder
     * @param getter the value to write
     * @param <V> the value
     */
    protected final <V> void required(String name, FieldType<V> type, BiConsumer<B, V> setter, Function<T, V> getter) {
        add(name, type, setter, Objects.requireNonNull(getter, "getter"), true);
    }

    /**
     * Registers a field the value cannot do without, read but never written (an envelope's).
     *
     * @param name the JSON name
     * @param type what it accepts
     * @param setter puts the value into the builder
     * @param <V> the value
     */
    protected final <V> void required(String name, FieldType<V> type, BiConsumer<B, V> setter) {
        add(name, type, setter, null, true);
    }

    /**
     * Registers a field the value may lack (absent, {@code null}, or unreadable: then raw), written when
     * {@code getter} answers a value.
     *
     * @param name the JSON name
     * @param type what it accepts
     * @param setter puts the value into the builder
     * @param getter the value to write: an {@code Optional} (or {@code OptionalLong}, {@code OptionalInt},
     *     {@code OptionalDouble}) of it, empty when absent
     * @param <V> the value
     */
    protected final <V> void optional(String name, FieldType<V> type, BiConsumer<B, V> setter, Function<T, ?> getter) {
        add(name, type, setter, Objects.requireNonNull(getter, "getter"), false);
    }

    /**
     * Registers a field the value may lack, read but never written (an envelope's).
     *
     * @param name the JSON name
     * @param type what it accepts
     * @param setter puts the value into the builder
     * @param <V> the value
     */
    protected final <V> void optional(String name, FieldType<V> type, BiConsumer<B, V> setter) {
        add(name, type, setter, null, false);
    }

    /**
     * Registers an optional field with a default (absent, {@code null} or unreadable: the default applies),
     * always written (an empty list is left out) but when a raw value of it is kept: that is written instead,
     * as the provider sent it.
     *
     * @param name the JSON name
     * @param type what it accepts
     * @param setter puts the value into the builder
     * @param getter the value to write
     * @param <V> the value
     */
    protected final <V> void withDefault(
            String name, FieldType<V> type, BiConsumer<B, V> setter, Function<T, V> getter) {
        add(name, type, setter, Objects.requireNonNull(getter, "getter"), false).defaulted = true;
    }

    private <V> ModelField<B, T, V> add(
            String name,
            FieldType<V> type,
            BiConsumer<B, V> setter,
            @Nullable Function<T, ?> getter,
            boolean required) {
        return fields.add(this, name, type, setter, getter, required);
    }

    /** The model codec behind a registry entry; null for another kind of codec. */
    static @Nullable ModelCodec<?, ?> of(StreamCodec<?> codec) {
        return codec instanceof ModelStream ? ((ModelStream<?, ?>) codec).codec : null;
    }

    /**
     * Whether reading an object can fail for a reason other than broken JSON: when the model has required
     * fields. A nested model that cannot fail is read straight from the stream; one that can is read so that
     * it can be kept raw (see the class comment).
     */
    final boolean mayFail() {
        return fields.requiredMask != 0 || strict;
    }

    /**
     * Reads one JSON value from a stream (closed once read).
     *
     * @param in the JSON
     * @return the model
     * @throws IllegalArgumentException when the JSON is malformed or does not read as the model (the message
     *     names the field)
     */
    public final T read(InputStream in) {
        Objects.requireNonNull(in, "in");
        return Document.read(in, stream::readRoot);
    }

    /**
     * Reads one JSON value from text.
     *
     * @param json the JSON
     * @return the model
     * @throws IllegalArgumentException when the JSON is malformed or does not read as the model
     */
    public final T read(String json) {
        Objects.requireNonNull(json, "json");
        return Document.read(json, stream::readRoot);
    }

    /**
     * Reads a JSON array of the model from a stream (closed once read); one element that does not read
     * fails the whole array.
     *
     * @param in the JSON
     * @return the models, in order (immutable)
     * @throws IllegalArgumentException when the JSON is malformed, not an array, or an element does not read
     */
    public final List<T> readList(InputStream in) {
        Objects.requireNonNull(in, "in");
        return Document.read(in, p -> Json.readArray(p, stream));
    }

    /**
     * Writes a value as JSON text (the provider's form).
     *
     * @param value the model
     * @return the JSON
     */
    public final String write(T value) {
        Objects.requireNonNull(value, "value");
        return Wire.text(g -> stream.write(value, g));
    }

    /**
     * Writes a value as UTF-8 JSON (the provider's form).
     *
     * @param value the model
     * @return the JSON
     */
    public final byte[] writeBytes(T value) {
        Objects.requireNonNull(value, "value");
        return Wire.bytes(g -> stream.write(value, g));
    }

    @Override
    public String toString() {
        return "ModelCodec{" + model + "}";
    }
}
