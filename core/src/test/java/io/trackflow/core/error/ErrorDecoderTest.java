package io.trackflow.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.core.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ErrorDecoderTest {

  private static ErrorBody decode(String body) {
    return ErrorDecoder.lenientJson().decode(HttpResponse.of(400, body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void codeMessageAndLocatedErrors() {
    ErrorBody b = decode("{\"code\":422,\"message\":\"Invalid request body\",\"errors\":[{\"location\":\"source_id\",\"message\":\"has already been taken\"}]}");
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
    ErrorBody b = decode("{\"status\":\"error\",\"message\":\"The given data was invalid.\",\"errors\":{\"with\":[\"The selected with is invalid.\"],\"id\":\"must be a number\"}}");
    assertThat(b.message()).contains("The given data was invalid.");
    assertThat(b.errors()).containsExactly(
        FieldError.of("with", "The selected with is invalid."), FieldError.of("id", "must be a number"));
  }

  @Test
  void nonStringMessagesAndRetryAfter() {
    ErrorBody b = decode("{\"message\":{\"detail\":\"odd\"},\"retry_after\":60}");
    assertThat(b.message()).contains("{\"detail\":\"odd\"}");
    assertThat(b.retryAfter()).contains(Duration.ofSeconds(60));
    assertThat(decode("{\"message\":[\"a\",\"b\"]}").message()).contains("[\"a\",\"b\"]");
  }

  @Test
  void unreadableBodiesYieldNothingAndNeverThrow() {
    assertThat(decode("<html>502 Bad Gateway</html>")).isEqualTo(ErrorBody.empty());
    assertThat(decode("")).isEqualTo(ErrorBody.empty());
    assertThat(decode("[1,2]")).isEqualTo(ErrorBody.empty());
    assertThat(decode("{\"message\": \"trunc")).isEqualTo(ErrorBody.empty());
    assertThat(decode("[".repeat(10000))).isEqualTo(ErrorBody.empty());
  }
}
