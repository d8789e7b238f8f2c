package io.trackflow.core.json.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;

/**
 * How one Java type is read from and written to Jackson 3's token stream: the one rule per type that
 * the client's wire path and both Jackson modules apply.
 *
 * @param <T> the type
 */
public interface StreamCodec<T> {

    /** The type this codec reads and writes. */
    Class<T> type();

    /**
     * Reads the value at the parser's current token (not {@code null}), leaving the parser on the value's
     * last token.
     *
     * @throws Mismatch when the JSON is well formed but does not read as the type (the message names the
     *     type and the field)
     */
    T read(JsonParser p);

    /** Writes one value. */
    void write(T value, JsonGenerator g);

    /** Whether the type is read and written as a JSON string, so that it may also be a map's key. */
    default boolean isText() {
        return false;
    }

    /**
     * Reads a value from its text, as if it came as a JSON string (a map's key, for a {@link #isText() text}
     * type).
     *
     * @throws Mismatch when the text is not one of the type
     */
    default T readText(String text) {
        try (JsonParser p = Wire.parser(Wire.bytes(g -> g.writeString(text)))) {
            p.nextToken();
            return read(p);
        }
    }

    /**
     * What JSON {@code null} reads as in a mapper: absent (null) for every type but one that holds JSON null
     * itself.
     */
    default @Nullable T nullValue() {
        return null;
    }

    /** Whether a mapper that leaves empty values out leaves this one out: an empty map ({@code RawFields}). */
    default boolean isEmpty(T value) {
        return value instanceof Map<?, ?> m && m.isEmpty();
    }
}
