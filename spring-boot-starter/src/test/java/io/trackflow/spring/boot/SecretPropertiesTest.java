package io.trackflow.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.env.MockEnvironment;

/** Which actuator entries hide their value: the credentials in every key form, and their values anywhere. */
class SecretPropertiesTest {

    private final SecretProperties secrets = new SecretProperties(new MockEnvironment()
            .withProperty("BW_SECRET", "test-api-key")
            .withProperty("trackflow.beyondwords.api-key", "${BW_SECRET}")
            .withProperty("trackflow.beatpass.token", "test-token"));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "trackflow.beyondwords.api-key",
                "trackflow.beyondwords.apiKey",
                "TRACKFLOW_BEYONDWORDS_APIKEY",
                "TRACKFLOW_BEYONDWORDS_API_KEY",
                "trackflow.beatpass.token",
                "TRACKFLOW_BEATPASS_TOKEN"
            })
    void theCredentialKeysAreSecretInEveryForm(String key) {
        assertThat(secrets.isSecret(key, "anything")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"test-api-key", "test-token"})
    void anotherPropertyHoldingACredentialIsSecretToo(String value) {
        assertThat(secrets.isSecret("BW_SECRET", value)).isTrue();
        assertThat(secrets.isSecret("some.other.property", value)).isTrue();
    }

    @Test
    void aTextThatContainsACredentialIsSecret() {
        // SPRING_APPLICATION_JSON / spring.application.json: the credentials inside one JSON value
        String json = "{\"trackflow\":{\"beatpass\":{\"token\":\"test-token\"}}}";
        assertThat(secrets.isSecret("spring.application.json", json)).isTrue();
        assertThat(secrets.isSecret("SPRING_APPLICATION_JSON", "x test-api-key y"))
                .isTrue();
    }

    @Test
    void aCredentialWrittenWithJsonEscapesIsFoundToo() {
        SecretProperties slashed =
                new SecretProperties(new MockEnvironment().withProperty("trackflow.beatpass.token", "ab/cd+ef<g"));
        // PHP's json_encode writes "/" as "\/"; Go's encoder writes "<" as "\u003c"
        assertThat(slashed.isSecret("spring.application.json", "{\"token\":\"ab\\/cd+ef<g\"}"))
                .isTrue();
        assertThat(slashed.isSecret("spring.application.json", "{\"token\":\"ab\\u002fcd+ef\\u003cg\"}"))
                .isTrue();
        assertThat(slashed.isSecret("spring.application.json", "{\"token\":\"other\\/value\"}"))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"trackflow.beyondwords.base-url", "trackflow.http.connect-timeout", "apiKeyHint"})
    void otherPropertiesAreNot(String key) {
        assertThat(secrets.isSecret(key, "https://api.beyondwords.io/v1")).isFalse();
        assertThat(secrets.isSecret(key, "")).isFalse();
        assertThat(secrets.isSecret(key, null)).isFalse();
    }
}
