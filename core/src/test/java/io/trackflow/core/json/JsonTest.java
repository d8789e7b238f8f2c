package io.trackflow.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trackflow.core.json.internal.WholeDocument;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2023-01-01 00:00:00 UTC|2023-01-01T00:00:00Z",
                "2023-01-01 00:00:05 utc|2023-01-01T00:00:05Z",
                "2023-01-01 00:00:00 GMT|2023-01-01T00:00:00Z",
                "2023-01-01T00:00:00Z|2023-01-01T00:00:00Z",
                "2023-01-01T00:00:00.123456Z|2023-01-01T00:00:00.123456Z",
                "2023-01-01T02:00:00+02:00|2023-01-01T00:00:00Z",
                "2023-01-01 02:00:00 +0200|2023-01-01T00:00:00Z",
                "2023-01-01T00:00:00-05|2023-01-01T05:00:00Z",
                "2023-01-01T00:00:00|2023-01-01T00:00:00Z",
                "2023-01-01 00:00|2023-01-01T00:00:00Z",
                "2023-01-01|2023-01-01T00:00:00Z",
                "1672531200|2023-01-01T00:00:00Z",
                "2023-01-01 00:00:00.250 UTC|2023-01-01T00:00:00.250Z",
                "2023-01-01T00:00:00.000+00:00|2023-01-01T00:00:00Z",
                "2023-01-01T00:00:00+0000|2023-01-01T00:00:00Z",
                "2023-01-01 01:00:00 +01:00|2023-01-01T00:00:00Z",
                " 2023-01-01 00:00:00 UTC |2023-01-01T00:00:00Z",
                "Sun, 01 Jan 2023 00:00:00 GMT|2023-01-01T00:00:00Z",
                "2023-01-01T00:00:00z|2023-01-01T00:00:00Z",
                "1672531200000|2023-01-01T00:00:00Z",
            })
    void instantsAreReadLeniently(String text, String expected) {
        assertThat(Timestamps.parseInstant(text)).isEqualTo(Instant.parse(expected));
    }

    @Test
    void everyProviderFormRoundTripsForManyInstants() {
        java.util.Random r = new java.util.Random(5);
        java.time.format.DateTimeFormatter provider = java.time.format.DateTimeFormatter.ofPattern(
                        "yyyy-MM-dd HH:mm:ss 'UTC'")
                .withZone(java.time.ZoneOffset.UTC);
        for (int i = 0; i < 10_000; i++) {
            Instant t = Instant.ofEpochSecond(r.nextInt(2_000_000_000), r.nextBoolean() ? 0 : r.nextInt(1_000_000_000));
            Instant seconds = t.with(java.time.temporal.ChronoField.NANO_OF_SECOND, 0);
            assertThat(Timestamps.parseInstant(provider.format(t))).isEqualTo(seconds);
            assertThat(Timestamps.parseInstant(t.toString())).isEqualTo(t);
            int offsetHours = r.nextInt(27) - 12;
            String withOffset =
                    t.atOffset(java.time.ZoneOffset.ofHours(offsetHours)).toString();
            assertThat(Timestamps.parseInstant(withOffset)).as(withOffset).isEqualTo(t);
        }
    }

    @Test
    void impossibleDatesAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> Timestamps.parseInstant("2023-02-30 00:00:00 UTC"));
        assertThatIllegalArgumentException().isThrownBy(() -> Timestamps.parseInstant("2023-01-01 25:00:00 UTC"));
        assertThatIllegalArgumentException().isThrownBy(() -> Timestamps.parseInstant("2023-01-01 00:00:00 Mars"));
    }

    @Test
    void garbageTimestampsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> Timestamps.parseInstant("yesterday"));
        assertThatIllegalArgumentException().isThrownBy(() -> Timestamps.parseInstant(""));
    }

    @Test
    void deeplyNestedJsonIsRefused() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThatThrownBy(() -> Json.read(deep, RawJson.class)).hasMessageContaining("nesting");
    }

    @Test
    void rawJsonNullRoundTripsThroughTheCodec() {
        assertThat(Json.write(RawJson.parse("null"))).isEqualTo("null");
        assertThat(Json.read("null", RawJson.class).isNull()).isTrue();
    }

    @Test
    void textWithMoreAfterItsValueIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Json.read("{\"text\":\"hi\"} x", com.example.thirdparty.Note.class))
                .withMessageContaining("not well-formed JSON");
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> Json.read("{\"text\":\"hi\"} {\"text\":\"again\"}", com.example.thirdparty.Note.class))
                .withMessageContaining("more JSON follows the value");
        assertThat(Json.read(" {\"text\":\"hi\"} \n\t", com.example.thirdparty.Note.class).text)
                .isEqualTo("hi");
    }

    /**
     * A stream that is a whole document (an HTTP body, {@link WholeDocument}) is one document as text is: a
     * second value or a proxy's page after it fails. Any other stream is read up to the end of its value.
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"text\":\"hi\"} trailing | not well-formed JSON",
                "{\"text\":\"hi\"}{\"text\":\"again\"} | more JSON follows the value",
                "{\"text\":\"hi\"} <html>502 Bad Gateway</html> | not well-formed JSON",
            })
    void aStreamWithMoreAfterItsValueIsRefused(String body, String why) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Json.read(whole(body), com.example.thirdparty.Note.class))
                .withMessageContaining(why);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Json.readList(whole("[" + body.replaceFirst("}", "}]")), RawJson.class))
                .withMessageContaining(why);
        assertThat(Json.read(whole(" {\"text\":\"hi\"} \r\n"), com.example.thirdparty.Note.class).text)
                .isEqualTo("hi");
        assertThat(Json.readList(whole("[1, 2]\n"), RawJson.class)).hasSize(2);
        // a stream in general: the value, whatever follows
        assertThat(Json.read(
                                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                                com.example.thirdparty.Note.class)
                        .text)
                .isEqualTo("hi");
    }

    private static InputStream whole(String json) {
        return new WholeDocument(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** Text read from a file may start with a byte order mark; a stream of bytes does too. */
    @Test
    void textAndStreamsThatStartWithAByteOrderMarkRead() {
        assertThat(Json.read("\uFEFF{\"text\":\"hi\"}", com.example.thirdparty.Note.class).text)
                .isEqualTo("hi");
        assertThat(RawJson.parse("\uFEFF[1]")).isEqualTo(RawJson.parse("[1]"));
        byte[] withBom = "\uFEFF{\"text\":\"hi\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Json.read(new java.io.ByteArrayInputStream(withBom), com.example.thirdparty.Note.class).text)
                .isEqualTo("hi");
        assertThatIllegalArgumentException().isThrownBy(() -> Json.read("\uFEFF", com.example.thirdparty.Note.class));
    }

    @Test
    void aLeapSecondReadsAsJavaTimeReadsIt() {
        assertThat(Timestamps.parseInstant("2016-12-31T23:59:60Z")).isEqualTo(Instant.parse("2016-12-31T23:59:60Z"));
        assertThat(Timestamps.parseInstant("2016-12-31 23:59:60 UTC")).isEqualTo(Instant.parse("2016-12-31T23:59:59Z"));
        assertThatIllegalArgumentException().isThrownBy(() -> Timestamps.parseInstant("2016-12-31T12:00:60Z"));
    }

    @Test
    void aModelOutsideTrackflowRegisteredFromItsClassInitializerIsFoundOnFirstUse() {
        // the class is not initialized before this read: the registry initializes it
        com.example.thirdparty.Note n = Json.read("{\"text\":\"hi\",\"extra\":1}", com.example.thirdparty.Note.class);
        assertThat(n.text).isEqualTo("hi");
        assertThat(Json.write(n)).isEqualTo("{\"text\":\"hi\"}");
    }

    @Test
    void aTypeTheCodecDoesNotKnowIsRefusedNamingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Json.read("{}", java.util.HashMap.class))
                .withMessageContaining("java.util.HashMap");
        assertThatIllegalArgumentException().isThrownBy(() -> Json.write(new Object()));
    }

    @Test
    void malformedJsonIsAnIllegalArgumentNamingTheProblem() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Json.read("{\"a\": [1, 2", RawJson.class))
                .withMessageContaining("not well-formed JSON");
    }

    @Test
    void aDateTimeReadAsADateKeepsItsOwnCalendarDate() {
        assertThat(Timestamps.parseLocalDate("2023-01-01T00:30+02:00")).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(Timestamps.parseLocalDate("2023-01-01 23:30:00 -05:00")).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(Timestamps.parseLocalDate("Sun, 01 Jan 2023 00:30:00 +0200")).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(Timestamps.parseLocalDate("2023-01-01")).isEqualTo(LocalDate.of(2023, 1, 1));
    }
}
