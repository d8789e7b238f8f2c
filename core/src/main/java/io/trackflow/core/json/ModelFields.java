package io.trackflow.core.json;

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

    private final Map<String, ModelField<B, T, ?>> byName = new HashMap<>();
    final List<ModelField<B, T, ?>> inOrder = new ArrayList<>();
    long requiredMask;
    /** The name seen first in an object last time (a guess, shared racily: a stale one only costs a lookup). */
    @Nullable
    Slot<B, T> first;

    <V> ModelField<B, T, V> add(
            ModelCodec<B, T> owner,
            String name,
            FieldType<V> type,
            BiConsumer<B, V> setter,
            @Nullable Function<T, ?> getter,
            boolean required) {
        Objects.requireNonNull(name, "name");
        if (byName.size() == Long.SIZE || byName.containsKey(name)) {
            throw new IllegalArgumentException("field " + name + " is registered twice, or one field too many");
        }
        ModelField<B, T, V> f = new ModelField<>(
                owner,
                name,
                byName.size(),
                Objects.requireNonNull(type, "type"),
                Objects.requireNonNull(setter, "setter"),
                getter,
                required);
        byName.put(name, f);
        inOrder.add(f);
        if (required) {
            requiredMask |= 1L << f.index;
        }
        return f;
    }

    /**
     * The slot of a name the guesses missed: its field (null when none is registered), linked after
     * {@code previous} (or first) as the name most likely to follow it, the earlier guess kept as the
     * second.
     */
    Slot<B, T> learn(@Nullable Slot<B, T> previous, String name) {
        Slot<B, T> s = new Slot<>(name, byName.get(name));
        if (previous == null) {
            first = s;
        } else {
            previous.other = previous.next;
            previous.next = s;
        }
        return s;
    }

    boolean isRequired(String name) {
        ModelField<B, T, ?> f = byName.get(name);
        return f != null && f.required;
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
     * A name as objects of this model send it, with the names that followed it last time: the order of
     * a body's fields is mostly that of the object before it, so the next name is mostly one of two
     * guesses. The name is the parser's own instance (Jackson canonicalizes names, so the same instance
     * comes back for the same name): a guess is mostly one reference comparison, for the names the model
     * does not know as for its fields. Shared racily between threads: a guess read stale costs one lookup,
     * and {@code name} and {@code field} are final.
     */
    static final class Slot<B, T> {
        final String name;
        /** The field of that name; null for a name the model does not know. */
        final @Nullable ModelField<B, T, ?> field;

        @Nullable
        Slot<B, T> next;

        @Nullable
        Slot<B, T> other;

        Slot(String name, @Nullable ModelField<B, T, ?> field) {
            this.name = name;
            this.field = field;
        }

        /** Whether this slot is the name {@code name}. */
        boolean is(String name) {
            return this.name == name || this.name.equals(name);
        }
    }
}
