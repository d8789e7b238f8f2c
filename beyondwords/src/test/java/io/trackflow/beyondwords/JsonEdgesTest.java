package io.trackflow.beyondwords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.core.json.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fields sent more than once, on every read path, leap seconds with fractions and offsets, and text with
 * something after its value (an adversarial review's cases): each round-trips, or is refused.
 */
class JsonEdgesTest {
    static final String HEAD = "{\"id\":1,\"name\":\"n\",\"created\":\"2023-01-01T00:00:00Z\",";

    static BackgroundTrack rt(BackgroundTrack x) {
        return Json.read(Json.write(x), BackgroundTrack.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"volume\":\"a\",\"volume\":50,\"volume\":\"b\"",
                "\"volume\":50,\"volume\":\"a\",\"volume\":70",
                "\"volume\":\"a\",\"zz\":1,\"volume\":\"b\"",
                "\"media\":{\"url\":\"a\"},\"media\":5",
                "\"media\":5,\"media\":{\"url\":\"a\"},\"media\":[1]",
                "\"project\":{\"id\":1},\"project\":{\"x\":1}",
                "\"project\":{\"x\":1},\"project\":{\"id\":1}",
                "\"media\":{\"url\":\"a\",\"url\":5,\"url\":\"b\"}",
                "\"updated\":\"soon\",\"updated\":\"2023-01-02T00:00:00Z\",\"updated\":\"later\""
            })
    void duplicatesRoundTripOnEveryPath(String twice) {
        String json = HEAD + twice + "}";
        BackgroundTrack x = Json.read(json, BackgroundTrack.class);
        assertThat(rt(x)).as("Json " + Json.write(x)).isEqualTo(x);
        tools.jackson.databind.json.JsonMapper m3 = tools.jackson.databind.json.JsonMapper.builder()
                .findAndAddModules()
                .build();
        BackgroundTrack y = m3.readValue(json, BackgroundTrack.class);
        assertThat(y).isEqualTo(x);
        assertThat(m3.readValue(m3.writeValueAsString(y), BackgroundTrack.class))
                .isEqualTo(y);
        assertThat(m3.convertValue(y, BackgroundTrack.class)).isEqualTo(y);
    }

    @Test
    void leapSecondFractionAndOffset() {
        for (String ts :
                new String[] {"2016-12-31T23:59:60.5Z", "2016-12-31T23:59:60+01:00", "2016-12-31T23:59:60.123456789Z"
                }) {
            BackgroundTrack x =
                    Json.read("{\"id\":1,\"name\":\"n\",\"created\":\"" + ts + "\"}", BackgroundTrack.class);
            assertThat(x.created()).as(ts).isEqualTo(Instant.parse(ts));
            assertThat(rt(x)).isEqualTo(x);
        }
    }

    @Test
    void textWithSomethingAfterItsValueIsRefused() {
        String ok = HEAD.substring(0, HEAD.length() - 1) + "}";
        assertThat(Json.read(ok + " \n\t\r ", BackgroundTrack.class).id()).isEqualTo(1);
        assertThatThrownBy(() -> Json.read(ok + " // c", BackgroundTrack.class))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.read(ok + " {}", BackgroundTrack.class))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.read(ok + "}", BackgroundTrack.class))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.read(ok + ",", BackgroundTrack.class))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
