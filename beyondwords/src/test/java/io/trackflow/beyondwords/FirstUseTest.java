package io.trackflow.beyondwords;

import static io.trackflow.beyondwords.Recorded.FAST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.trackflow.core.error.RateLimitException;
import io.trackflow.testkit.FakeBeyondWords;
import io.trackflow.testkit.Fault;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

/** What a new user meets first: one rule for arguments, messages that show the value and the fix. */
class FirstUseTest {

    @Test
    void nullToASetterIsANullPointerNamingItWhereItIsPassed() {
        assertThatNullPointerException()
                .isThrownBy(() -> BeyondWordsClient.builder().apiKey(null))
                .withMessageContaining("apiKey");
        assertThatNullPointerException()
                .isThrownBy(() -> BeyondWordsClient.builder().baseUrl(null))
                .withMessageContaining("baseUrl");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BeyondWordsClient.builder().apiKey("  "))
                .withMessageContaining("apiKey");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BeyondWordsClient.builder().build())
                .withMessageContaining("apiKey is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:8080/v1", "localhost:8080/v1", "api.beyondwords.io/v1"})
    void aBaseUrlWithoutASchemeIsRefusedByTheSetterShowingItAndTheFix(String url) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BeyondWordsClient.builder().baseUrl(url))
                .withMessageContaining("baseUrl")
                .withMessageContaining("\"" + url + "\"")
                .withMessageContaining("\"https://" + url + "\"");
    }

    @Test
    void aBaseUrlsCredentialsAreNeverShown() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BeyondWordsClient.builder().baseUrl("https://user:s3cr3t@api.example.com/v1"))
                .withMessageContaining("user-info")
                .withMessageContaining("****@api.example.com")
                .withMessageNotContaining("s3cr3t")
                .withMessageNotContaining("user:");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BeyondWordsClient.builder().baseUrl("ftp://user:s3cr3t@x.example/v1"))
                .withMessageNotContaining("s3cr3t");
    }

    @Test
    void a429WhoseRetryAfterOutlastsTheDeadlineSaysItWasNotRetried() {
        try (FakeBeyondWords server = FakeBeyondWords.start().seed(3);
                BeyondWordsClient bw = BeyondWordsClient.builder()
                        .apiKey(server.apiKey())
                        .baseUrl(server.baseUrl())
                        .retryPolicy(FAST)
                        .totalTimeout(Duration.ofSeconds(2))
                        .build()) {
            server.faults().next(Fault.rateLimited("60"));
            long start = System.nanoTime();
            StepVerifier.create(bw.backgroundTracks().get(1))
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(RateLimitException.class);
                        RateLimitException r = (RateLimitException) e;
                        assertThat(r.status()).isEqualTo(429);
                        assertThat(r.retryAfter()).contains(Duration.ofSeconds(60));
                        assertThat(r.getMessage())
                                .contains("not retried: its Retry-After of 60 s outlasts the call's deadline");
                    })
                    .verify(Duration.ofSeconds(10));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }
}
