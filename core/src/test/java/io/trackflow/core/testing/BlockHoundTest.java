package io.trackflow.core.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Proves BlockHound guards this module's tests: a blocking call on a Reactor thread fails. */
class BlockHoundTest {

    @Test
    void aBlockingCallOnAReactorThreadFailsTheTest() {
        assertThatThrownBy(() -> Mono.fromCallable(() -> {
                            Thread.sleep(1);
                            return 1;
                        })
                        .subscribeOn(Schedulers.parallel())
                        .block(Duration.ofSeconds(5)))
                .hasMessageContaining("Blocking call");
    }
}
