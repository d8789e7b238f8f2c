package io.trackflow.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration metadata that IDEs complete {@code trackflow.*} from, as the build generates it
 * (Spring Boot's configuration processor): every setting, each with a description.
 */
class ConfigurationMetadataTest {

    @Test
    void everySettingIsDescribedWithItsDefault() throws IOException {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("META-INF/spring-configuration-metadata.json").isNotNull();
            metadata = JsonMapper.builder().build().readTree(in);
        }
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        metadata.get("properties").forEach(p -> properties.put(p.get("name").asString(), p));

        assertThat(properties)
                .containsKeys(
                        "trackflow.beyondwords.api-key",
                        "trackflow.beyondwords.base-url",
                        "trackflow.beyondwords.rate-limit.mode",
                        "trackflow.beyondwords.rate-limit.requests",
                        "trackflow.beyondwords.rate-limit.per",
                        "trackflow.beatpass.token",
                        "trackflow.beatpass.base-url",
                        "trackflow.beatpass.rate-limit.mode",
                        "trackflow.http.connect-timeout",
                        "trackflow.http.response-timeout",
                        "trackflow.http.max-connections",
                        "trackflow.retry.max-retries",
                        "trackflow.retry.max-retry-after",
                        "trackflow.total-timeout");
        assertThat(properties.values())
                .allSatisfy(p -> assertThat(p.path("description").asString())
                        .as(p.get("name").asString())
                        .isNotBlank());
        assertThat(properties
                        .get("trackflow.http.connect-timeout")
                        .get("defaultValue")
                        .asString())
                .isEqualTo("10s");
        assertThat(properties.get("trackflow.total-timeout").get("defaultValue").asString())
                .isEqualTo("2m");
        assertThat(properties
                        .get("trackflow.beatpass.base-url")
                        .get("defaultValue")
                        .asString())
                .isEqualTo("https://open.beatpass.ca/api/v1");
        assertThat(properties.get("trackflow.beyondwords.api-key").has("defaultValue"))
                .isFalse();
    }
}
