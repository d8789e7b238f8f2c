package io.trackflow.core.json;

import java.util.ArrayList;
import java.util.List;
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

    private @Nullable RawJson node;

    /**
     * In a checking read, what within this value did not read, kept as ranges of the document to be read only
     * if this value and every value around it read: ranges, and the captures of values within this one that
     * read and keep ranges themselves (taken over whole, so that a range is never copied from level to level).
     */
    private @Nullable List<Object> pending;

    private Capture(RawFields.@Nullable Collector fields, @Nullable RawJson node, @Nullable String why) {
        this.fields = fields;
        this.node = node;
        this.why = why;
    }

    /** For a read that keeps the raw value of every field it reads. */
    static Capture capturing() {
        return new Capture(new RawFields.Collector(), null, null);
    }

    /** For a read that keeps only the reason of a failure. */
    static Capture checking() {
        return new Capture(null, null, null);
    }

    /** A value that is not an object, as it came. */
    static Capture notAnObject(RawJson node) {
        return new Capture(null, node, "is not an object");
    }

    /** Whether the raw value of every field is kept. */
    boolean collects() {
        return fields != null;
    }

    /** Whether {@code capture} is a capturing read's (none is not). */
    static boolean collecting(@Nullable Capture capture) {
        return capture != null && capture.collects();
    }

    /** Keeps a field's raw value (a {@link RawJson} or a {@link RawFields.Lazy}), in a capturing read. */
    void put(String name, Object raw) {
        RawFields.Collector f = fields;
        if (f != null) {
            f.put(name, raw);
        }
    }

    /** Keeps {@code range}, a value within this one that did not read, to be read if this one reads. */
    RawFields.Lazy pend(RawFields.Lazy range) {
        keep(range);
        return range;
    }

    private void keep(Object rangeOrCapture) {
        List<Object> p = pending;
        if (p == null) {
            pending = p = new ArrayList<>(2);
        }
        p.add(rangeOrCapture);
    }

    /** Whether it keeps ranges to be read (see {@link #pend}). */
    boolean keepsRanges() {
        return pending != null;
    }

    /** Takes over what {@code inner}, a value within this one that read, keeps to be read. */
    void adopt(Capture inner) {
        if (inner.pending != null) {
            keep(inner);
        }
    }

    /** Reads what this value, read at the top (nothing around it can fail now), keeps to be read. */
    void settle() {
        List<Object> p = pending;
        if (p != null) {
            for (Object o : p) {
                if (o instanceof Capture) {
                    ((Capture) o).settle(); // as deep as the values nest: at most the parser's 200
                } else {
                    ((RawFields.Lazy) o).raw();
                }
            }
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
