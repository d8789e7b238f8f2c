package io.trackflow.core.json;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One nested object read without failing for its model's rules ({@link ModelStream#readCapturing}), and
 * what that read keeps: the value, or the first reason the model did not read; in a capturing read, also
 * the raw value of every field it reads, and so the object's raw JSON, built only when asked for. A checking
 * read keeps no raw value: its {@link Document} can be read again.
 */
final class Capture implements RawFields.Lazy {

    /** The raw value of every field read; null in a checking read. */
    final RawFields.@Nullable Collector fields;

    /** Why the model did not read (the first reason); null while it reads. */
    @Nullable
    String why;

    /** The value read; null when it did not read. */
    @Nullable
    Object value;

    /** How many nested values that may fail this one is inside of, itself included (1: a field of the top). */
    final int level;

    private @Nullable RawJson node;

    private Capture(RawFields.@Nullable Collector fields, @Nullable RawJson node, @Nullable String why, int level) {
        this.fields = fields;
        this.node = node;
        this.why = why;
        this.level = level;
    }

    /** For a read that keeps the raw value of every field it reads. */
    static Capture capturing(int level) {
        return new Capture(new RawFields.Collector(), null, null, level);
    }

    /** For a read that keeps only the reason of a failure. */
    static Capture checking(int level) {
        return new Capture(null, null, null, level);
    }

    /** A value that is not an object, as it came. */
    static Capture notAnObject(RawJson node, int level) {
        return new Capture(null, node, "is not an object", level);
    }

    /** Whether the raw value of every field is kept. */
    boolean collects() {
        return fields != null;
    }

    /** Keeps a field's raw value (a {@link RawJson} or a {@link RawFields.Lazy}), in a capturing read. */
    void put(String name, Object raw) {
        RawFields.Collector f = fields;
        if (f != null) {
            f.put(name, raw);
        }
    }

    /** The raw JSON of the value: what was not an object, or the object of the fields a capturing read kept. */
    @Override
    public RawJson raw() {
        RawJson n = node;
        if (n == null) {
            node = n = RawJson.object(Objects.requireNonNull(fields, "a checking read keeps no raw value")
                    .build());
        }
        return n;
    }
}
