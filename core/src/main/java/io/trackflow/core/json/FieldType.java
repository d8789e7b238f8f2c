package io.trackflow.core.json;

import io.trackflow.core.json.internal.Codecs;
import io.trackflow.core.json.internal.StreamCodec;
import io.trackflow.core.json.internal.Wire;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;

/**
 * What a model field accepts on the wire, the Java value it becomes, and how that value is written back
 * (as the provider sends it), for {@link ModelCodec}. Each type says in {@link #expected()} what it reads;
 * anything else is "does not read" (then the field is absent and its raw value kept, or, for a required
 * field, the body fails to decode). {@code null} is never a value: it means absent.
 *
 * @param <V> the Java type
 */
public final class FieldType<V> {

    /** A JSON string, as is (a number is not text); written as a string. */
    public static final FieldType<String> STRING = scalar("a string", Scalars::readString, (v, g) -> g.writeString(v));

    /** An integer within {@code long}, or a string holding one ({@code "7"}); no fraction. Written as a number. */
    public static final FieldType<Long> LONG =
            scalar("an integer (or a string of one)", Scalars::readLong, (v, g) -> g.writeNumber(v));

    /** An integer within {@code int}, or a string holding one; no fraction. Written as a number. */
    public static final FieldType<Integer> INT =
            scalar("an integer (or a string of one)", Scalars::readInt, (v, g) -> g.writeNumber(v));

    /**
     * {@code true}/{@code false}, {@code 1}/{@code 0} (as PHP back ends send them), or those as strings;
     * written as {@code true}/{@code false}.
     */
    public static final FieldType<Boolean> BOOLEAN =
            scalar("true, false, 1 or 0", Scalars::readBoolean, (v, g) -> g.writeBoolean(v));

    /**
     * A number or a numeric string ({@code 19.99}, {@code "19.99"}, {@code 29}), read exactly as a
     * {@link BigDecimal}, never through {@code double}; the scale is kept ({@code "19.90"} is 19.90) and
     * written back as a number with the same digits.
     */
    public static final FieldType<BigDecimal> DECIMAL =
            scalar("a number or a numeric string", Scalars::readDecimal, FieldType::writeDecimal);

    /** A finite number or a numeric string, as a {@code double}; written as a number. */
    public static final FieldType<Double> DOUBLE =
            scalar("a number or a numeric string", Scalars::readDouble, (v, g) -> g.writeNumber(v));

    /**
     * A timestamp in any form {@link Timestamps#parseInstant} accepts ({@code 2023-01-01 00:00:00 UTC},
     * ISO-8601 with or without an offset, RFC 1123, epoch seconds), or a number of epoch seconds; written
     * as ISO-8601 ({@code 2023-01-01T00:00:00Z}).
     */
    public static final FieldType<Instant> INSTANT =
            scalar("a timestamp", Scalars::readInstant, (v, g) -> g.writeString(v.toString()));

    /**
     * A {@code yyyy-MM-dd} date (a longer timestamp keeps its date part: {@link Timestamps#parseLocalDate});
     * written as {@code yyyy-MM-dd}.
     */
    public static final FieldType<LocalDate> DATE =
            scalar("a yyyy-MM-dd date", Scalars::readDate, (v, g) -> g.writeString(v.toString()));

    /**
     * A number of milliseconds (integer or decimal, or a numeric string), as a {@link Duration}; written as
     * a number of milliseconds (with a fraction only when the duration has one: {@code 1.5}).
     */
    public static final FieldType<Duration> MILLIS =
            scalar("a number of milliseconds", Scalars::readMillis, Scalars::writeMillis);

    /** Any JSON value, kept as sent ({@link RawJson}); written as it holds. */
    public static final FieldType<RawJson> RAW =
            new FieldType<>("any JSON value", RawJson::read, RawJson::write, null, false, raw -> raw);

    @FunctionalInterface
    private interface Reader<V> {
        @Nullable
        V read(JsonParser p);
    }

    @FunctionalInterface
    private interface Writer<V> {
        void write(V value, JsonGenerator g);
    }

    private final String expected;
    private final @Nullable Reader<V> scalar;
    private final @Nullable Writer<V> writer;
    private final @Nullable Class<?> model;
    private final boolean list;
    /** How an object type reads its object (kept raw first); null for every other type. */
    private final @Nullable Function<RawJson, @Nullable V> fromObject;
    /** The nested model's codec, found at first use (its class registers it when initialized). */
    private volatile @Nullable StreamCodec<?> nested;

    private FieldType(
            String expected,
            @Nullable Reader<V> scalar,
            @Nullable Writer<V> writer,
            @Nullable Class<?> model,
            boolean list,
            @Nullable Function<RawJson, @Nullable V> fromObject) {
        this.expected = expected;
        this.scalar = scalar;
        this.writer = writer;
        this.model = model;
        this.list = list;
        this.fromObject = fromObject;
    }

    private static <V> FieldType<V> scalar(String expected, Reader<V> read, Writer<V> write) {
        return new FieldType<>(expected, read, write, null, false, null);
    }

    /**
     * A JSON object read and written as {@code type}, a model with a {@link ModelCodec} (registered by the
     * model's class, found at first use).
     *
     * @param type the model
     * @param <V> the model
     * @return the field type
     */
    public static <V> FieldType<V> model(Class<V> type) {
        return new FieldType<>("an object", null, null, Objects.requireNonNull(type, "type"), false, null);
    }

    /**
     * A JSON array of objects each read as {@code type}; as a whole, it reads only when every element
     * does. Written as an array; an empty list is not written (as an absent relation).
     *
     * @param type the element model
     * @param <V> the element model
     * @return the field type
     */
    public static <V> FieldType<List<V>> listOf(Class<V> type) {
        return new FieldType<>("an array of objects", null, null, Objects.requireNonNull(type, "type"), true, null);
    }

    /**
     * An object with one field of interest, e.g. a request's {@code "project": {"id": 7}}: reads the value
     * of {@code name} (other fields ignored), and writes {@code {name: value}}.
     *
     * @param name the field of the object
     * @param type what that field accepts
     * @param <V> the value
     * @return the field type
     */
    public static <V> FieldType<V> objectWith(String name, FieldType<V> type) {
        Objects.requireNonNull(name, "name");
        Reader<V> inner = Objects.requireNonNull(type.scalar, "type must be a scalar type");
        Writer<V> innerWrite = Objects.requireNonNull(type.writer);
        return new FieldType<>(
                "an object with " + name + ": " + type.expected,
                p -> null, // a scalar never reads: the object is kept raw first, then read (fromObject)
                (v, g) -> {
                    g.writeStartObject();
                    g.writeName(name);
                    innerWrite.write(v, g);
                    g.writeEndObject();
                },
                null,
                false,
                raw -> {
                    RawJson v = raw.get(name).orElse(RawJson.NULL); // null when raw is not an object
                    if (v.isNull() || v.kind() == RawJson.Kind.OBJECT || v.kind() == RawJson.Kind.ARRAY) {
                        return null;
                    }
                    try (JsonParser p = Wire.parser(v.toJson())) {
                        p.nextToken();
                        return readOrNull(inner, p);
                    }
                });
    }

    /** What the type reads, for messages: "a string", "a timestamp", ... */
    public String expected() {
        return expected;
    }

    /** The model of an object or list type; null for a scalar. */
    @Nullable
    Class<?> model() {
        return model;
    }

    boolean isList() {
        return list;
    }

    /** A scalar type's value from a structure: null (a structure never reads), but for objectWith and RAW. */
    @Nullable
    V readStructure(RawJson raw) {
        Function<RawJson, @Nullable V> f = fromObject;
        return f == null ? null : f.apply(raw);
    }

    /** The codec of the nested model (an object or list type). */
    StreamCodec<?> nested() {
        StreamCodec<?> c = nested;
        if (c == null) {
            nested = c = Codecs.of(Objects.requireNonNull(model, "not a model type"));
        }
        return c;
    }

    /**
     * Reads a scalar type from the parser's current token, consuming nothing more (an object type reads
     * its object); null when the value does not read (a structure never does for a scalar).
     */
    @Nullable
    V readScalar(JsonParser p) {
        return readOrNull(Objects.requireNonNull(scalar, "not a scalar"), p);
    }

    private static <V> @Nullable V readOrNull(Reader<V> r, JsonParser p) {
        try {
            return r.read(p);
        } catch (JacksonException e) { // broken JSON (a bad escape in a string read lazily): never a value
            throw e;
        } catch (RuntimeException e) { // NumberFormatException, DateTimeException, ArithmeticException
            return null;
        }
    }

    /** Writes a value of this type as the provider sends it. */
    @SuppressWarnings("unchecked")
    void write(V value, JsonGenerator g) {
        if (writer != null) {
            writer.write(value, g);
            return;
        }
        StreamCodec<Object> codec = (StreamCodec<Object>) nested();
        if (!list) {
            codec.write(value, g);
            return;
        }
        g.writeStartArray();
        for (Object e : (List<?>) value) {
            codec.write(e, g);
        }
        g.writeEndArray();
    }

    /**
     * A decimal with the digits it has ({@code 1E+3} stays {@code 1E+3}): as text where JSON is written as
     * text, so that a mapper's {@code WRITE_BIGDECIMAL_AS_PLAIN} does not change its scale (and {@code
     * read(write(x))} still equals {@code x}).
     */
    private static void writeDecimal(BigDecimal v, JsonGenerator g) {
        if (Wire.writesText(g)) {
            g.writeNumber(v.toString());
        } else {
            g.writeNumber(v);
        }
    }

    @Override
    public String toString() {
        return "FieldType{" + expected + "}";
    }
}
