package io.trackflow.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The raw fields of a JSON object, by name, in the order sent: an immutable {@code Map<String,
 * RawJson>} (every mutator throws {@link UnsupportedOperationException}). What a model keeps of the
 * fields it does not read ({@code additionalProperties()}); a value is wrapped as a {@link RawJson}
 * only when asked for. Equal to any map with equal entries.
 */
public final class RawFields extends AbstractMap<String, RawJson> {

    private static final RawFields EMPTY = new RawFields(new String[0], new Object[0], 0);

    private final String[] names;
    /** {@link JsonNode}s, or {@link Lazy} ones (resolved on access; never changed afterwards). */
    private final Object[] values;

    private final int size;

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
        fields.forEach((name, value) -> c.put(
                Objects.requireNonNull(name, "field name"),
                Objects.requireNonNull(value, "value of " + name).node()));
        return c.build();
    }

    /** The fields of an object node (which must never change afterwards). */
    static RawFields of(ObjectNode object) {
        Collector c = new Collector();
        object.properties().forEach(e -> c.put(e.getKey(), e.getValue()));
        return c.build();
    }

    /** These fields as one JSON object. */
    public RawJson asObject() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < size; i++) {
            o.set(names[i], Collector.node(values[i]));
        }
        return RawJson.of(o);
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
        return i < 0 ? null : RawJson.of(Collector.node(values[i]));
    }

    private int indexOf(@Nullable Object name) {
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
                        return new AbstractMap.SimpleImmutableEntry<>(names[i], RawJson.of(Collector.node(values[i])));
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
        JsonNode raw();
    }

    /**
     * Gathers fields for a {@link RawFields} or an object tree, cheaply: values may be {@link Lazy}, and
     * a later value of a name replaces the earlier one only when the fields are built.
     */
    static final class Collector {
        private String[] names = new String[4];
        private Object[] values = new Object[4];
        private int size;

        /** A value: a {@link JsonNode} or a {@link Lazy} one. */
        void put(String name, Object value) {
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            names[size] = name;
            values[size++] = value;
        }

        static JsonNode node(Object value) {
            return value instanceof Lazy ? ((Lazy) value).raw() : (JsonNode) value;
        }

        ObjectNode toObjectNode() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            for (int i = 0; i < size; i++) {
                o.set(names[i], node(values[i]));
            }
            return o;
        }

        /** The fields; the collector is not used afterwards. */
        RawFields build() {
            if (size == 0) {
                return EMPTY;
            }
            for (int i = 1; i < size; i++) {
                for (int j = 0; j < i; j++) {
                    if (names[j].equals(names[i])) {
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
            int k = 0;
            outer:
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < k; j++) {
                    if (n[j].equals(names[i])) {
                        v[j] = values[i];
                        continue outer;
                    }
                }
                n[k] = names[i];
                v[k++] = values[i];
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
