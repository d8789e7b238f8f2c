package io.trackflow.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.core.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorDecoderTest {

    private static ErrorBody decode(String body) {
        return ErrorDecoder.lenientJson().decode(HttpResponse.of(400, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void codeMessageAndLocatedErrors() {
        ErrorBody b =
                decode("{\"code\":422,\"message\":\"Invalid request body\",\"errors\":[{\"location\":\"source_id\","
                        + "\"message\":\"has already been taken\"}]}");
        assertThat(b.message()).contains("Invalid request body");
        assertThat(b.errorCode()).contains("422");
        assertThat(b.errors()).containsExactly(FieldError.of("source_id", "has already been taken"));
    }

    @Test
    void typeMessageContext() {
        ErrorBody b = decode("{\"type\":\"permission_error\",\"message\":\"Not allowed\",\"context\":{\"project\":1}}");
        assertThat(b.errorCode()).contains("permission_error");
        assertThat(b.message()).contains("Not allowed");
    }

    @Test
    void laravelFieldMapsWithListsOrStrings() {
        ErrorBody b =
                decode("{\"status\":\"error\",\"message\":\"The given data was invalid.\",\"errors\":{\"with\":[\"The "
                        + "selected with is invalid.\"],\"id\":\"must be a number\"}}");
        assertThat(b.message()).contains("The given data was invalid.");
        assertThat(b.errors())
                .containsExactly(
                        FieldError.of("with", "The selected with is invalid."),
                        FieldError.of("id", "must be a number"));
    }

    @Test
    void nonStringMessagesAndRetryAfter() {
        ErrorBody b = decode("{\"message\":{\"detail\":\"odd\"},\"retry_after\":60}");
        assertThat(b.message()).contains("{\"detail\":\"odd\"}");
        assertThat(b.retryAfter()).contains(Duration.ofSeconds(60));
        assertThat(decode("{\"message\":[\"a\",\"b\"]}").message()).contains("[\"a\",\"b\"]");
    }

    @Test
    void aBodyIsReadAsJacksonReadsBytesWithABomInUtf16OrWithTrailingContent() {
        byte[] json = "{\"message\":\"Rate limited\",\"retry_after\":30}".getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[json.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, bom, 3, json.length);
        for (byte[] body : List.of(
                bom,
                "{\"message\":\"Rate limited\",\"retry_after\":30}\n{\"x\":1}".getBytes(StandardCharsets.UTF_8),
                "{\"message\":\"Rate limited\",\"retry_after\":30} <!-- trailing -->".getBytes(StandardCharsets.UTF_8),
                "{\"message\":\"Rate limited\",\"retry_after\":30}".getBytes(StandardCharsets.UTF_16BE))) {
            ErrorBody b = ErrorDecoder.lenientJson().decode(HttpResponse.of(429, body));
            assertThat(b.message()).contains("Rate limited");
            assertThat(b.retryAfter()).contains(java.time.Duration.ofSeconds(30));
        }
    }

    @Test
    void unreadableBodiesYieldNothingAndNeverThrow() {
        assertThat(decode("<html>502 Bad Gateway</html>")).isEqualTo(ErrorBody.empty());
        assertThat(decode("")).isEqualTo(ErrorBody.empty());
        assertThat(decode("[1,2]")).isEqualTo(ErrorBody.empty());
        assertThat(decode("{\"message\": \"trunc")).isEqualTo(ErrorBody.empty());
        assertThat(decode("[".repeat(10000))).isEqualTo(ErrorBody.empty());
    }

    @Test
    void anErrorResponsePrintsNoCredentialOrCookie() {
        ErrorResponse r = get(401).putHeaders("set-cookie", java.util.List.of("session=static-secret"))
                .putHeaders("authorization", java.util.List.of("Bearer static-secret"))
                .putHeaders("X-Api-Key", java.util.List.of("static-secret"))
                .putHeaders("cookie", java.util.List.of("a=static-secret"))
                .putHeaders("proxy-authorization", java.util.List.of("Basic static-secret"))
                .putHeaders("x-request-id", java.util.List.of("r-1"))
                .build();
        assertThat(r.toString())
                .doesNotContain("static-secret")
                .contains("****")
                .contains("r-1");
        assertThat(ErrorFactory.of(r).toString()).doesNotContain("static-secret");
    }

    /** The response to a GET of https://api.example.com/x with {@code status}, to complete. */
    private static ErrorResponse.Builder get(int status) {
        return ErrorResponse.builder()
                .method(io.trackflow.core.http.HttpMethod.GET)
                .uri(java.net.URI.create("https://api.example.com/x"))
                .status(status);
    }

    @Test
    void aDefaultThatReadsAnotherAttributeSeesItsValue() {
        // TrackflowStyle computes defaults in declaration order (no init shim): retryAfter() reads body()
        ErrorResponse r = get(429).body(ErrorBody.builder()
                        .retryAfter(java.time.Duration.ofSeconds(7))
                        .build())
                .build();
        assertThat(r.retryAfter()).contains(java.time.Duration.ofSeconds(7));
    }

    @Test
    void anExhaustedPoolIsNotAConnectFailure() {
        io.trackflow.core.http.HttpRequest req =
                io.trackflow.core.http.HttpRequest.get(java.net.URI.create("https://api.example.com/x"));
        TransportException full = io.trackflow.core.error.internal.ErrorAccess.get()
                .poolExhausted(req, new IllegalStateException("full"));
        assertThat(full.isPoolExhausted()).isTrue();
        assertThat(full.isConnectFailure()).isFalse();
    }
}
