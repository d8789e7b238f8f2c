package io.trackflow.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * Reads a JSON object into a model's builder in one streaming pass, field by field, with one rule per
 * field (see *Models keep what the server sends* in docs/decisions.md):
 *
 * <ul>
 *   <li>a <b>required</b> field ({@link #required}) that is missing, {@code null} or does not read as
 *       its {@link FieldType} fails the whole value (Jackson's {@code MismatchedInputException} naming
 *       the model and the field; a client turns it into a {@code DecodingException});
 *   <li>an <b>optional</b> field ({@link #optional}) that is missing or {@code null} is absent; one
 *       that does not read is absent too (the model's default applies), its raw value is kept in the
 *       additional properties under its own name, and the first such value of each field is logged at
 *       debug level (logger: the model's class); it never fails the value;
 *   <li>every other field is kept, raw, in the additional properties, in the order sent.
 * </ul>
 *
 * <p>One streaming pass, no tree per object: only unknown or unreadable values become (small) trees, all
 * kept in one {@link RawFields}. An optional nested object or list whose model has required fields is
 * read <em>capturing</em>: each of its fields is also kept as a small tree while it is read, so that the
 * whole value can still be kept raw, exactly as sent, if it turns out not to read; a nested model without
 * required fields cannot fail and is read like the top. A subclass registers its fields in its
 * no-argument constructor and is named on the model with {@code @JsonDeserialize(using = ...)}; Jackson
 * creates one per mapper and caches it. A deserializer of another kind for a nested type is buffered as
 * tokens instead.
 *
 * @param <B> the model's builder
 * @param <T> the model
 */
public abstract class ModelReader<B, T> extends StdDeserializer<T> implements ResolvableDeserializer {

    private static final long serialVersionUID = 1L;
    private static final ThreadLocal<Set<Class<?>>> RESOLVING = ThreadLocal.withInitial(HashSet::new);

    final Logger log;
    final String model;
    private final Supplier<B> newBuilder;
    private final Function<B, ? extends T> build;
    private final BiConsumer<B, RawFields> additional;
    private final Map<String, ModelField<B, ?>> fields = new HashMap<>();
    private final List<ModelField<B, ?>> inOrder = new ArrayList<>();
    private long requiredMask;
    /** The field seen first last time (a guess, shared racily: a stale one only costs a lookup). */
    private @Nullable ModelField<B, ?> first;

    /**
     * Creates the reader of a model; the subclass's constructor then registers the model's fields.
     *
     * @param type the model
     * @param newBuilder a new builder of the model
     * @param build builds the model from a builder
     * @param additional puts the fields not read (never empty) into a builder
     */
    protected ModelReader(
            Class<T> type,
            Supplier<B> newBuilder,
            Function<B, ? extends T> build,
            BiConsumer<B, RawFields> additional) {
        super(type);
        this.log = Loggers.getLogger(type);
        this.model = type.getSimpleName();
        this.newBuilder = Objects.requireNonNull(newBuilder, "newBuilder");
        this.build = Objects.requireNonNull(build, "build");
        this.additional = Objects.requireNonNull(additional, "additional");
    }

    /**
     * Registers a field the value cannot do without.
     *
     * @param name the JSON name
     * @param type what it accepts
     * @param setter puts the value into the builder
     * @param <V> the value
     */
    protected final <V> void required(String name, FieldType<V> type, BiConsumer<B, V> setter) {
        add(name, type, setter, true);
    }

    /**
     * Registers a field the value may lack (absent, {@code null}, or unreadable: then raw).
     *
     * @param name the JSON name
     * @param type what it accepts
     * @param setter puts the value into the builder
     * @param <V> the value
     */
    protected final <V> void optional(String name, FieldType<V> type, BiConsumer<B, V> setter) {
        add(name, type, setter, false);
    }

    private <V> void add(String name, FieldType<V> type, BiConsumer<B, V> setter, boolean required) {
        if (fields.size() == Long.SIZE || fields.containsKey(name)) {
            throw new IllegalArgumentException("field " + name + " is registered twice, or one field too many");
        }
        ModelField<B, V> f = new ModelField<>(this, name, fields.size(), type, setter, required);
        fields.put(name, f);
        inOrder.add(f);
        if (required) {
            requiredMask |= 1L << f.index;
        }
    }

    @Override
    public final boolean isCachable() {
        return true;
    }

    /**
     * Whether reading an object can fail for a reason other than broken JSON: when the model has
     * required fields. A nested model that cannot fail is read straight from the stream; one that can is
     * read capturing its raw JSON as it goes ({@link #readCapturing}), so that it can be kept raw.
     */
    final boolean mayFail() {
        return requiredMask != 0;
    }

    /**
     * Looks up (and so creates) the readers of nested models when Jackson creates this reader, on the
     * thread that creates the {@code ObjectReader}, never on first use: creating a deserializer takes a
     * lock of Jackson's cache, which must not happen on an event loop. Jackson calls this as soon as it
     * instantiates the reader, before caching it, so a model that contains itself (a track's album's
     * tracks) would recurse: a reader already being resolved on this thread is skipped, and its nested
     * readers are then found, created and cached, at first use.
     */
    @Override
    public final void resolve(DeserializationContext ctxt) throws JsonMappingException {
        Set<Class<?>> resolving = RESOLVING.get();
        if (!resolving.add(handledType())) {
            return;
        }
        try {
            for (ModelField<B, ?> f : inOrder) {
                Class<?> nested = f.type.model();
                if (nested != null) {
                    f.nested = ctxt.findNonContextualValueDeserializer(ctxt.constructType(nested));
                }
            }
        } finally {
            resolving.remove(handledType());
            if (resolving.isEmpty()) {
                RESOLVING.remove();
            }
        }
    }

    @Override
    public final T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return Objects.requireNonNull(read(p, ctxt, null)); // without a capture, a failure throws
    }

    /**
     * Reads the object at the parser's current token, never failing for this model's own rules: a value
     * that does not read (not an object, a required field missing or unreadable) comes back without a
     * value and with the reason; either way with the raw JSON of everything read (broken JSON still
     * throws).
     */
    final Capture.Result<T> readCapturing(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return new Capture.Result<>(null, null, RawJson.tree(p), "is not an object");
        }
        Capture capture = new Capture();
        T value = read(p, ctxt, capture);
        return new Capture.Result<>(value, capture.fields, null, capture.why);
    }

    /**
     * Reads one object; with a {@code capture}, every field's raw value goes there too and a failure of
     * this model's rules is recorded in it (the object read to its end, null returned) instead of thrown.
     */
    private @Nullable T read(JsonParser p, DeserializationContext ctxt, @Nullable Capture capture) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            t = p.nextToken();
        }
        if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT) {
            return (T) ctxt.handleUnexpectedToken(handledType(), p);
        }
        B builder = newBuilder.get();
        RawFields.Collector raw = null;
        long seen = 0;
        ModelField<B, ?> previous = null;
        for (String name = p.currentName(); t == JsonToken.FIELD_NAME; t = p.nextToken(), name = p.currentName()) {
            JsonToken value = p.nextToken();
            // fields mostly come in the order of the previous object: try the field that followed the
            // previous one last time (Jackson interns names: one reference comparison), then look it up
            ModelField<B, ?> guess = previous == null ? first : previous.next;
            ModelField<B, ?> f;
            if (guess != null && guess.name == name) {
                f = guess;
            } else {
                f = fields.get(name);
                if (f != null) {
                    if (previous == null) {
                        first = f;
                    } else {
                        previous.next = f;
                    }
                }
            }
            if (f == null) {
                JsonNode node = RawJson.tree(p);
                raw = put(raw, name, node);
                if (capture != null) {
                    capture.fields.put(name, node);
                }
                continue;
            }
            previous = f;
            if (value == JsonToken.VALUE_NULL) {
                if (capture != null) {
                    capture.fields.put(name, NullNode.getInstance());
                }
                continue;
            }
            JsonNode unread = f.read(p, ctxt, builder, capture);
            if (unread == null) {
                seen |= 1L << f.index;
            } else if (unread != ModelField.REQUIRED_FAILED) {
                raw = put(raw, name, unread);
            }
        }
        String why = null;
        if ((seen & requiredMask) != requiredMask) {
            for (ModelField<B, ?> f : inOrder) {
                if (f.required && (seen & (1L << f.index)) == 0) {
                    why = "required field '" + f.name + "' is missing";
                    break;
                }
            }
        }
        if (capture != null && capture.why != null) {
            return null;
        }
        if (why == null) {
            if (raw != null) {
                additional.accept(builder, raw.build());
            }
            try {
                return build.apply(builder);
            } catch (IllegalStateException | IllegalArgumentException e) {
                why = String.valueOf(e.getMessage());
            }
        }
        if (capture != null) {
            capture.why = why;
            return null;
        }
        return ctxt.reportInputMismatch(this, "%s: %s", model, why);
    }

    private static RawFields.Collector put(RawFields.@Nullable Collector raw, String name, JsonNode value) {
        RawFields.Collector c = raw == null ? new RawFields.Collector() : raw;
        c.put(name, value);
        return c;
    }
}
