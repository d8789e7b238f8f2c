package io.trackflow.beyondwords;

import static io.trackflow.beyondwords.Recorded.FAST;
import static io.trackflow.beyondwords.Recorded.client;
import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.testkit.FakeBeyondWords;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** {@code warmup()} does the one-time work ahead of the first call and sends nothing. */
class WarmupTest {

    @Test
    void warmupSendsNothingAndTheFirstCallThenWorks() {
        try (FakeBeyondWords server = FakeBeyondWords.start().seed(3);
                BeyondWordsClient bw = client(server, FAST)) {
            StepVerifier.create(bw.warmup()).verifyComplete();
            StepVerifier.create(bw.warmup()).verifyComplete(); // again: nothing more to do
            assertThat(server.requestCount()).isZero();
            assertThat(server.acceptedConnections()).isZero();
            StepVerifier.create(bw.backgroundTracks().list().take(1))
                    .expectNextCount(1)
                    .verifyComplete();
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void aClosedClientRefusesWarmup() {
        try (FakeBeyondWords server = FakeBeyondWords.start().seed(3)) {
            BeyondWordsClient bw = client(server, FAST);
            bw.close();
            StepVerifier.create(bw.warmup())
                    .expectErrorSatisfies(e -> assertThat(e)
                            .isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("closed"))
                    .verify();
            assertThat(server.acceptedConnections()).isZero();
        }
    }
}
