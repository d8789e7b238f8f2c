package io.trackflow.core.json;

import io.trackflow.core.json.internal.Codecs;
import io.trackflow.core.json.internal.Mismatch;
import io.trackflow.core.json.internal.StreamCodec;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The raw fields of a JSON object, by name, in the order sent: an immutable {@code Map<String,
 * RawJson>} (every mutator throws {@link UnsupportedOperationException}). What a model keeps of the
 * fields it does not read ({@code additionalProperties()}); a value is wrapped as a {@link RawJson}
 * only when asked for. Equal to any map with equal entries. An application's own mapper writes it as the
 * JSON object it holds, and reads a JSON object into it, through trackflow's Jackson module.
 */
public final class RawFields extends AbstractMap<String, RawJson> {

    private static final RawFields EMPTY = new RawFields(new String[0], new Object[0], 0);

    static final StreamCodec<RawFields> CODEC = new StreamCodec<>() {
        @Override
        public Class<RawFields> type() {
            return RawFields.class;
        }

        @Override
        public RawFields read(JsonParser p) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw new Mismatch("RawFields: is not an object");
            }
            return RawJson.read(p).fieldsOfObject();
        }

        @Override
        public void write(RawFields value, JsonGenerator g) {
            value.writeObject(g);
        }
    };

    static {
        Codecs.register(CODEC);
    }

    private final String[] names;
    /** {@link RawJson}s, or {@link Lazy} ones (resolved on access; never changed afterwards). */
    private final Object[] values;

    private final int size;
    /** Name to position, for a large object; built at the first lookup (racily: any copy is the same). */
    private volatile @Nullable Map<String, Integer> index;

    private RawFields(String[] names, Object[] values, int size) {
        this.names = names;
        this.values = values;
        this.size = size;
    }

    /** No fields. */
    public static RawFields empty() {
        return EMPTY;
    }

    /**
     * The given fields, in the map's order.
     *
     * @param fields names and values
     * @return the fields
     */
    public static RawFields of(Map<String, RawJson> fields) {
        Objects.requireNonNull(fields, "fields");
        if (fields instanceof RawFields) {
            return (RawFields) fields;
        }
        Collector c = new Collector();
        fields.forEach((name, value) ->
                c.put(Objects.requireNonNull(name, "field name"), Objects.requireNonNull(value, "value of " + name)));
        return c.build();
    }

    /** These fields as one JSON object. */
    public RawJson asObject() {
        return RawJson.object(this);
    }

    /** Writes these fields as one JSON object. */
    void writeObject(JsonGenerator g) {
        g.writeStartObject();
        writeFields(g, null);
        g.writeEndObject();
    }

    /** Writes each field (name and value) into the object being written, less those {@code skip} names. */
    void writeFields(JsonGenerator g, java.util.function.@Nullable Predicate<String> skip) {
        for (int i = 0; i < size; i++) {
            if (skip == null || !skip.test(names[i])) {
                g.writeName(names[i]);
                Collector.node(values[i]).write(g);
            }
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(@Nullable Object name) {
        return indexOf(name) >= 0;
    }

    @Override
    public @Nullable RawJson get(@Nullable Object name) {
        int i = indexOf(name);
        return i < 0 ? null : Collector.node(values[i]);
    }

    private int indexOf(@Nullable Object name) {
        if (size > 8) { // a large object: a hash index, built once (equals of two objects looks every name up)
            Map<String, Integer> idx = index;
            if (idx == null) {
                idx = new HashMap<>(size * 2);
                for (int i = 0; i < size; i++) {
                    idx.put(names[i], i);
                }
                index = idx;
            }
            Integer i = idx.get(name);
            return i == null ? -1 : i;
        }
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Map.Entry<String, RawJson>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, RawJson>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Map.Entry<String, RawJson> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new AbstractMap.SimpleImmutableEntry<>(names[i], Collector.node(values[i]));
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** A raw value built only when asked for (the raw JSON of a nested value that was read typed). */
    interface Lazy {
        RawJson raw();
    }

    /** The value kept under {@code name} as it was put (a {@link RawJson}, a {@link Lazy} one), or null. */
    @Nullable
    Object entry(String name) {
        int i = indexOf(name);
        return i < 0 ? null : values[i];
    }

    /**
     * The raw value of a defaulted field that did not read, with the value the model had then (its
     * default), so that a value set on the builder afterwards is told from it: written typed when it
     * differs, raw while it does not.
     */
    static final class AsRead implements Lazy {
        private final Object raw;
        private final ModelField<?, ?, ?> field;
        private volatile @Nullable Object typed;

        AsRead(Object raw, ModelField<?, ?, ?> field) {
            this.raw = raw;
            this.field = field;
        }

        @Override
        public RawJson raw() {
            return Collector.node(raw);
        }

        /** Notes the model's value of the field, once the model is built. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        void settle(Object model) {
            typed = ((ModelField) field).valueOf(model);
        }

        /** Whether {@code value} is still the value the model had when this raw value was read. */
        boolean isAsRead(@Nullable Object value) {
            return Objects.equals(typed, value);
        }
    }

    /**
     * Gathers fields for a {@link RawFields} or an object tree, cheaply: values may be {@link Lazy}, and
     * a later value of a name replaces the earlier one only when the fields are built.
     */
    static final class Collector {
        private String[] names = new String[4];
        private Object[] values = new Object[4];
        private int size;

        /** A value: a {@link RawJson} or a {@link Lazy} one. */
        void put(String name, Object value) {
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            names[size] = name;
            values[size++] = value;
        }

        /** Drops every entry of this name. */
        void remove(String name) {
            int kept = 0;
            for (int i = 0; i < size; i++) {
                if (!names[i].equals(name)) {
                    names[kept] = names[i];
                    values[kept++] = values[i];
                }
            }
            Arrays.fill(names, kept, size, null);
            Arrays.fill(values, kept, size, null);
            size = kept;
        }

        /** Notes the model's values of the defaulted fields kept raw ({@link AsRead}). */
        void settle(Object model) {
            for (int i = 0; i < size; i++) {
                if (values[i] instanceof AsRead) {
                    ((AsRead) values[i]).settle(model);
                }
            }
        }

        static RawJson node(Object value) {
            return value instanceof Lazy ? ((Lazy) value).raw() : (RawJson) value;
        }

        /** The fields; the collector is not used afterwards. */
        RawFields build() {
            if (size == 0) {
                return EMPTY;
            }
            if (size <= 8) {
                for (int i = 1; i < size; i++) {
                    for (int j = 0; j < i; j++) {
                        if (names[j].equals(names[i])) {
                            return withoutDuplicates();
                        }
                    }
                }
            } else {
                Set<String> seen = new HashSet<>(size * 2);
                for (int i = 0; i < size; i++) {
                    if (!seen.add(names[i])) {
                        return withoutDuplicates();
                    }
                }
            }
            return new RawFields(names, values, size);
        }

        /** A name sent twice: the later value wins, in the first place. */
        private RawFields withoutDuplicates() {
            String[] n = new String[size];
            Object[] v = new Object[size];
            Map<String, Integer> at = new HashMap<>(size * 2);
            int k = 0;
            for (int i = 0; i < size; i++) {
                Integer j = at.putIfAbsent(names[i], k);
                if (j != null) {
                    v[j] = values[i];
                } else {
                    n[k] = names[i];
                    v[k++] = values[i];
                }
            }
            return new RawFields(n, v, k);
        }
    }

    /**
     * These fields less the given names, e.g. to write a model's raw fields without those it writes
     * typed.
     *
     * @param names the names to leave out
     * @return these fields when none of the names is present, otherwise a copy without them
     */
    public Map<String, RawJson> without(String... names) {
        Map<String, RawJson> out = null;
        for (String name : names) {
            if (containsKey(name)) {
                if (out == null) {
                    out = new LinkedHashMap<>(this);
                }
                out.remove(name);
            }
        }
        return out == null ? this : out;
    }
}
