package io.trackflow.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link HttpRequest#withHeader}: one header set, the others kept in their order, bad input named. */
class RequestHeadersTest {

    private static final HttpRequest REQUEST = HttpRequest.builder()
            .method(HttpMethod.POST)
            .uri(URI.create("https://api.example.com/v1/x?a=1"))
            .putHeaders("Accept", "application/json")
            .putHeaders("X-Trace", "t1")
            .body(new byte[] {1, 2, 3})
            .build();

    @Test
    void aHeaderOfTheSameNameInAnyCaseIsReplacedAndTheRestKeepTheirOrder() {
        HttpRequest r = REQUEST.withHeader("accept", "text/plain").withHeader("X-Api-Key", "k");
        assertThat(List.copyOf(r.headers().keySet())).containsExactly("X-Trace", "accept", "X-Api-Key");
        assertThat(r.header("ACCEPT")).contains("text/plain");
        assertThat(r.content()).containsExactly(1, 2, 3);
        assertThat(r.uri()).isEqualTo(REQUEST.uri());
        assertThat(r.method()).isEqualTo(HttpMethod.POST);
        assertThatThrownBy(() -> r.headers().put("X", "y")).isInstanceOf(UnsupportedOperationException.class);
        Map<String, String> before = new LinkedHashMap<>(REQUEST.headers());
        assertThat(REQUEST.headers()).isEqualTo(before); // the original is untouched
    }

    @Test
    void aNullNameOrValueOrAnInvalidOneIsNamed() {
        assertThatThrownBy(() -> REQUEST.withHeader(null, "1"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("headers key");
        assertThatThrownBy(() -> REQUEST.withHeader("A", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("headers value for key: A");
        assertThatThrownBy(() -> REQUEST.withHeader("X-Evil", "a\r\nSet-Cookie: b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("X-Evil");
    }
}
