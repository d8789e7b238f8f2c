package io.trackflow.core.json;

import io.trackflow.core.json.internal.Mismatch;
import io.trackflow.core.json.internal.StreamCodec;
import io.trackflow.core.json.internal.Wire;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * One field a {@link ModelCodec} registered: reads its value into the builder (or answers the raw value of
 * an optional field that does not read), and writes it from a value.
 *
 * @param <B> the model's builder
 * @param <T> the model
 * @param <V> the value
 */
final class ModelField<B, T, V> {

    /** Answered by {@link #read} for a required field that did not read in a capturing read. */
    static final RawJson REQUIRED_FAILED = RawJson.parse("\"required field failed\"");

    final String name;
    final int index;
    final FieldType<V> type;
    final boolean required;
    private final ModelCodec<B, T> owner;
    private final BiConsumer<B, V> setter;
    /** The value to write; null: the field is not written. An empty {@code Optional} or list is left out. */
    private final @Nullable Function<T, ?> getter;

    private final AtomicBoolean logged = new AtomicBoolean();
    /** Registered with a default (always present): a kept raw value is written instead of it. */
    boolean defaulted;

    ModelField(
            ModelCodec<B, T> owner,
            String name,
            int index,
            FieldType<V> type,
            BiConsumer<B, V> setter,
            @Nullable Function<T, ?> getter,
            boolean required) {
        this.owner = owner;
        this.name = name;
        this.index = index;
        this.type = type;
        this.setter = setter;
        this.getter = getter;
        this.required = required;
    }

    /**
     * Reads the value at the current token (not {@code null}) into the builder, and, with a capture, its
     * raw value there too. Returns null when read; the raw value of an optional field that did not read
     * (then kept raw by the model: a {@link RawJson}, or a {@link RawFields.Lazy} one in a checking read);
     * {@link #REQUIRED_FAILED} when a required field did not read in a capturing read (the reason is in the
     * capture). Without a capture, a required field (or any field of
     * a strict model) that does not read throws.
     */
    @Nullable
    Object read(JsonParser p, B builder, @Nullable Capture capture) {
        if (type.model() == null) {
            // a scalar read never moves the parser; a structure where a scalar belongs never reads
            boolean structure = p.currentToken().isStructStart();
            RawJson node = Capture.collecting(capture) || structure ? RawJson.read(p) : null;
            if (capture != null && node != null) {
                capture.put(name, node);
            }
            V v = structure ? type.readStructure(node) : type.readScalar(p);
            if (v != null) {
                setter.accept(builder, v);
                return null;
            }
            return unreadable(capture, node != null ? node : RawJson.read(p), "is not " + type.expected());
        }
        StreamCodec<?> nested = type.nested();
        ModelCodec<?, ?> codec = ModelCodec.of(nested);
        if (codec != null && (capture != null || (!required && !owner.strict && codec.mayFail()))) {
            // read once, and read again from the document only if it (and every value around it) fails
            Document document = Capture.collecting(capture) ? null : Document.of(p);
            return readNested(codec, document, p, builder, capture);
        }
        // a model without required fields cannot fail; a required structure fails the value
        V v;
        RawJson node = null;
        if (Capture.collecting(capture)) { // a value of another codec (RawJson, ...): kept raw too
            node = RawJson.read(p);
            capture.put(name, node);
            try (JsonParser again = Wire.parser(node.toJson())) {
                again.nextToken();
                v = readStructure(nested, again);
            }
        } else {
            v = readStructure(nested, p);
        }
        if (v != null) {
            setter.accept(builder, v);
            return null;
        }
        return unreadable(capture, node != null ? node : RawJson.read(p), "is not " + type.expected());
    }

    /**
     * An object or a list of objects of a model that may not read, read so that what does not read is kept
     * raw: with the {@code document} of a parser of trackflow's own, read once and, only when it does not
     * read, read again raw from the document; without one, read capturing the raw value of every field as it
     * goes.
     */
    private @Nullable Object readNested(
            ModelCodec<?, ?> codec, @Nullable Document document, JsonParser p, B builder, @Nullable Capture capture) {
        if (p.currentToken() != (type.isList() ? JsonToken.START_ARRAY : JsonToken.START_OBJECT)) {
            RawJson tree = RawJson.read(p);
            if (capture != null) {
                capture.put(name, tree);
            }
            return unreadable(capture, tree, "is not " + type.expected());
        }
        long from = document == null ? -1 : document.open(p);
        boolean collect = from < 0;
        try {
            return readStructureOf(codec, collect ? null : document, from, p, builder, capture);
        } finally {
            if (!collect) {
                document.close();
            }
        }
    }

    /** {@link #readNested}'s object or list (at its start), with its document open from {@code from}, if any. */
    @SuppressWarnings("unchecked")
    private @Nullable Object readStructureOf(
            ModelCodec<?, ?> codec,
            @Nullable Document document,
            long from,
            JsonParser p,
            B builder,
            @Nullable Capture capture) {
        boolean collect = document == null;
        Object value;
        String why;
        RawFields.@Nullable Lazy raw = null; // kept only when there is no document to read again
        if (!type.isList()) {
            Capture c = codec.stream.readCapturing(p, collect);
            value = c.value;
            why = c.why == null ? "" : "does not read as " + codec.model + ": " + c.why;
            if (collect) {
                raw = c;
            } else if (value != null) {
                settle(c, capture);
            }
        } else {
            List<Object> values = new ArrayList<>();
            // when collecting, every element (the list's raw value); when checking, those that keep ranges
            List<Capture> elements = collect ? new ArrayList<>() : List.of();
            why = null;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                Capture c = codec.stream.readCapturing(p, collect);
                if (c.value == null && why == null) {
                    why = "element " + values.size() + " does not read as " + codec.model + ": " + c.why;
                }
                values.add(c.value);
                if (collect || c.keepsRanges()) {
                    if (elements.isEmpty() && !collect) {
                        elements = new ArrayList<>(); // List.of() until an element keeps ranges
                    }
                    elements.add(c);
                }
            }
            value = why == null ? values : null;
            if (!collect && value != null) {
                elements.forEach(c -> settle(c, capture));
            }
            if (collect) {
                List<Capture> all = elements;
                raw = () -> {
                    List<RawJson> array = new ArrayList<>(all.size());
                    all.forEach(e -> array.add(e.raw()));
                    return RawJson.array(array);
                };
            }
        }
        if (capture != null && raw != null) {
            capture.put(name, raw);
        }
        if (value != null) {
            setter.accept(builder, (V) value);
            return null;
        }
        if (capture != null && (required || owner.strict)) {
            return unreadable(capture, RawJson.NULL, why); // fails the value it is in: its raw value is not kept
        }
        if (raw != null) {
            return unreadable(capture, raw.raw(), why);
        }
        Document d = Objects.requireNonNull(document);
        // within a value being checked, a range, read only if that value and those around it read
        return unreadable(capture, capture == null ? d.raw(from, d.after(p)) : capture.pend(d.range(from, p)), why);
    }

    /**
     * A nested value that read, in a checking read: what did not read within it is read now when nothing
     * around it can fail any more (it is a field of a value being read that fails by throwing), or left to
     * the value around it.
     */
    private static void settle(Capture read, @Nullable Capture around) {
        if (around == null) {
            read.settle();
        } else {
            around.adopt(read);
        }
    }

    /**
     * A value that did not read: thrown for a required field or a strict model's (recorded in a capture
     * instead), logged once per field and answered for an optional one.
     */
    private Object unreadable(@Nullable Capture capture, Object raw, String why) {
        if (required || owner.strict) {
            if (capture == null) {
                throw new Mismatch(String.format(
                        "%s: %s '%s' %s: %s",
                        owner.model, required ? "required field" : "field", name, why, excerpt(raw)));
            }
            if (capture.why == null) {
                capture.why = (required ? "required field '" : "field '") + name + "' " + why;
            }
            return REQUIRED_FAILED;
        }
        if (owner.log.isDebugEnabled() && logged.compareAndSet(false, true)) {
            owner.log.debug(
                    "{}.{} {}: {}; read as absent, kept raw in additionalProperties() (logged once per field)",
                    owner.model,
                    name,
                    why,
                    excerpt(raw));
        }
        return raw;
    }

    /** An object or a list of objects; null when the token is not one (a failing element throws). */
    @SuppressWarnings("unchecked")
    private @Nullable V readStructure(StreamCodec<?> codec, JsonParser p) {
        JsonToken t = p.currentToken();
        if (!type.isList()) {
            return t == JsonToken.START_OBJECT ? (V) codec.read(p) : null;
        }
        if (t != JsonToken.START_ARRAY) {
            return null;
        }
        List<Object> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw new Mismatch(String.format("%s.%s: element %d is not an object", owner.model, name, out.size()));
            }
            out.add(codec.read(p));
        }
        return (V) out;
    }

    /** The model's value of this field (an optional's value, or null when empty or without a getter). */
    @Nullable
    Object valueOf(T model) {
        return getter == null ? null : present(getter.apply(model));
    }

    /** Writes the field's name and value when it has one; answers whether it wrote. */
    @SuppressWarnings("unchecked")
    boolean write(T model, JsonGenerator g) {
        if (getter == null) {
            return false;
        }
        Object v = getter.apply(model);
        v = present(v);
        if (v == null || (v instanceof List && ((List<?>) v).isEmpty())) {
            return false;
        }
        g.writeName(name);
        type.write((V) v, g);
        return true;
    }

    /** The value inside an optional (null when empty), or the value itself. */
    private static @Nullable Object present(@Nullable Object v) {
        if (v instanceof Optional) {
            return ((Optional<?>) v).orElse(null);
        }
        if (v instanceof OptionalLong) {
            OptionalLong o = (OptionalLong) v;
            return o.isPresent() ? o.getAsLong() : null;
        }
        if (v instanceof OptionalInt) {
            OptionalInt o = (OptionalInt) v;
            return o.isPresent() ? o.getAsInt() : null;
        }
        if (v instanceof OptionalDouble) {
            OptionalDouble o = (OptionalDouble) v;
            return o.isPresent() ? o.getAsDouble() : null;
        }
        return v;
    }

    private static String excerpt(Object raw) {
        String unread = raw instanceof Document.Range ? ((Document.Range) raw).unread(256) : null;
        String s = unread != null ? unread : RawFields.Collector.node(raw).toJson(); // a range is not read early
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }
}
