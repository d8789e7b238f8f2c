package io.trackflow.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.core.paging.PageCursor;
import io.trackflow.testkit.FakeBeatPass;
import io.trackflow.testkit.FakeBeyondWords;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An endpoint takes a {@link PageCursor} as a request parameter (the starter's converter): a job resumes
 * where it stopped by passing the cursor it kept. It was a 500 ("no matching editors or conversion strategy").
 */
class CursorParameterTest {

    @RestController
    static class CursorEcho {
        @GetMapping("/cursor-echo")
        String echo(@RequestParam("after") PageCursor after) {
            return after.offset() + " " + after;
        }
    }

    @Test
    void aCursorIsARequestParameterAndATextThatIsNotOneIsABadRequest() {
        PageCursor cursor = PageCursor.of(0, 50, 100, "fingerprint");
        try (FakeBeyondWords beyondWords = FakeBeyondWords.start();
                FakeBeatPass beatPass = FakeBeatPass.start();
                ConfigurableApplicationContext app = new SpringApplicationBuilder(
                                TracksApplication.class, CursorEcho.class)
                        .run(
                                "--server.port=0",
                                "--trackflow.beyondwords.api-key=" + beyondWords.apiKey(),
                                "--trackflow.beyondwords.base-url=" + beyondWords.baseUrl(),
                                "--trackflow.beatpass.token=" + beatPass.token(),
                                "--trackflow.beatpass.base-url=" + beatPass.baseUrl())) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            WebTestClient web = WebTestClient.bindToServer()
                    .baseUrl("http://localhost:" + port)
                    .build();
            String echoed = web.get()
                    .uri(u -> u.path("/cursor-echo")
                            .queryParam("after", cursor.toString())
                            .build())
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody();
            assertThat(echoed).isEqualTo("50 " + cursor);
            web.get()
                    .uri("/cursor-echo?after=not-a-cursor")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody(String.class) // read, so that the test's own client frees the body
                    .returnResult();
        }
    }
}
