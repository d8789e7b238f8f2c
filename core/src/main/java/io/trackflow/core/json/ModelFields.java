package io.trackflow.core.json;

import io.trackflow.core.internal.BoundedCache;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The fields a {@link ModelCodec} registered: by JSON name, in the order registered (the order they are
 * written in), and which of them are required, as a mask of their indexes (so at most 64 fields).
 *
 * @param <B> the model's builder
 * @param <T> the model
 */
final class ModelFields<B, T> {

    final List<ModelField<B, T, ?>> inOrder = new ArrayList<>();
    long requiredMask;
    /** The slot of each registered field (its field with it), by JSON name. */
    private final Map<String, Slot<B, T>> slots = new HashMap<>();

    /**
     * The slots of names the model does not know, as bodies send them: at most {@link #MAX_UNKNOWN}, so that
     * what the guesses keep stays bounded whatever the bodies.
     */
    private final BoundedCache<String, Slot<B, T>> unknown = new BoundedCache<>(MAX_UNKNOWN);

    /**
     * The most names the model does not know that get a slot, and the longest such name (in characters);
     * any other such name is looked up each time: at most ~32 KiB kept per model, whatever the bodies.
     */
    static final int MAX_UNKNOWN = 256;

    static final int MAX_UNKNOWN_LENGTH = 64;

    /** Before the first name of an object: its successors are the names objects started with lately. */
    final Slot<B, T> start = new Slot<>("", null);

    <V> ModelField<B, T, V> add(
            ModelCodec<B, T> owner,
            String name,
            FieldType<V> type,
            BiConsumer<B, V> setter,
            @Nullable Function<T, ?> getter,
            boolean required) {
        Objects.requireNonNull(name, "name");
        if (slots.size() == Long.SIZE || slots.containsKey(name)) {
            throw new IllegalArgumentException("field " + name + " is registered twice, or one field too many");
        }
        ModelField<B, T, V> f = new ModelField<>(
                owner,
                name,
                slots.size(),
                Objects.requireNonNull(type, "type"),
                Objects.requireNonNull(setter, "setter"),
                getter,
                required);
        slots.put(name, new Slot<>(name, f));
        inOrder.add(f);
        if (required) {
            requiredMask |= 1L << f.index;
        }
        return f;
    }

    /**
     * The slot of a name the guesses missed, one per name: its field (null when none is registered), linked
     * after {@code previous} as the name most likely to follow it, the earlier guess kept as the second.
     */
    Slot<B, T> learn(Slot<B, T> previous, String name) {
        Slot<B, T> s = slots.get(name);
        if (s == null) {
            s = unknown.get(name);
            if (s == null) {
                Slot<B, T> fresh = new Slot<>(name, null);
                s = name.length() > MAX_UNKNOWN_LENGTH ? null : unknown.keep(name, fresh);
                if (s == null) {
                    return fresh; // neither kept nor linked: it goes with the read
                }
            }
        }
        previous.other = previous.next;
        previous.next = s;
        return s;
    }

    /** The slots the guesses keep (for tests). */
    int slotsKept() {
        return slots.size() + unknown.size();
    }

    /** The longest name the guesses keep (for tests). */
    int longestNameKept() {
        return unknown.keys().stream().mapToInt(String::length).max().orElse(0);
    }

    boolean isRequired(String name) {
        Slot<B, T> s = slots.get(name);
        ModelField<B, T, ?> f = s == null ? null : s.field;
        return f != null && f.required;
    }

    /**
     * {@code raw} without the entries of the fields in {@code fields} (bits by {@link ModelField#index}):
     * fields sent twice whose other value read.
     */
    RawFields.Collector dropRead(RawFields.Collector raw, long fields) {
        for (ModelField<B, T, ?> f : inOrder) {
            if ((fields & (1L << f.index)) != 0) {
                raw.remove(f.name);
            }
        }
        return raw;
    }

    /** Why an object whose fields read are {@code seen} (a mask of indexes) fails: null when none is missing. */
    @Nullable
    String missing(long seen) {
        if ((seen & requiredMask) != requiredMask) {
            for (ModelField<B, T, ?> f : inOrder) {
                if (f.required && (seen & (1L << f.index)) == 0) {
                    return "required field '" + f.name + "' is missing";
                }
            }
        }
        return null;
    }

    /**
     * Looks up (so initializes and registers) the codecs of the models these fields nest, once their codec
     * is registered: a model that nests itself (a track's album's tracks) finds itself registered already.
     */
    void resolveNested() {
        for (ModelField<B, T, ?> f : inOrder) {
            if (f.type.model() != null) {
                f.type.nested();
            }
        }
    }

    /**
     * A name objects of this model send, with the two names that followed it lately: the order of a body's
     * fields is mostly that of the object before it, so the next name is mostly one of two guesses, for
     * the names the model does not know as for its fields (a slot keeps the parser's instance of its name,
     * which Jackson hands out again for the same name: one reference comparison). Shared racily between
     * threads: a guess or an instance read stale costs one comparison or lookup; {@code name} and {@code
     * field} are final.
     */
    static final class Slot<B, T> {
        final String name;
        /** The field of that name; null for a name the model does not know. */
        final @Nullable ModelField<B, T, ?> field;

        /** The instance of the name the parser handed out last (racy; null until one is seen). */
        private @Nullable String seen;

        @Nullable
        Slot<B, T> next;

        @Nullable
        Slot<B, T> other;

        Slot(String name, @Nullable ModelField<B, T, ?> field) {
            this.name = name;
            this.field = field;
        }

        /**
         * Whether this slot is the name {@code name}; the parser's instance is kept, so that the next
         * comparison with it is by reference (a registered field's name is another instance).
         */
        boolean is(String name) {
            if (seen == name) {
                return true;
            }
            if (this.name.equals(name)) {
                seen = name;
                return true;
            }
            return false;
        }
    }
}
