package io.trackflow.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.testkit.FakeBeatPass;
import io.trackflow.testkit.FakeBeyondWords;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The credentials stay secret in the places a running service shows its configuration: the
 * actuator's {@code configprops} and {@code env} endpoints with every value shown, and the logs of a
 * start at debug level (the condition report included) and of a call at trace level.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsTest {

    @Test
    void theCredentialsAreInNoActuatorOutputAndNoLogLine(CapturedOutput output) throws IOException {
        String configprops;
        String env;
        try (FakeBeyondWords beyondWords = FakeBeyondWords.start().seed(5);
                FakeBeatPass beatPass = FakeBeatPass.start().seed(5);
                // as command-line arguments, which take precedence over application.properties
                ConfigurableApplicationContext app = new SpringApplicationBuilder(TracksApplication.class)
                        .run(
                                "--server.port=0",
                                // the key through a placeholder: its source, another property, is hidden too
                                "--trackflow.beyondwords.api-key=${EXAMPLE_BEYONDWORDS_KEY}",
                                "--EXAMPLE_BEYONDWORDS_KEY=" + beyondWords.apiKey(),
                                "--trackflow.beyondwords.base-url=" + beyondWords.baseUrl(),
                                "--trackflow.beatpass.token=" + beatPass.token(),
                                "--trackflow.beatpass.base-url=" + beatPass.baseUrl(),
                                "--management.endpoints.web.exposure.include=configprops,env",
                                "--management.endpoint.configprops.show-values=always",
                                "--management.endpoint.env.show-values=always",
                                "--logging.level.org.springframework.boot.autoconfigure.logging=debug", // the condition
                                // report
                                "--logging.level.io.trackflow=trace")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            WebTestClient web = WebTestClient.bindToServer()
                    .baseUrl("http://localhost:" + port)
                    .build();
            body(web, "/tracks/1"); // a call: trackflow logs its request at trace level
            configprops = body(web, "/actuator/configprops");
            env = body(web, "/actuator/env");

            assertThat(configprops)
                    .contains("\"apiKey\":\"******\"", "\"token\":\"******\"")
                    .contains(beyondWords.baseUrl()) // other values are shown
                    .doesNotContain(beyondWords.apiKey(), beatPass.token());
            assertThat(env)
                    .contains("trackflow.beyondwords.api-key", "trackflow.beatpass.token", "EXAMPLE_BEYONDWORDS_KEY")
                    .contains(beatPass.baseUrl())
                    .doesNotContain(beyondWords.apiKey(), beatPass.token());
            assertThat(output.getAll())
                    .contains("Netty started on port")
                    .contains("trackflow credential found property trackflow.beyondwords.api-key")
                    .doesNotContain(beyondWords.apiKey(), beatPass.token());
            assertThat(Files.readString(Path.of("target/test.log"), StandardCharsets.UTF_8))
                    .contains("io.trackflow")
                    .doesNotContain(beyondWords.apiKey(), beatPass.token());
        }
    }

    @Test
    void credentialsGivenInSpringApplicationJsonAreHiddenInTheEnvEndpoint() {
        try (FakeBeyondWords beyondWords = FakeBeyondWords.start().seed(5);
                FakeBeatPass beatPass = FakeBeatPass.start().seed(5);
                // the form of SPRING_APPLICATION_JSON (Cloud Foundry, Kubernetes): one value holding both
                ConfigurableApplicationContext app = new SpringApplicationBuilder(TracksApplication.class)
                        .run(
                                "--server.port=0",
                                "--spring.application.json={\"trackflow\":{\"beatpass\":{\"token\":\""
                                        + beatPass.token() + "\",\"base-url\":\"" + beatPass.baseUrl()
                                        + "\"},\"beyondwords\":{\"api-key\":\"" + beyondWords.apiKey()
                                        + "\",\"base-url\":\"" + beyondWords.baseUrl() + "\"}}}",
                                "--management.endpoints.web.exposure.include=configprops,env",
                                "--management.endpoint.configprops.show-values=always",
                                "--management.endpoint.env.show-values=always")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            WebTestClient web = WebTestClient.bindToServer()
                    .baseUrl("http://localhost:" + port)
                    .build();
            assertThat(body(web, "/tracks/1")).contains("\"id\":1"); // the clients took the credentials
            assertThat(body(web, "/actuator/env"))
                    .contains("spring.application.json")
                    .doesNotContain(beyondWords.apiKey(), beatPass.token());
            assertThat(body(web, "/actuator/env/spring.application.json"))
                    .doesNotContain(beyondWords.apiKey(), beatPass.token());
            assertThat(body(web, "/actuator/configprops")).doesNotContain(beyondWords.apiKey(), beatPass.token());
        }
    }

    private static String body(WebTestClient web, String path) {
        return web.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }
}
