package io.trackflow.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A response's header values cannot be changed by whoever reads the response. */
class ResponseHeadersTest {

    @Test
    void headerValuesAreReadOnlyWhateverListTheyWereGivenAs() {
        HttpResponse r = HttpResponse.builder()
                .status(200)
                .headers(Map.of("X-Request-Id", new ArrayList<>(List.of("r1"))))
                .body(HttpResponse.EMPTY)
                .build();
        assertThat(r.header("x-request-id")).contains("r1");
        assertThatThrownBy(() -> r.headers().get("x-request-id").add("r2"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void headerNamesAreKeptLowerCaseBeyondAscii() {
        HttpResponse r = HttpResponse.builder()
                .status(200)
                .body(HttpResponse.EMPTY)
                .header("x-café", "v")
                .header("X-CAFÉ-Zwei", "w")
                .header("\u00ff", "y")
                .build();
        assertThat(r.headers()).containsOnlyKeys("x-café", "x-café-zwei", "\u00ff");
        assertThat(r.header("X-Café")).contains("v");
        assertThat(r.header("x-café-zwei")).contains("w");
    }
}
