package io.trackflow.core.json;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * How the scalar {@link FieldType}s read the parser's current token (null when it does not read as the
 * type; a conversion may throw, which {@code FieldType} takes as "does not read"), and the one scalar
 * written other than as it is held: milliseconds.
 */
final class Scalars {

    /** The most integer (or fraction) digits a decimal may have to become a duration or a double. */
    private static final int MAX_DIGITS = 24;

    private Scalars() {}

    static @Nullable String readString(JsonParser p) {
        return isString(p) ? p.getString() : null;
    }

    static @Nullable Integer readInt(JsonParser p) {
        Long v = readLong(p);
        return v == null || v != v.intValue() ? null : v.intValue();
    }

    static @Nullable BigDecimal readDecimal(JsonParser p) {
        return isString(p) ? decimal(p.getString()) : exactNumber(p);
    }

    static @Nullable Double readDouble(JsonParser p) {
        Double v = isString(p)
                ? toDouble(decimal(p.getString()))
                : isNumber(p) ? Double.valueOf(p.getDoubleValue()) : null;
        return v == null || !Double.isFinite(v) ? null : v;
    }

    static @Nullable LocalDate readDate(JsonParser p) {
        if (!isString(p)) {
            return null;
        }
        // a plain date is read straight from the parser's buffer, without a String (as an instant is)
        LocalDate fast = Timestamps.parseCommonDate(p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
        return fast != null ? fast : Timestamps.parseLocalDate(p.getString());
    }

    private static boolean isString(JsonParser p) {
        return p.currentToken() == JsonToken.VALUE_STRING;
    }

    private static boolean isNumber(JsonParser p) {
        JsonToken t = p.currentToken();
        return t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT;
    }

    static @Nullable Long readLong(JsonParser p) {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? null : p.getLongValue();
        }
        return isString(p) ? Long.valueOf(Long.parseLong(p.getString().trim())) : null;
    }

    static @Nullable Boolean readBoolean(JsonParser p) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return t == JsonToken.VALUE_TRUE;
        }
        String s = t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_STRING
                ? p.getString().trim()
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

    static @Nullable Instant readInstant(JsonParser p) {
        if (isNumber(p)) {
            return Timestamps.fromEpochNumber(p.getDecimalValue()); // exactly: a fraction never through a double
        }
        if (!isString(p)) {
            return null;
        }
        // the common forms are read straight from the parser's buffer, without a String
        Instant fast = Timestamps.parseCommon(p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
        return fast != null ? fast : Timestamps.parseInstant(p.getString());
    }

    static @Nullable Duration readMillis(JsonParser p) {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return Duration.ofMillis(p.getLongValue());
        }
        BigDecimal ms = isString(p) ? decimal(p.getString()) : exactNumber(p);
        if (ms == null || ms.precision() - ms.scale() > MAX_DIGITS || ms.scale() > MAX_DIGITS) {
            return null; // rounding 1e-999999999 to nanoseconds would compute 10^999999993
        }
        return Duration.ofNanos(
                ms.movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    static void writeMillis(Duration d, JsonGenerator g) {
        long seconds = d.getSeconds();
        if (d.getNano() % 1_000_000 == 0 && Math.abs(seconds) < Long.MAX_VALUE / 1000 - 1) {
            g.writeNumber(d.toMillis());
        } else { // a fraction of a millisecond, or beyond a long of milliseconds: exactly, as a decimal
            BigDecimal nanos = BigDecimal.valueOf(seconds)
                    .multiply(BigDecimal.valueOf(1_000_000_000L))
                    .add(BigDecimal.valueOf(d.getNano()));
            BigDecimal ms = nanos.movePointLeft(6).stripTrailingZeros();
            g.writeNumber(ms.scale() < 0 ? ms.setScale(0) : ms);
        }
    }

    private static @Nullable BigDecimal exactNumber(JsonParser p) {
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
}
