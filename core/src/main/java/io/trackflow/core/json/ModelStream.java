package io.trackflow.core.json;

import io.trackflow.core.json.internal.Mismatch;
import io.trackflow.core.json.internal.StreamCodec;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The streaming side of a {@link ModelCodec}: reads one object field by field into the model's builder, and
 * writes one value back, by the rules the codec registered. What the registry and the Jackson modules hold.
 *
 * @param <B> the model's builder
 * @param <T> the model
 */
final class ModelStream<B, T> implements StreamCodec<T> {

    final ModelCodec<B, T> codec;

    ModelStream(ModelCodec<B, T> codec) {
        this.codec = codec;
    }

    @Override
    public Class<T> type() {
        return codec.type();
    }

    @Override
    public T read(JsonParser p) {
        return Objects.requireNonNull(read(p, null)); // without a capture, a failure throws
    }

    @Override
    public String toString() {
        return "codec of " + codec.model;
    }

    /** The one value of a document (not {@code null}). */
    T readRoot(JsonParser p) {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new Mismatch(codec.model + ": the body is empty");
        }
        if (t == JsonToken.VALUE_NULL) {
            throw new Mismatch(codec.model + ": the body is null");
        }
        return read(p);
    }

    /**
     * Reads the object at the parser's current token, never failing for this model's own rules: a value
     * that does not read (not an object, a required field missing or unreadable) comes back without a
     * value and with the reason; either way, when {@code collect}, with the raw JSON of everything read
     * (broken JSON still throws). Without {@code collect}, the raw JSON of an object is not kept: the
     * caller reads it again from its {@link Document}.
     */
    Capture readCapturing(JsonParser p, boolean collect) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return Capture.notAnObject(RawJson.read(p));
        }
        Capture capture = collect ? Capture.capturing() : Capture.checking();
        capture.value = read(p, capture);
        return capture;
    }

    /**
     * Reads one object; with a {@code capture}, a failure of this model's rules is recorded in it (the
     * object read to its end, null returned) instead of thrown, and in a capturing read every field's raw
     * value goes there too.
     */
    @Nullable
    T read(JsonParser p, @Nullable Capture capture) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            t = p.nextToken();
        }
        if (t != JsonToken.PROPERTY_NAME && t != JsonToken.END_OBJECT) {
            throw new Mismatch(codec.model + ": expected an object, got " + describe(p));
        }
        B builder = codec.newBuilder.get();
        RawFields.Collector raw = null;
        long seen = 0;
        long keptRaw = 0; // typed fields whose value did not read and is kept raw
        ModelFields.Slot<B, T> previous = codec.fields.start;
        for (String name = p.currentName(); t == JsonToken.PROPERTY_NAME; t = p.nextToken(), name = p.currentName()) {
            JsonToken value = p.nextToken();
            // names mostly come in the order of the previous object: try the two names that followed the
            // previous one lately, then look the name up (see ModelFields.Slot)
            ModelFields.Slot<B, T> slot = previous.next;
            if (slot == null || !slot.is(name)) {
                ModelFields.Slot<B, T> other = previous.other;
                slot = other != null && other.is(name) ? other : codec.fields.learn(previous, name);
            }
            previous = slot;
            ModelField<B, T, ?> f = slot.field;
            if (f == null) {
                if (codec.additional == null) { // a strict model ignores what it does not know
                    if (Capture.collecting(capture)) {
                        capture.put(name, RawJson.read(p)); // but the raw value of all of it is kept
                    } else {
                        p.skipChildren();
                    }
                    continue;
                }
                RawJson node = RawJson.read(p);
                raw = put(raw, name, node);
                if (capture != null) {
                    capture.put(name, node);
                }
                continue;
            }
            if (value == JsonToken.VALUE_NULL) {
                if (capture != null) {
                    capture.put(name, RawJson.NULL);
                }
                continue;
            }
            Object unread = f.read(p, builder, capture);
            if (unread == null) {
                seen |= 1L << f.index;
            } else if (unread != ModelField.REQUIRED_FAILED) {
                raw = put(raw, name, f.defaulted ? new RawFields.AsRead(unread, f) : unread);
                keptRaw |= 1L << f.index;
            }
        }
        if ((keptRaw & seen) != 0) {
            // a field sent twice, once read and once not: the value that reads wins, so that what is written
            // reads back the same (a typed value and a raw one of one name cannot both be written)
            raw = codec.fields.dropRead(raw, keptRaw & seen);
        }
        String why = codec.fields.missing(seen);
        if (capture != null && capture.why != null) {
            return null;
        }
        if (why == null) {
            if (raw != null && codec.additional != null) {
                codec.additional.accept(builder, raw.build());
            }
            try {
                T model = codec.build.apply(builder);
                if (keptRaw != 0 && raw != null) {
                    raw.settle(model); // the defaults the fields kept raw had
                }
                return model;
            } catch (IllegalStateException | IllegalArgumentException e) {
                why = String.valueOf(e.getMessage());
            }
        }
        if (capture != null) {
            capture.why = why;
            return null;
        }
        throw new Mismatch(codec.model + ": " + why);
    }

    private static String describe(JsonParser p) {
        JsonToken t = p.currentToken();
        return t == null ? "the end of the input" : t.isStructStart() ? "a structure" : "the value " + p.getString();
    }

    /**
     * Writes a value: its typed fields, then what it keeps raw. A typed value that is present is written, and
     * a raw entry of the same name is then left out (the typed value is the newer: set on the builder, or
     * read from a later duplicate); an optional field that is absent and kept raw (it did not read) is
     * written raw, as it came. A defaulted field (always present) whose raw value is kept is written raw
     * while it has the value it had when read (its default is not a value the provider sent), and typed
     * once set to another on the builder.
     */
    @Override
    public void write(T value, JsonGenerator g) {
        RawFields raw = codec.additionalOf == null ? RawFields.empty() : codec.additionalOf.apply(value);
        g.writeStartObject();
        Set<String> typed = raw.isEmpty() ? Set.of() : new HashSet<>();
        for (ModelField<B, T, ?> f : codec.fields.inOrder) {
            if (f.required || !f.defaulted || writtenTyped(raw, f, value)) {
                if (f.write(value, g) && !raw.isEmpty()) {
                    typed.add(f.name);
                }
            }
        }
        if (!raw.isEmpty()) {
            raw.writeFields(g, name -> typed.contains(name) || codec.fields.isRequired(name));
        }
        g.writeEndObject();
    }

    /**
     * Whether a defaulted field is written typed: when nothing of its name is kept raw, or when it was
     * given another value than it had when read (one lookup of the raw entry).
     */
    private static <T> boolean writtenTyped(RawFields raw, ModelField<?, T, ?> f, T value) {
        Object kept = raw.entry(f.name);
        return kept == null
                || (kept instanceof RawFields.AsRead && !((RawFields.AsRead) kept).isAsRead(f.valueOf(value)));
    }

    /** Adds a raw value (a {@link RawJson} or a {@link RawFields.Lazy} one) to {@code raw}, made if null. */
    private static RawFields.Collector put(RawFields.@Nullable Collector raw, String name, Object value) {
        RawFields.Collector c = raw == null ? new RawFields.Collector() : raw;
        c.put(name, value);
        return c;
    }
}
