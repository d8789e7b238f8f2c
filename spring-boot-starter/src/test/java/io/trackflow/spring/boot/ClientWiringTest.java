package io.trackflow.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trackflow.beatpass.BeatPassClient;
import io.trackflow.beatpass.model.Track;
import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.core.error.RateLimitException;
import io.trackflow.core.error.ServerException;
import io.trackflow.core.error.TimeoutException;
import io.trackflow.testkit.FakeBeatPass;
import io.trackflow.testkit.FakeBeyondWords;
import io.trackflow.testkit.Fault;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The settings reach the clients: each test changes one and sees its effect on a testkit fake. */
class ClientWiringTest {

    private FakeBeyondWords beyondWords;
    private FakeBeatPass beatPass;
    private ApplicationContextRunner runner;

    @BeforeEach
    void start() {
        beyondWords = FakeBeyondWords.start().seed(200);
        beatPass = FakeBeatPass.start().seed(20);
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TrackflowAutoConfiguration.class))
                .withPropertyValues(
                        "trackflow.beyondwords.api-key=" + beyondWords.apiKey(),
                        "trackflow.beyondwords.base-url=" + beyondWords.baseUrl(),
                        "trackflow.beatpass.token=" + beatPass.token(),
                        "trackflow.beatpass.base-url=" + beatPass.baseUrl(),
                        "trackflow.retry.initial-backoff=1ms",
                        "trackflow.retry.max-backoff=5ms");
    }

    @AfterEach
    void stop() {
        beyondWords.close();
        beatPass.close();
    }

    @Test
    void bothClientsCallTheConfiguredServersWithTheirCredentials() {
        runner.run(context -> {
            assertThat(context.getBean(BeyondWordsClient.class)
                            .backgroundTracks()
                            .list()
                            .count()
                            .block())
                    .isEqualTo(200);
            Track track = context.getBean(BeatPassClient.class).tracks().get(7).block();
            assertThat(track.id()).isEqualTo(7);
            assertThat(beyondWords.requests())
                    .allSatisfy(r -> assertThat(r.header("X-Api-Key")).contains(beyondWords.apiKey()));
            assertThat(beatPass.requests())
                    .singleElement()
                    .satisfies(r -> assertThat(r.header("Authorization")).contains("Bearer " + beatPass.token()));
        });
    }

    @Test
    void maxRetriesBoundsTheAttempts() {
        beyondWords.faults().inject(r -> true, Fault.status(503), 5);
        runner.withPropertyValues("trackflow.retry.max-retries=1").run(context -> {
            assertThatThrownBy(() -> context.getBean(BeyondWordsClient.class)
                            .backgroundTracks()
                            .get(1)
                            .block())
                    .isInstanceOf(ServerException.class)
                    .satisfies(e -> assertThat(((ServerException) e).attempts()).isEqualTo(2));
            assertThat(beyondWords.requests()).hasSize(2);
        });
    }

    @Test
    void theResponseTimeoutEndsASlowAnswer() {
        beyondWords.faults().latency(Duration.ofSeconds(2));
        runner.withPropertyValues("trackflow.http.response-timeout=200ms", "trackflow.retry.max-retries=0")
                .run(context -> assertThatThrownBy(() -> context.getBean(BeyondWordsClient.class)
                                .backgroundTracks()
                                .get(1)
                                .block())
                        .isInstanceOfSatisfying(
                                TimeoutException.class,
                                e -> assertThat(e.kind()).isEqualTo(TimeoutException.Kind.RESPONSE)));
    }

    @Test
    void theTotalTimeoutBoundsACallWithItsRetries() {
        beyondWords.faults().latency(Duration.ofMillis(150));
        runner.withPropertyValues(
                        "trackflow.total-timeout=350ms",
                        "trackflow.http.response-timeout=100ms",
                        "trackflow.retry.max-retries=10")
                .run(context -> {
                    long started = System.nanoTime();
                    // every attempt times out (RESPONSE); retries go on until the deadline ends an attempt
                    // (TOTAL) or a jittered backoff would pass it, which ends the call at once with the
                    // RESPONSE timeout that asked for the wait (docs/decisions.md, Timeouts): either way
                    // the call is bounded by the total timeout, not by 10 retries
                    assertThatThrownBy(() -> context.getBean(BeyondWordsClient.class)
                                    .backgroundTracks()
                                    .get(1)
                                    .block())
                            .isInstanceOfSatisfying(
                                    TimeoutException.class,
                                    e -> assertThat(e.kind())
                                            .isIn(TimeoutException.Kind.TOTAL, TimeoutException.Kind.RESPONSE));
                    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_500));
                });
    }

    @Test
    void maxConnectionsBoundsTheSharedPool() {
        beyondWords.faults().latency(Duration.ofMillis(40));
        runner.withPropertyValues("trackflow.http.max-connections=1").run(context -> {
            long n = context.getBean(BeyondWordsClient.class)
                    .backgroundTracks()
                    .list(BackgroundTrackQuery.builder()
                            .pageSize(20)
                            .concurrency(4)
                            .build())
                    .count()
                    .block();
            assertThat(n).isEqualTo(200);
            assertThat(beyondWords.maxConcurrentRequests()).isEqualTo(1);
        });
    }

    @Test
    void aFixedRateLimitHoldsTheNextCallPastItsDeadline() {
        runner.withPropertyValues(
                        "trackflow.beyondwords.rate-limit.requests=1",
                        "trackflow.beyondwords.rate-limit.per=1h",
                        "trackflow.total-timeout=2s")
                .run(context -> {
                    BeyondWordsClient client = context.getBean(BeyondWordsClient.class);
                    client.backgroundTracks().get(1).block();
                    assertThatThrownBy(() -> client.backgroundTracks().get(2).block())
                            .isInstanceOf(RateLimitException.class);
                    assertThat(beyondWords.requests()).hasSize(1);
                });
    }
}
