package io.trackflow.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.beatpass.BeatPassClient;
import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.core.client.ApiClient;
import io.trackflow.core.http.ReactorNettyTransport;
import io.trackflow.core.retry.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The starter's defaults are the library's: each property starts at the value core defines it as
 * (the properties keep literal initializers, which Spring Boot's configuration processor reads into
 * the metadata; this test keeps them equal to core's), and the metadata shows the same values.
 */
class DefaultsTest {

    @Test
    void propertiesStartAtTheLibrarysDefaults() {
        TrackflowProperties p = new TrackflowProperties();
        RetryPolicy retry = RetryPolicy.defaults();
        assertThat(p.getTotalTimeout()).isEqualTo(ApiClient.DEFAULT_TOTAL_TIMEOUT);
        assertThat(p.getHttp().getConnectTimeout()).isEqualTo(ReactorNettyTransport.DEFAULT_CONNECT_TIMEOUT);
        assertThat(p.getHttp().getResponseTimeout()).isEqualTo(ReactorNettyTransport.DEFAULT_RESPONSE_TIMEOUT);
        assertThat(p.getHttp().getMaxConnections()).isEqualTo(ReactorNettyTransport.DEFAULT_MAX_CONNECTIONS);
        assertThat(p.getRetry().getMaxRetries()).isEqualTo(retry.maxRetries());
        assertThat(p.getRetry().getMaxRetryAfter()).isEqualTo(retry.maxRetryAfter());
        assertThat(p.getRetry().getInitialBackoff()).isEqualTo(retry.initialBackoff());
        assertThat(p.getRetry().getMaxBackoff()).isEqualTo(retry.maxBackoff());
        assertThat(p.getBeyondwords().getBaseUrl()).isEqualTo(BeyondWordsClient.DEFAULT_BASE_URL);
        assertThat(p.getBeatpass().getBaseUrl()).isEqualTo(BeatPassClient.DEFAULT_BASE_URL);
    }

    @Test
    void theMetadataShowsTheLibrarysDefaults() throws IOException {
        Map<String, String> defaults = new LinkedHashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            JsonNode metadata = JsonMapper.builder().build().readTree(in);
            metadata.get("properties").forEach(n -> {
                if (n.has("defaultValue")) {
                    defaults.put(n.get("name").asString(), n.get("defaultValue").asString());
                }
            });
        }
        RetryPolicy retry = RetryPolicy.defaults();
        assertThat(duration(defaults.get("trackflow.total-timeout"))).isEqualTo(ApiClient.DEFAULT_TOTAL_TIMEOUT);
        assertThat(duration(defaults.get("trackflow.http.connect-timeout")))
                .isEqualTo(ReactorNettyTransport.DEFAULT_CONNECT_TIMEOUT);
        assertThat(duration(defaults.get("trackflow.http.response-timeout")))
                .isEqualTo(ReactorNettyTransport.DEFAULT_RESPONSE_TIMEOUT);
        assertThat(defaults.get("trackflow.http.max-connections"))
                .isEqualTo(String.valueOf(ReactorNettyTransport.DEFAULT_MAX_CONNECTIONS));
        assertThat(defaults.get("trackflow.retry.max-retries")).isEqualTo(String.valueOf(retry.maxRetries()));
        assertThat(duration(defaults.get("trackflow.retry.max-retry-after"))).isEqualTo(retry.maxRetryAfter());
        assertThat(duration(defaults.get("trackflow.retry.initial-backoff"))).isEqualTo(retry.initialBackoff());
        assertThat(duration(defaults.get("trackflow.retry.max-backoff"))).isEqualTo(retry.maxBackoff());
        assertThat(defaults.get("trackflow.beatpass.base-url")).isEqualTo(BeatPassClient.DEFAULT_BASE_URL);
        assertThat(defaults.get("trackflow.beyondwords.base-url")).isEqualTo(BeyondWordsClient.DEFAULT_BASE_URL);
    }

    private static Duration duration(String text) {
        assertThat(text).as("a default in the metadata").isNotNull();
        return DurationStyle.detectAndParse(text);
    }
}
