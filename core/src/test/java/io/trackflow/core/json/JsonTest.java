package io.trackflow.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
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

    record Holder(Instant at, LocalDate day, Duration length) {}

    @Test
    void mapperReadsProviderFormsAndIgnoresUnknownFields() throws Exception {
        ObjectMapper m = Json.newMapper();
        Holder h = m.readValue(
                "{\"at\":\"2023-01-01 00:00:00 UTC\",\"day\":\"1982-11-19\",\"length\":5645848548,\"extra\":{\"x\":1}}",
                Holder.class);
        assertThat(h.at()).isEqualTo(Instant.parse("2023-01-01T00:00:00Z"));
        assertThat(h.day()).isEqualTo(LocalDate.of(1982, 11, 19));
        assertThat(h.length()).isEqualTo(Duration.ofMillis(5645848548L));
        assertThat(m.readValue("{\"at\":1672531200}", Holder.class).at())
                .isEqualTo(Instant.parse("2023-01-01T00:00:00Z"));
        assertThatThrownBy(() -> m.readValue("{\"at\":\"soon\"}", Holder.class))
                .isInstanceOf(JsonMappingException.class);
        assertThat(m.writeValueAsString(
                        Map.of("at", Instant.parse("2023-01-01T00:00:00Z"), "len", Duration.ofSeconds(2))))
                .contains("\"2023-01-01T00:00:00Z\"")
                .contains("2000");
    }

    @Test
    void deeplyNestedJsonIsRefused() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThatThrownBy(() -> Json.reader().readTree(deep)).hasMessageContaining("nesting");
    }

    @Test
    void aDateTimeReadAsADateKeepsItsOwnCalendarDate() {
        assertThat(Timestamps.parseLocalDate("2023-01-01T00:30+02:00")).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(Timestamps.parseLocalDate("2023-01-01 23:30:00 -05:00")).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(Timestamps.parseLocalDate("Sun, 01 Jan 2023 00:30:00 +0200")).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(Timestamps.parseLocalDate("2023-01-01")).isEqualTo(LocalDate.of(2023, 1, 1));
    }

    @Test
    void theSharedConfigurationCannotBeChangedThroughWhatJsonHandsOut() throws Exception {
        Json.newMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Json.reader().with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Holder h = Json.readerFor(Holder.class).readValue("{\"at\":1672531200,\"unknown\":1}");
        assertThat(h.at()).isEqualTo(Instant.parse("2023-01-01T00:00:00Z"));
    }
}
