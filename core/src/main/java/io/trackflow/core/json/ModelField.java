package io.trackflow.core.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * One field a {@link ModelReader} registered: reads its value into the builder, or answers the raw value
 * of an optional field that does not read. The reader of a nested model is set by {@link
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
    volatile @Nullable JsonDeserializer<Object> nested;

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
     * Reads the value at the current token (not null) into the builder; returns null when done, or the
     * raw value of an optional field that did not read (the parser then on the value's last token).
     */
    @Nullable
    RawJson read(JsonParser p, DeserializationContext ctxt, B builder) throws IOException {
        V v;
        RawJson unread;
        String why = "is not " + type.expected();
        Class<?> model = type.model();
        if (model == null || required) {
            // a scalar never moves the parser when it does not read; a required structure fails whole
            v = model == null ? type.readScalar(p) : readStructure(p, ctxt);
            if (v != null) {
                setter.accept(builder, v);
                return null;
            }
            unread = RawJson.read(p);
        } else {
            // buffered as tokens, so that a value that does not read can still be kept raw
            TokenBuffer tokens = ctxt.bufferAsCopyOfValue(p);
            try (JsonParser buffered = tokens.asParserOnFirstToken()) {
                v = readStructure(buffered, ctxt);
            } catch (IOException | RuntimeException e) {
                v = null;
                why = "does not read as " + model.getSimpleName() + " (" + reason(e) + ")";
            }
            if (v != null) {
                setter.accept(builder, v);
                return null;
            }
            try (JsonParser again = tokens.asParserOnFirstToken()) {
                unread = RawJson.read(again);
            }
        }
        if (required) {
            return ctxt.reportInputMismatch(
                    owner, "%s: required field '%s' %s: %s", owner.model, name, why, excerpt(unread));
        }
        if (owner.log.isDebugEnabled() && logged.compareAndSet(false, true)) {
            owner.log.debug(
                    "{}.{} {}: {}; read as absent, kept raw in additionalProperties() (logged once per field)",
                    owner.model,
                    name,
                    why,
                    excerpt(unread));
        }
        return unread;
    }

    /** An object or a list of objects; null when the token is not one (a failing element throws). */
    @SuppressWarnings("unchecked")
    private @Nullable V readStructure(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonDeserializer<Object> d = nested;
        if (d == null) { // skipped by resolve() (a model in itself): by now in Jackson's cache, no lock
            nested = d = ctxt.findRootValueDeserializer(ctxt.constructType(type.model()));
        }
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

    private static String excerpt(RawJson value) {
        String s = value.toJson();
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }
}
