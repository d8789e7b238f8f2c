package io.trackflow.beyondwords;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.core.json.Json;
import io.trackflow.core.json.RawJson;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * An application's mapper with Jackson's lenient number features on (Spring Boot exposes them as
 * {@code spring.jackson.json.read.*}) reads numbers JSON has no text for ({@code .5}, {@code 5.}, {@code +5},
 * {@code NaN}): a model keeps them in JSON's form, so that it writes valid JSON and reads back equal, with
 * either major. Jackson 3 once wrote {@code "x":.5} back as it came, and Jackson 2 could not read them at all.
 */
class LenientNumbersTest {

    private static final String HEAD = "{\"id\":7,\"name\":\"Rain\",\"created\":\"2023-01-01T00:00:00Z\",";

    private static final JsonMapper JACKSON3 = JsonMapper.builder()
            .findAndAddModules()
            .enable(
                    JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS,
                    JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS,
                    JsonReadFeature.ALLOW_TRAILING_DECIMAL_POINT_FOR_NUMBERS,
                    JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS)
            .build();

    private static final ObjectMapper JACKSON2 = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(
                    com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS,
                    com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS,
                    com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_TRAILING_DECIMAL_POINT_FOR_NUMBERS,
                    com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS)
            .build()
            .findAndRegisterModules();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                ".5 | 0.5",
                "5. | 5.0",
                "+1.5 | 1.5",
                "-.25e2 | -25.0",
                "NaN | \"NaN\"",
                "-Infinity | \"-Infinity\"",
                "+123456789012345678901234567890 | 123456789012345678901234567890",
            })
    void anUnknownFieldKeepsTheNumberInJsonsForm(String lenient, String json) throws Exception {
        String body = HEAD + "\"x\":" + lenient + "}";
        RawJson expected = RawJson.parse(json);
        BackgroundTrack three = JACKSON3.readValue(body, BackgroundTrack.class);
        BackgroundTrack two = JACKSON2.readValue(body, BackgroundTrack.class);
        for (BackgroundTrack t : new BackgroundTrack[] {three, two}) {
            assertThat(t.additionalProperties().get("x")).isEqualTo(expected);
            String written = Json.write(t);
            assertThat(Json.read(written, BackgroundTrack.class)).as(written).isEqualTo(t);
        }
        assertThat(two).isEqualTo(three);
        assertThat(JACKSON3.readValue(JACKSON3.writeValueAsString(three), BackgroundTrack.class))
                .isEqualTo(three);
        assertThat(JACKSON2.readValue(JACKSON2.writeValueAsString(two), BackgroundTrack.class))
                .isEqualTo(two);
    }

    @ParameterizedTest
    @CsvSource({".5e3, 500", "+1500, 1500", "1500., 1500"})
    void aTypedFieldReadsTheValueWithEitherMajor(String lenient, long millis) throws Exception {
        String body = HEAD + "\"media\":{\"url\":\"u\",\"duration\":" + lenient + "}}";
        for (BackgroundTrack t : new BackgroundTrack[] {
            JACKSON3.readValue(body, BackgroundTrack.class), JACKSON2.readValue(body, BackgroundTrack.class)
        }) {
            assertThat(t.media().orElseThrow().duration()).contains(Duration.ofMillis(millis));
        }
    }
}
