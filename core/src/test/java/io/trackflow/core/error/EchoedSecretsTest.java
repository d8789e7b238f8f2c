package io.trackflow.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.core.http.HttpMethod;
import io.trackflow.core.http.HttpRequest;
import io.trackflow.core.http.HttpResponse;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a server echoes of the credentials it was sent stays out of the error. */
class EchoedSecretsTest {

    private static final HttpRequest SENT = HttpRequest.builder()
            .method(HttpMethod.GET)
            .uri(URI.create("https://api.example.com/v1/tracks/1"))
            .putHeaders("Authorization", "Bearer s3cret-token-value")
            .putHeaders("X-Api-Key", "key-0123456789")
            .build();

    private static HttpResponse response(String body, Map<String, List<String>> headers) {
        return HttpResponse.builder()
                .status(401)
                .headers(headers)
                .body(ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer())
                .build();
    }

    @Test
    void echoedCredentialsAreMaskedInTheBodyAndTheHeaders() {
        HttpResponse answer = response(
                "{\"message\":\"token s3cret-token-value and key key-0123456789 refused\"}",
                Map.of(
                        "x-api-key", List.of("key-0123456789"),
                        "x-debug", List.of("saw Bearer s3cret-token-value"),
                        "content-type", List.of("application/json")));
        HttpStatusException e = ErrorFactory.INSTANCE.status(SENT, answer, LenientJsonErrorDecoder.INSTANCE);
        String all = e.getMessage() + e.bodyExcerpt() + e.headers() + e + e.response();
        assertThat(all).doesNotContain("s3cret-token-value").doesNotContain("key-0123456789");
        assertThat(e.getMessage()).startsWith("token **** and key **** refused");
        assertThat(e.headers()).containsEntry("x-api-key", List.of("****"));
        assertThat(e.headers()).containsEntry("x-debug", List.of("saw ****"));
        assertThat(e.headers()).containsEntry("content-type", List.of("application/json"));
    }

    @Test
    void aResponseThatEchoesNothingIsKeptAsItIs() {
        HttpResponse answer = response("{\"message\":\"Unauthenticated.\"}", Map.of("date", List.of("x")));
        assertThat(EchoedSecrets.scrubbed(null, SENT, answer)).isSameAs(answer);
    }

    @Test
    void shortSecretsAreNotLookedFor() {
        HttpRequest shortKey = HttpRequest.builder()
                .from(SENT)
                .headers(Map.of("X-Api-Key", "k"))
                .build();
        HttpResponse answer = response("{\"message\":\"key k is unknown\"}", Map.of());
        assertThat(EchoedSecrets.scrubbed(null, shortKey, answer)).isSameAs(answer);
    }

    /**
     * What the authentication added is secret whatever the header's name; a key echoed JSON-escaped (PHP
     * writes {@code /} as {@code \/}) and one cookie of several are masked too.
     */
    @Test
    void addedHeadersEscapedEchoesAndSingleCookiesAreMasked() {
        HttpRequest original = HttpRequest.builder()
                .method(HttpMethod.GET)
                .uri(URI.create("https://api.example.com/v1/tracks/1"))
                .putHeaders("Accept", "application/json")
                .putHeaders("Cookie", "theme=dark; session=abcdef123456")
                .build();
        HttpRequest sent = HttpRequest.builder()
                .from(original)
                .putHeaders("X-Auth-Token", "ab/cd/0123456789")
                .build();
        HttpResponse answer =
                response("{\"message\":\"token ab\\/cd\\/0123456789 for session abcdef123456 refused\"}", Map.of());
        HttpStatusException e = ErrorFactory.INSTANCE.status(original, sent, answer, LenientJsonErrorDecoder.INSTANCE);
        String all = e.getMessage() + e.bodyExcerpt() + e + e.response();
        assertThat(all)
                .doesNotContain("0123456789")
                .doesNotContain("abcdef123456")
                .contains("token **** for session **** refused");
    }

    @Test
    void aDecodingFailureThatEchoesACredentialShowsItMaskedAndKeepsItsTrace() {
        IllegalArgumentException inner = new IllegalArgumentException("bad token 'key-0123456789'");
        IllegalStateException outer = new IllegalStateException("cannot read id", inner);
        DecodingException e = ErrorFactory.INSTANCE.body(SENT, SENT, 200, utf8("{\"id\": key-0123456789}"), outer);
        assertThat(e.bodyExcerpt()).isEqualTo("{\"id\": ****}");
        assertThat(e.getMessage()).doesNotContain("key-0123456789");
        Throwable cause = e.getCause();
        assertThat(cause).hasMessage("java.lang.IllegalStateException: cannot read id");
        assertThat(cause.getStackTrace()).isEqualTo(outer.getStackTrace());
        assertThat(cause.getCause())
                .hasMessage("java.lang.IllegalArgumentException: bad token '****'")
                .hasToString("java.lang.IllegalArgumentException: bad token '****'");
    }

    @Test
    void aDecodingFailureThatEchoesNothingKeepsItsCause() {
        IllegalStateException cause = new IllegalStateException("cannot read id");
        DecodingException e = ErrorFactory.INSTANCE.body(SENT, SENT, 200, utf8("{\"id\": x}"), cause);
        assertThat(e.getCause()).isSameAs(cause);
        assertThat(e.bodyExcerpt()).isEqualTo("{\"id\": x}");
    }

    private static ByteBuffer utf8(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCredentialCutShortByAReportOrAnExcerptIsMaskedToo() {
        IllegalStateException cause =
                new IllegalStateException("Unrecognized token 'zzzzkey-01234...': was expecting a value");
        String body = " ".repeat(2040) + "key-0123456789";
        DecodingException e = ErrorFactory.INSTANCE.body(SENT, SENT, 200, utf8(body), cause);
        assertThat(e.bodyExcerpt()).doesNotContain("key-01").endsWith("****");
        assertThat(e.getCause())
                .hasMessage("java.lang.IllegalStateException: Unrecognized token 'zzzz****...': was expecting a value");
        assertThat(e.getMessage()).doesNotContain("key-01");
    }
}
