package io.trackflow.beatpass;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.core.retry.RetryPolicy;
import io.trackflow.testkit.FakeBeatPass;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** {@code warmup()} does the one-time work ahead of the first call and sends nothing. */
class WarmupTest {

    @Test
    void warmupSendsNothingAndTheFirstLookupThenWorks() {
        try (FakeBeatPass server = FakeBeatPass.start().seed(3);
                BeatPassClient bp = Recorded.client(server, RetryPolicy.none())) {
            StepVerifier.create(bp.warmup()).verifyComplete();
            assertThat(server.requestCount()).isZero();
            assertThat(server.acceptedConnections()).isZero();
            StepVerifier.create(bp.tracks().get(1)).expectNextCount(1).verifyComplete();
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void aClosedClientRefusesWarmup() {
        try (FakeBeatPass server = FakeBeatPass.start().seed(3)) {
            BeatPassClient bp = Recorded.client(server, RetryPolicy.none());
            bp.close();
            StepVerifier.create(bp.warmup())
                    .expectErrorSatisfies(e -> assertThat(e)
                            .isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("closed"))
                    .verify();
            assertThat(server.acceptedConnections()).isZero();
        }
    }
}
