package io.trackflow.core.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * One field a {@link ModelReader} registered: reads its value into the builder, or answers the raw value
 * (a tree) of an optional field that does not read. The reader of a nested model is set by {@link
 * ModelReader#resolve}.
 *
 * @param <B> the model's builder
 * @param <V> the value
 */
final class ModelField<B, V> {

    final String name;
    final int index;
    final FieldType<V> type;
    final boolean required;
    private final ModelReader<B, ?> owner;
    private final BiConsumer<B, V> setter;
    private final AtomicBoolean logged = new AtomicBoolean();
    /** Answered by {@link #read} for a required field that did not read in a capturing read. */
    static final JsonNode REQUIRED_FAILED = MissingNode.getInstance();

    volatile @Nullable JsonDeserializer<Object> nested;
    /** The field that followed this one last time (a guess, shared racily: see ModelReader). */
    @Nullable
    ModelField<B, ?> next;

    ModelField(
            ModelReader<B, ?> owner,
            String name,
            int index,
            FieldType<V> type,
            BiConsumer<B, V> setter,
            boolean required) {
        this.owner = owner;
        this.name = name;
        this.index = index;
        this.type = type;
        this.setter = setter;
        this.required = required;
    }

    /**
     * Reads the value at the current token (not {@code null}) into the builder, and, with a capture, its
     * raw value there too. Returns null when read; the raw value of an optional field that did not read
     * (then kept raw by the model); {@link #REQUIRED_FAILED} when a required field did not read in a
     * capturing read (the reason is in the capture). Without a capture, a required field that does not
     * read throws.
     */
    @Nullable
    JsonNode read(JsonParser p, DeserializationContext ctxt, B builder, @Nullable Capture capture) throws IOException {
        Class<?> model = type.model();
        if (model == null) {
            // a scalar read never moves the parser; a structure where a scalar belongs never reads
            JsonNode node = capture == null ? null : RawJson.tree(p);
            if (capture != null) {
                capture.fields.put(name, node);
            }
            V v = node != null && node.isContainerNode() ? null : type.readScalar(p);
            if (v != null) {
                setter.accept(builder, v);
                return null;
            }
            return unreadable(ctxt, capture, node != null ? node : RawJson.tree(p), "is not " + type.expected());
        }
        JsonDeserializer<Object> d = nested(ctxt);
        if (d instanceof ModelReader && (capture != null || (!required && ((ModelReader<?, ?>) d).mayFail()))) {
            return readCapturing((ModelReader<?, ?>) d, p, ctxt, builder, capture);
        }
        if (capture == null && (required || d instanceof ModelReader)) {
            // a required structure fails the value; a model without required fields cannot fail
            V v = readStructure(d, p, ctxt);
            if (v != null) {
                setter.accept(builder, v);
                return null;
            }
            return unreadable(ctxt, null, RawJson.tree(p), "is not " + type.expected());
        }
        // a deserializer of another kind: buffered as tokens, so that a value that does not read is kept raw
        TokenBuffer tokens = ctxt.bufferAsCopyOfValue(p);
        V v;
        String why = "is not " + type.expected();
        try (JsonParser buffered = tokens.asParserOnFirstToken()) {
            v = readStructure(d, buffered, ctxt);
        } catch (IOException | RuntimeException e) {
            v = null;
            why = "does not read as " + model.getSimpleName() + " (" + reason(e) + ")";
        }
        JsonNode raw;
        try (JsonParser again = tokens.asParserOnFirstToken()) {
            raw = RawJson.tree(again);
        }
        if (capture != null) {
            capture.fields.put(name, raw);
        }
        if (v != null) {
            setter.accept(builder, v);
            return null;
        }
        return unreadable(ctxt, capture, raw, why);
    }

    /** An object or a list of objects of a model read capturing, so that what does not read is kept raw. */
    @SuppressWarnings("unchecked")
    private @Nullable JsonNode readCapturing(
            ModelReader<?, ?> reader, JsonParser p, DeserializationContext ctxt, B builder, @Nullable Capture capture)
            throws IOException {
        Object value;
        RawFields.Lazy raw;
        String why;
        if (p.currentToken() != (type.isList() ? JsonToken.START_ARRAY : JsonToken.START_OBJECT)) {
            value = null;
            why = "is not " + type.expected();
            JsonNode tree = RawJson.tree(p);
            raw = () -> tree;
        } else if (!type.isList()) {
            Capture.Result<?> c = reader.readCapturing(p, ctxt);
            value = c.value;
            why = c.why == null ? "" : "does not read as " + reader.model + ": " + c.why;
            raw = c;
        } else {
            List<Object> values = new ArrayList<>();
            List<Capture.Result<?>> elements = new ArrayList<>();
            why = null;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                Capture.Result<?> c = reader.readCapturing(p, ctxt);
                if (c.value == null && why == null) {
                    why = "element " + elements.size() + " does not read as " + reader.model + ": " + c.why;
                }
                values.add(c.value);
                elements.add(c);
            }
            value = why == null ? values : null;
            raw = () -> {
                ArrayNode array = JsonNodeFactory.instance.arrayNode(elements.size());
                elements.forEach(e -> array.add(e.raw()));
                return array;
            };
        }
        if (capture != null) {
            capture.fields.put(name, raw);
        }
        if (value != null) {
            setter.accept(builder, (V) value);
            return null;
        }
        return unreadable(ctxt, capture, raw.raw(), why);
    }

    /**
     * A value that did not read: thrown for a required field (recorded in a capture instead), logged
     * once per field and answered for an optional one.
     */
    private JsonNode unreadable(DeserializationContext ctxt, @Nullable Capture capture, JsonNode raw, String why)
            throws IOException {
        if (required) {
            if (capture == null) {
                return ctxt.reportInputMismatch(
                        owner, "%s: required field '%s' %s: %s", owner.model, name, why, excerpt(raw));
            }
            if (capture.why == null) {
                capture.why = "required field '" + name + "' " + why;
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

    private JsonDeserializer<Object> nested(DeserializationContext ctxt) throws IOException {
        JsonDeserializer<Object> d = nested;
        if (d == null) { // skipped by resolve() (a model in itself): by now in Jackson's cache, no lock
            nested = d = ctxt.findRootValueDeserializer(ctxt.constructType(type.model()));
        }
        return d;
    }

    /** An object or a list of objects; null when the token is not one (a failing element throws). */
    @SuppressWarnings("unchecked")
    private @Nullable V readStructure(JsonDeserializer<Object> d, JsonParser p, DeserializationContext ctxt)
            throws IOException {
        JsonToken t = p.currentToken();
        if (!type.isList()) {
            return t == JsonToken.START_OBJECT ? (V) d.deserialize(p, ctxt) : null;
        }
        if (t != JsonToken.START_ARRAY) {
            return null;
        }
        List<Object> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                return ctxt.reportInputMismatch(
                        owner, "%s.%s: element %d is not an object", owner.model, name, out.size());
            }
            out.add(d.deserialize(p, ctxt));
        }
        return (V) out;
    }

    private static String reason(Throwable e) {
        return e instanceof JacksonException ? ((JacksonException) e).getOriginalMessage() : String.valueOf(e);
    }

    private static String excerpt(JsonNode value) {
        String s = value.toString();
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }
}
