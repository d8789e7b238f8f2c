package io.trackflow.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.trackflow.beatpass.BeatPassClient;
import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.core.http.HttpRequest;
import io.trackflow.core.http.HttpResponse;
import io.trackflow.core.http.HttpTransport;
import io.trackflow.core.http.ReactorNettyTransport;
import io.trackflow.core.observation.TrackflowObservations;
import io.trackflow.testkit.FakeBeyondWords;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Which beans the auto-configuration contributes, by property and by what the application defines. */
class TrackflowAutoConfigurationTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TrackflowAutoConfiguration.class));

    @Test
    void withoutCredentialsThereIsATransportAndNoClient() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(ReactorNettyTransport.class);
            assertThat(context).doesNotHaveBean(BeyondWordsClient.class);
            assertThat(context).doesNotHaveBean(BeatPassClient.class);
        });
    }

    @Test
    void anApiKeyGivesABeyondWordsClientOnly() {
        runner.withPropertyValues("trackflow.beyondwords.api-key=test-api-key").run(context -> {
            assertThat(context).hasSingleBean(BeyondWordsClient.class);
            assertThat(context).doesNotHaveBean(BeatPassClient.class);
        });
    }

    @Test
    void aTokenGivesABeatPassClientOnly() {
        runner.withPropertyValues("trackflow.beatpass.token=test-token").run(context -> {
            assertThat(context).hasSingleBean(BeatPassClient.class);
            assertThat(context).doesNotHaveBean(BeyondWordsClient.class);
        });
    }

    @Test
    void aBlankCredentialCountsAsAbsent() {
        runner.withPropertyValues("trackflow.beyondwords.api-key= ", "trackflow.beatpass.token=")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(BeyondWordsClient.class);
                    assertThat(context).doesNotHaveBean(BeatPassClient.class);
                });
    }

    @Test
    void anEnvironmentVariableFormOfTheCredentialIsEnough() {
        runner.withInitializer(context -> context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new SystemEnvironmentPropertySource(
                                "test-systemEnvironment", Map.of("TRACKFLOW_BEATPASS_TOKEN", "test-token"))))
                .run(context -> assertThat(context).hasSingleBean(BeatPassClient.class));
    }

    @Test
    void theApplicationsOwnClientWins() {
        runner.withUserConfiguration(OwnClients.class)
                .withPropertyValues("trackflow.beyondwords.api-key=test-api-key", "trackflow.beatpass.token=test-token")
                .run(context -> {
                    assertThat(context).getBean(BeyondWordsClient.class).isSameAs(OwnClients.BEYOND_WORDS);
                    assertThat(context).getBean(BeatPassClient.class).isSameAs(OwnClients.BEAT_PASS);
                });
    }

    @Test
    void theApplicationsOwnTransportWinsAndTheClientsUseIt() {
        try (FakeBeyondWords fake = FakeBeyondWords.start().seed(3)) {
            runner.withUserConfiguration(OwnTransport.class)
                    .withPropertyValues(
                            "trackflow.beyondwords.api-key=" + fake.apiKey(),
                            "trackflow.beyondwords.base-url=" + fake.baseUrl())
                    .run(context -> {
                        assertThat(context)
                                .getBean(HttpTransport.class)
                                .isSameAs(context.getBean(OwnTransport.class).transport);
                        assertThat(context).doesNotHaveBean("trackflowHttpTransport");
                        BeyondWordsClient client = context.getBean(BeyondWordsClient.class);
                        assertThat(client.backgroundTracks().list().count().block())
                                .isEqualTo(3);
                        assertThat(context.getBean(OwnTransport.class).sent).hasValue(1);
                    });
        }
    }

    @Test
    void theClientsAreObservedThroughTheApplicationsRegistry() {
        try (FakeBeyondWords fake = FakeBeyondWords.start().seed(3)) {
            runner.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
                    .withPropertyValues(
                            "trackflow.beyondwords.api-key=" + fake.apiKey(),
                            "trackflow.beyondwords.base-url=" + fake.baseUrl())
                    .run(context -> {
                        context.getBean(BeyondWordsClient.class)
                                .backgroundTracks()
                                .get(1)
                                .block();
                        TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
                                .hasObservationWithNameEqualTo(TrackflowObservations.REQUESTS)
                                .that()
                                .hasLowCardinalityKeyValue("trackflow.provider", "beyondwords")
                                .hasLowCardinalityKeyValue("trackflow.operation", "background_tracks.get");
                    });
        }
    }

    @Test
    void everyCustomizerIsApplied() {
        AtomicInteger beyondWords = new AtomicInteger();
        AtomicInteger beatPass = new AtomicInteger();
        runner.withBean(BeyondWordsClientBuilderCustomizer.class, () -> b -> beyondWords.incrementAndGet())
                .withBean(BeatPassClientBuilderCustomizer.class, () -> b -> beatPass.incrementAndGet())
                .withPropertyValues("trackflow.beyondwords.api-key=test-api-key", "trackflow.beatpass.token=test-token")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(beyondWords).hasValue(1);
                    assertThat(beatPass).hasValue(1);
                });
    }

    @Test
    void theTransportIsClosedWithTheContextWithoutBlockingAReactorThread() {
        runner.withPropertyValues("trackflow.beyondwords.api-key=test-api-key").run(context -> {
            // closed from a Reactor thread (BlockHound is installed: a blocking wait would fail the test)
            Mono.fromRunnable(() -> ((ConfigurableApplicationContext) context.getSourceApplicationContext()).close())
                    .subscribeOn(Schedulers.parallel())
                    .block(Duration.ofSeconds(10));
            assertThat(context.getSourceApplicationContext().isActive()).isFalse();
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClients {
        static final BeyondWordsClient BEYOND_WORDS =
                BeyondWordsClient.builder().apiKey("own-key").build();
        static final BeatPassClient BEAT_PASS =
                BeatPassClient.builder().token("own-token").build();

        @Bean
        BeyondWordsClient ownBeyondWords() {
            return BEYOND_WORDS;
        }

        @Bean
        BeatPassClient ownBeatPass() {
            return BEAT_PASS;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnTransport {
        final AtomicInteger sent = new AtomicInteger();
        final HttpTransport transport = new CountingTransport(sent);

        @Bean
        HttpTransport ownTransport() {
            return transport;
        }
    }

    /** Counts what it sends through a transport of its own (closed with it). */
    private static final class CountingTransport implements HttpTransport {
        private final ReactorNettyTransport delegate = ReactorNettyTransport.create();
        private final AtomicInteger sent;

        CountingTransport(AtomicInteger sent) {
            this.sent = sent;
        }

        @Override
        public Mono<HttpResponse> send(HttpRequest request) {
            sent.incrementAndGet();
            return delegate.send(request);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
