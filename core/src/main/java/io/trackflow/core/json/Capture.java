package io.trackflow.core.json;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a capturing read ({@link ModelStream#readCapturing}) puts the raw value of every field it reads,
 * and the first reason the model did not read.
 */
final class Capture {

    final RawFields.Collector fields = new RawFields.Collector();

    @Nullable
    String why;

    /**
     * The outcome of a capturing read: the value (null when it did not read, then with the reason) and
     * its raw JSON, built only when asked for.
     *
     * @param <T> the model
     */
    static final class Result<T> implements RawFields.Lazy {
        final @Nullable T value;
        final @Nullable String why;
        private final RawFields.@Nullable Collector fields;
        private @Nullable RawJson node;

        Result(@Nullable T value, RawFields.@Nullable Collector fields, @Nullable RawJson node, @Nullable String why) {
            this.value = value;
            this.fields = fields;
            this.node = node;
            this.why = why;
        }

        @Override
        public RawJson raw() {
            RawJson n = node;
            if (n == null) {
                node = n = RawJson.object(Objects.requireNonNull(fields).build());
            }
            return n;
        }
    }
}
