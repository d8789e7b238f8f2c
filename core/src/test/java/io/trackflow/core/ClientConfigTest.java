package io.trackflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ClientConfigTest {

    private static ClientConfig config(String url) {
        return ClientConfig.builder().baseUrl(ClientConfig.parseBaseUrl(url)).build();
    }

    @Test
    void acceptsHttpsWithAPathAndLoopbackHttp() {
        assertThat(config("https://api.beyondwords.io/v1/").baseUrl())
                .isEqualTo(URI.create("https://api.beyondwords.io/v1"));
        assertThat(config("http://127.0.0.1:8080").baseUrl().getPort()).isEqualTo(8080);
        assertThat(config("http://localhost:1/x").baseUrl().getPath()).isEqualTo("/x");
        assertThat(config("http://[::1]:1").baseUrl().getHost()).isEqualTo("[::1]");
    }

    @Test
    void rejectsUnsafeOrOddBaseUrls() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> config("http://api.example.com"))
                .withMessageContaining("baseUrl");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> config("https://user:pw@api.example.com"))
                .withMessageContaining("user-info")
                .withMessageNotContaining("pw");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> config("ftp://api.example.com"))
                .withMessageContaining("baseUrl");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> config("file:///etc/passwd"))
                .withMessageContaining("baseUrl");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> config("/relative"))
                .withMessageContaining("baseUrl");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> config("https://h/x?q=1"))
                .withMessageContaining("query");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> config("https://h x"))
                .withMessageContaining("baseUrl");
        assertThat(ClientConfig.builder()
                        .baseUrl(URI.create("http://api.example.com"))
                        .allowInsecureHttp(true)
                        .build())
                .isNotNull();
    }

    @Test
    void userAgentNamesTheLibraryAndJava() {
        assertThat(UserAgent.defaultValue()).matches("trackflow/\\S+ java/\\S+");
    }
}
