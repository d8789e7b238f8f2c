package io.trackflow.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trackflow.beatpass.BeatPassClient;
import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.core.ClientConfig;
import io.trackflow.core.http.ReactorNettyTransport;
import io.trackflow.core.retry.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/** How {@code trackflow.*} binds, what it defaults to, and how a bad value is reported. */
@ExtendWith(OutputCaptureExtension.class)
class TrackflowPropertiesTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TrackflowAutoConfiguration.class));

    @Test
    void theDefaultsAreTheLibrarys() {
        TrackflowProperties p = new TrackflowProperties();
        ClientConfig library = ClientConfig.of(BeyondWordsClient.DEFAULT_BASE_URL);
        ClientConfig ours = TrackflowSettings.clientConfig(p, p.getBeyondwords());
        assertThat(ours).isEqualTo(library);
        assertThat(TrackflowSettings.retryPolicy(p.getRetry())).isEqualTo(RetryPolicy.defaults());
        assertThat(p.getBeyondwords().getBaseUrl()).isEqualTo(BeyondWordsClient.DEFAULT_BASE_URL);
        assertThat(p.getBeatpass().getBaseUrl()).isEqualTo(BeatPassClient.DEFAULT_BASE_URL);
        assertThat(p.getBeyondwords().getRateLimit().effectiveMode(RateLimitProperties.Mode.NONE))
                .isEqualTo(RateLimitProperties.Mode.NONE);
        assertThat(TrackflowSettings.rateLimiter(p.getBeatpass().getRateLimit(), RateLimitProperties.Mode.HEADERS)
                        .toString())
                .isEqualTo(io.trackflow.core.ratelimit.RateLimits.fromHeaders().toString());
    }

    @Test
    void everyPropertyIsBound() {
        runner.withPropertyValues(
                        "trackflow.total-timeout=45s",
                        "trackflow.http.connect-timeout=2s",
                        "trackflow.http.response-timeout=7s",
                        "trackflow.http.max-connections=8",
                        "trackflow.retry.max-retries=5",
                        "trackflow.retry.max-retry-after=20s",
                        "trackflow.retry.initial-backoff=50ms",
                        "trackflow.retry.max-backoff=2s",
                        "trackflow.beyondwords.api-key=test-api-key",
                        "trackflow.beyondwords.base-url=https://bw.example.com/v2/",
                        "trackflow.beyondwords.rate-limit.requests=10",
                        "trackflow.beyondwords.rate-limit.per=2s",
                        "trackflow.beatpass.token=test-token",
                        "trackflow.beatpass.base-url=https://bp.example.com/api/v1",
                        "trackflow.beatpass.rate-limit.mode=none")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    TrackflowProperties p = context.getBean(TrackflowProperties.class);
                    ClientConfig c = TrackflowSettings.clientConfig(p, p.getBeyondwords());
                    assertThat(c.baseUrl()).isEqualTo(URI.create("https://bw.example.com/v2"));
                    assertThat(c.totalTimeout()).isEqualTo(Duration.ofSeconds(45));
                    assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(c.responseTimeout()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(c.maxConnections()).isEqualTo(8);
                    assertThat(c.retryPolicy().maxRetries()).isEqualTo(5);
                    assertThat(c.retryPolicy().maxRetryAfter()).isEqualTo(Duration.ofSeconds(20));
                    assertThat(c.retryPolicy().initialBackoff()).isEqualTo(Duration.ofMillis(50));
                    assertThat(c.retryPolicy().maxBackoff()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(p.getBeyondwords().getRateLimit().effectiveMode(RateLimitProperties.Mode.NONE))
                            .isEqualTo(RateLimitProperties.Mode.FIXED);
                    assertThat(p.getBeyondwords().getRateLimit().getPer()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(p.getBeatpass().getRateLimit().effectiveMode(RateLimitProperties.Mode.HEADERS))
                            .isEqualTo(RateLimitProperties.Mode.NONE);
                    assertThat(context.getBean(ReactorNettyTransport.class).toString())
                            .contains("responseTimeout=PT7S");
                    assertThat(context.getBean(BeyondWordsClient.class).toString())
                            .contains("baseUrl=https://bw.example.com/v2")
                            .contains("rateLimiter=RateLimits.fixed(10, PT2S)")
                            .doesNotContain("test-api-key");
                    assertThat(context.getBean(BeatPassClient.class).toString())
                            .contains("baseUrl=https://bp.example.com/api/v1")
                            .contains("rateLimiter=RateLimits.none()")
                            .doesNotContain("test-token");
                });
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = { // below trackflow.: the setting | the property the report names | its reason
                "http.connect-timeout=-5s | http.connect-timeout | must be positive",
                "http.response-timeout=0s | http.response-timeout | must be positive",
                "total-timeout=-1ms | total-timeout | must be positive",
                "http.max-connections=0 | http.max-connections | must be at least 1",
                "retry.max-retries=-1 | retry.max-retries | must be at least 0",
                "retry.max-retry-after=-1s | retry.max-retry-after | must not be negative",
                "beyondwords.base-url=ftp://x | beyondwords.base-url | baseUrl must be an absolute http(s) URL",
                "beatpass.rate-limit.mode=fixed | beatpass.rate-limit.requests | is required with mode=fixed",
                "beyondwords.rate-limit.requests=0 | beyondwords.rate-limit.requests | must be at least 1",
            })
    void aBadValueFailsTheStartNamingTheProperty(String setting, String property, String reason, CapturedOutput out) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE)
                .properties("trackflow." + setting, "trackflow.beyondwords.api-key=test-api-key");
        assertThatThrownBy(app::run).hasStackTraceContaining("trackflow");
        // Spring Boot's failure report: the property, its value, where it came from, and why
        assertThat(out.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("Property: trackflow." + property)
                .contains(reason)
                .doesNotContain("test-api-key");
    }

    @Test
    void aCredentialLeftAsAnUnresolvedPlaceholderFailsTheStartWithoutShowingIt(CapturedOutput out) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE)
                .properties("trackflow.beatpass.token=test-token${TRACKFLOW_TEST_UNDEFINED_VARIABLE}");
        assertThatThrownBy(app::run).hasStackTraceContaining("trackflow");
        assertThat(out.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("trackflow.beatpass.token holds an unresolved placeholder")
                .doesNotContain("test-token");
    }

    @Test
    void plainHttpToAnotherHostIsRefusedUnlessThePropertyAllowsIt(CapturedOutput out) {
        SpringApplicationBuilder refused = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "trackflow.beatpass.token=test-token",
                        "trackflow.beatpass.base-url=http://bp.internal:8080/v1");
        assertThatThrownBy(refused::run).hasStackTraceContaining("trackflow");
        assertThat(out.getAll())
                .contains("Property: trackflow.beatpass.base-url")
                .contains("trackflow.beatpass.allow-insecure-http=true")
                .doesNotContain("test-token");
        runner.withPropertyValues(
                        "trackflow.beatpass.token=test-token",
                        "trackflow.beatpass.base-url=http://bp.internal:8080/v1",
                        "trackflow.beatpass.allow-insecure-http=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(BeatPassClient.class).toString())
                            .contains("baseUrl=http://bp.internal:8080/v1");
                    assertThat(context.getBean(TrackflowProperties.class)
                                    .getBeyondwords()
                                    .isAllowInsecureHttp())
                            .isFalse();
                });
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "https://admin:hunter2pass@bw.example.com/v1 | user-info",
                "https://bw.example.com/v1?api_key=hunter2pass | query or fragment",
                "https://bw.example.com/v1#token=hunter2pass | query or fragment",
                "https://user:pa/hunter2pass@bw.example.com/v1 | baseUrl",
            })
    void aBaseUrlCarryingASecretFailsTheStartWithoutShowingIt(String url, String reason, CapturedOutput out) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE)
                .properties("trackflow.beyondwords.api-key=test-api-key", "trackflow.beyondwords.base-url=" + url);
        assertThatThrownBy(app::run).hasStackTraceContaining("trackflow");
        assertThat(out.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("trackflow.beyondwords.base-url")
                .contains(reason)
                .doesNotContain("hunter2pass")
                .doesNotContain("test-api-key");
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(TrackflowAutoConfiguration.class)
    static class Application {}
}
