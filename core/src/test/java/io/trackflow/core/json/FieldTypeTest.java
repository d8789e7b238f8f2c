package io.trackflow.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.core.json.internal.Wire;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JsonParser;

/** What each {@link FieldType} accepts, and what it does not read (null: the field is then kept raw). */
class FieldTypeTest {

    private static Arguments reads(FieldType<?> type, String json, Object expected) {
        return Arguments.of(Named.of(type.expected(), type), json, expected);
    }

    private static Arguments rejects(FieldType<?> type, String json) {
        return Arguments.of(Named.of(type.expected(), type), json, null);
    }

    static Stream<Arguments> values() {
        return Stream.of(
                reads(FieldType.STRING, "\"x\"", "x"),
                reads(FieldType.STRING, "\"\"", ""),
                rejects(FieldType.STRING, "42"),
                rejects(FieldType.STRING, "true"),
                rejects(FieldType.STRING, "{\"a\":1}"),
                rejects(FieldType.STRING, "[\"a\"]"),
                reads(FieldType.LONG, "7", 7L),
                reads(FieldType.LONG, "\"7\"", 7L),
                reads(FieldType.LONG, "\" -7 \"", -7L),
                reads(FieldType.LONG, "9223372036854775807", Long.MAX_VALUE),
                rejects(FieldType.LONG, "9223372036854775808"),
                rejects(FieldType.LONG, "7.5"),
                rejects(FieldType.LONG, "\"7.5\""),
                rejects(FieldType.LONG, "\"x\""),
                rejects(FieldType.LONG, "true"),
                reads(FieldType.INT, "100", 100),
                reads(FieldType.INT, "\"80\"", 80),
                rejects(FieldType.INT, "2147483648"),
                rejects(FieldType.INT, "\"loud\""),
                reads(FieldType.BOOLEAN, "true", true),
                reads(FieldType.BOOLEAN, "false", false),
                reads(FieldType.BOOLEAN, "1", true),
                reads(FieldType.BOOLEAN, "0", false),
                reads(FieldType.BOOLEAN, "\"true\"", true),
                reads(FieldType.BOOLEAN, "\"0\"", false),
                rejects(FieldType.BOOLEAN, "2"),
                rejects(FieldType.BOOLEAN, "\"yes\""),
                reads(FieldType.DECIMAL, "19.99", new BigDecimal("19.99")),
                reads(FieldType.DECIMAL, "\"19.99\"", new BigDecimal("19.99")),
                reads(FieldType.DECIMAL, "19.90", new BigDecimal("19.90")),
                reads(FieldType.DECIMAL, "\" 499.00 \"", new BigDecimal("499.00")),
                reads(FieldType.DECIMAL, "29", new BigDecimal("29")),
                reads(FieldType.DECIMAL, "0.1", new BigDecimal("0.1")),
                reads(
                        FieldType.DECIMAL,
                        "12345678901234567890.123456789",
                        new BigDecimal("12345678901234567890.123456789")),
                rejects(FieldType.DECIMAL, "\"$19.99\""),
                rejects(FieldType.DECIMAL, "\"\""),
                rejects(FieldType.DECIMAL, "\"NaN\""),
                rejects(FieldType.DECIMAL, "false"),
                reads(FieldType.DOUBLE, "92.5", 92.5),
                reads(FieldType.DOUBLE, "\"128\"", 128.0),
                reads(FieldType.DOUBLE, "120", 120.0),
                rejects(FieldType.DOUBLE, "\"Infinity\""),
                rejects(FieldType.DOUBLE, "\"128d\""),
                rejects(FieldType.DOUBLE, "\"0x10\""),
                rejects(FieldType.DOUBLE, "1e400"),
                reads(FieldType.INSTANT, "\"2023-01-01 00:00:00 UTC\"", Instant.parse("2023-01-01T00:00:00Z")),
                reads(FieldType.INSTANT, "\"2023-01-01T00:00:00.000000Z\"", Instant.parse("2023-01-01T00:00:00Z")),
                reads(FieldType.INSTANT, "\"Sun, 01 Jan 2023 00:00:00 GMT\"", Instant.parse("2023-01-01T00:00:00Z")),
                reads(FieldType.INSTANT, "1672531200", Instant.parse("2023-01-01T00:00:00Z")),
                // a fraction read exactly, never through a double (.123 had become .122999907)
                reads(FieldType.INSTANT, "1672531200.123", Instant.parse("2023-01-01T00:00:00.123Z")),
                reads(FieldType.INSTANT, "1700000000.001", Instant.parse("2023-11-14T22:13:20.001Z")),
                reads(FieldType.INSTANT, "\"1672531200.5\"", Instant.parse("2023-01-01T00:00:00.500Z")),
                reads(FieldType.INSTANT, "1672531200123", Instant.parse("2023-01-01T00:00:00.123Z")),
                reads(FieldType.INSTANT, "1672531200123.5", Instant.parse("2023-01-01T00:00:00.1235Z")),
                reads(FieldType.INSTANT, "-1.5", Instant.parse("1969-12-31T23:59:58.500Z")),
                rejects(FieldType.INSTANT, "1e30"),
                rejects(FieldType.INSTANT, "\"1672531200.\""),
                rejects(FieldType.INSTANT, "\"yesterday\""),
                rejects(FieldType.INSTANT, "\"\""),
                rejects(FieldType.INSTANT, "\"2023-02-30 00:00:00 UTC\""),
                rejects(FieldType.INSTANT, "true"),
                reads(FieldType.DATE, "\"1982-11-19\"", LocalDate.of(1982, 11, 19)),
                reads(FieldType.DATE, "\"1982-11-19T23:30:00-05:00\"", LocalDate.of(1982, 11, 19)),
                rejects(FieldType.DATE, "\"TBA\""),
                rejects(FieldType.DATE, "\"\""),
                rejects(FieldType.DATE, "19821119"),
                reads(FieldType.MILLIS, "5645848548", Duration.ofMillis(5_645_848_548L)),
                reads(FieldType.MILLIS, "\"200000\"", Duration.ofSeconds(200)),
                reads(FieldType.MILLIS, "1.5", Duration.ofNanos(1_500_000)),
                reads(FieldType.MILLIS, "-9223372036854775808", Duration.ofMillis(Long.MIN_VALUE)),
                rejects(FieldType.MILLIS, "\"3:20\""),
                rejects(FieldType.MILLIS, "1e999999999"),
                rejects(FieldType.MILLIS, "\"1e-999999999\""),
                rejects(FieldType.MILLIS, "99999999999999999999999999"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("values")
    void readsWhatItDocumentsAndNothingElse(FieldType<?> type, String json, Object expected) throws Exception {
        try (JsonParser p = Wire.parser(json)) {
            p.nextToken();
            assertThat(type.readScalar(p)).isEqualTo(expected); // BigDecimal equality includes the scale
            // a scalar read never moves the parser: the value is still there to be kept raw
            assertThat(RawJson.read(p)).isEqualTo(RawJson.parse(json));
            assertThat(p.nextToken()).isNull();
        }
    }

    /** A decimal keeps its digits through a mapper that writes BigDecimals plain (its scale would change). */
    @org.junit.jupiter.api.Test
    void aDecimalIsWrittenWithItsDigitsWhateverTheMappersDecimalStyle() {
        tools.jackson.databind.json.JsonMapper plain = tools.jackson.databind.json.JsonMapper.builder()
                .enable(tools.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
        java.io.StringWriter out = new java.io.StringWriter();
        try (tools.jackson.core.JsonGenerator g = plain.createGenerator(out)) {
            g.writeStartArray();
            FieldType.DECIMAL.write(new BigDecimal("1E+3"), g);
            FieldType.DECIMAL.write(new BigDecimal("19.90"), g);
            g.writeEndArray();
        }
        org.assertj.core.api.Assertions.assertThat(out.toString()).isEqualTo("[1E+3,19.90]");
    }
}
