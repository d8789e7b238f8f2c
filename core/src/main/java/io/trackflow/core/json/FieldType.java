package io.trackflow.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a model field accepts on the wire and the Java value it becomes, for {@link ModelReader}. Each
 * type says in {@link #expected()} what it reads; anything else is "does not read" (then the field is
 * absent and its raw value kept, or, for a required field, the body fails to decode). {@code null} is
 * never a value: it means absent.
 *
 * @param <V> the Java type
 */
public final class FieldType<V> {

    /** A JSON string, as is (a number is not text). */
    public static final FieldType<String> STRING = scalar("a string", p -> isString(p) ? p.getText() : null);

    /** An integer within {@code long}, or a string holding one ({@code "7"}); no fraction. */
    public static final FieldType<Long> LONG = scalar("an integer (or a string of one)", FieldType::readLong);

    /** An integer within {@code int}, or a string holding one; no fraction. */
    public static final FieldType<Integer> INT = scalar("an integer (or a string of one)", p -> {
        Long v = readLong(p);
        return v == null || v != v.intValue() ? null : v.intValue();
    });

    /** {@code true}/{@code false}, {@code 1}/{@code 0} (as PHP back ends send them), or those as strings. */
    public static final FieldType<Boolean> BOOLEAN = scalar("true, false, 1 or 0", FieldType::readBoolean);

    /**
     * A number or a numeric string ({@code 19.99}, {@code "19.99"}, {@code 29}), read exactly as a
     * {@link BigDecimal}, never through {@code double}; the scale is kept ({@code "19.90"} is 19.90).
     */
    public static final FieldType<BigDecimal> DECIMAL =
            scalar("a number or a numeric string", p -> isString(p) ? decimal(p.getText()) : exactNumber(p));

    /** A finite number or a numeric string, as a {@code double}. */
    public static final FieldType<Double> DOUBLE = scalar("a number or a numeric string", p -> {
        Double v =
                isString(p) ? toDouble(decimal(p.getText())) : isNumber(p) ? Double.valueOf(p.getDoubleValue()) : null;
        return v == null || !Double.isFinite(v) ? null : v;
    });

    /**
     * A timestamp in any form {@link Timestamps#parseInstant} accepts ({@code 2023-01-01 00:00:00 UTC},
     * ISO-8601 with or without an offset, RFC 1123, epoch seconds), or a number of epoch seconds.
     */
    public static final FieldType<Instant> INSTANT = scalar("a timestamp", FieldType::readInstant);

    /** A {@code yyyy-MM-dd} date (a longer timestamp keeps its date part: {@link Timestamps#parseLocalDate}). */
    public static final FieldType<LocalDate> DATE =
            scalar("a yyyy-MM-dd date", p -> isString(p) ? Timestamps.parseLocalDate(p.getText()) : null);

    /** A number of milliseconds (integer or decimal, or a numeric string), as a {@link Duration}. */
    public static final FieldType<Duration> MILLIS = scalar("a number of milliseconds", FieldType::readMillis);

    /** The most integer (or fraction) digits a decimal may have to become a duration or a double. */
    private static final int MAX_DIGITS = 24;

    @FunctionalInterface
    private interface Scalar<V> {
        @Nullable
        V read(JsonParser p) throws IOException;
    }

    private final String expected;
    private final @Nullable Scalar<V> scalar;
    private final @Nullable Class<?> model;
    private final boolean list;

    private FieldType(String expected, @Nullable Scalar<V> scalar, @Nullable Class<?> model, boolean list) {
        this.expected = expected;
        this.scalar = scalar;
        this.model = model;
        this.list = list;
    }

    private static <V> FieldType<V> scalar(String expected, Scalar<V> read) {
        return new FieldType<>(expected, read, null, false);
    }

    /**
     * A JSON object read as {@code type} (with the deserializer Jackson has for it, e.g. another
     * model's {@link ModelReader}).
     *
     * @param type the model
     * @param <V> the model
     * @return the field type
     */
    public static <V> FieldType<V> model(Class<V> type) {
        return new FieldType<>("an object", null, Objects.requireNonNull(type, "type"), false);
    }

    /**
     * A JSON array of objects each read as {@code type}; as a whole, it reads only when every element
     * does.
     *
     * @param type the element model
     * @param <V> the element model
     * @return the field type
     */
    public static <V> FieldType<List<V>> listOf(Class<V> type) {
        return new FieldType<>("an array of objects", null, Objects.requireNonNull(type, "type"), true);
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

    /**
     * Reads a scalar type from the parser's current token, consuming nothing more; null when the
     * value does not read (a structure never does).
     */
    @Nullable
    V readScalar(JsonParser p) throws IOException {
        try {
            return Objects.requireNonNull(scalar, "not a scalar").read(p);
        } catch (RuntimeException e) { // NumberFormatException, DateTimeException, ArithmeticException
            return null;
        }
    }

    private static boolean isString(JsonParser p) {
        return p.currentToken() == JsonToken.VALUE_STRING;
    }

    private static boolean isNumber(JsonParser p) {
        JsonToken t = p.currentToken();
        return t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT;
    }

    private static @Nullable Long readLong(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? null : p.getLongValue();
        }
        return isString(p) ? Long.valueOf(Long.parseLong(p.getText().trim())) : null;
    }

    private static @Nullable Boolean readBoolean(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return t == JsonToken.VALUE_TRUE;
        }
        String s = t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_STRING
                ? p.getText().trim()
                : "";
        switch (s) {
            case "1":
            case "true":
                return Boolean.TRUE;
            case "0":
            case "false":
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    private static @Nullable Instant readInstant(JsonParser p) throws IOException {
        if (isNumber(p)) {
            return Timestamps.fromEpochNumber(p.getDoubleValue());
        }
        if (!isString(p)) {
            return null;
        }
        // the common forms are read straight from the parser's buffer, without a String
        Instant fast = Timestamps.parseCommon(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        return fast != null ? fast : Timestamps.parseInstant(p.getText());
    }

    private static @Nullable Duration readMillis(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return Duration.ofMillis(p.getLongValue());
        }
        BigDecimal ms = isString(p) ? decimal(p.getText()) : exactNumber(p);
        if (ms == null || ms.precision() - ms.scale() > MAX_DIGITS || ms.scale() > MAX_DIGITS) {
            return null; // rounding 1e-999999999 to nanoseconds would compute 10^999999993
        }
        return Duration.ofNanos(
                ms.movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    private static @Nullable BigDecimal exactNumber(JsonParser p) throws IOException {
        return isNumber(p) ? p.getDecimalValue() : null;
    }

    /** A numeric string in plain or scientific decimal notation, trimmed; null when it is not one. */
    private static @Nullable BigDecimal decimal(String text) {
        String s = text.trim();
        return s.isEmpty() || s.length() > 100 ? null : new BigDecimal(s);
    }

    private static @Nullable Double toDouble(@Nullable BigDecimal d) {
        return d == null || d.precision() - d.scale() > MAX_DIGITS ? null : d.doubleValue();
    }

    @Override
    public String toString() {
        return "FieldType{" + expected + "}";
    }
}
