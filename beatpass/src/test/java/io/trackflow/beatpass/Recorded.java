package io.trackflow.beatpass;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.core.retry.RetryPolicy;
import io.trackflow.testkit.FakeBeatPass;
import io.trackflow.testkit.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the BeatPass tests share: clients on a fake, and assertions on the requests it recorded. */
final class Recorded {

    /** Retries as the defaults do, without the waiting. */
    static final RetryPolicy FAST = RetryPolicy.builder()
            .initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(10))
            .build();

    static final String TRACKS = "/api/v1/tracks/";

    private Recorded() {}

    static BeatPassClient client(FakeBeatPass fake, RetryPolicy retry) {
        return BeatPassClient.builder()
                .token(fake.token())
                .baseUrl(fake.baseUrl())
                .retryPolicy(retry)
                .build();
    }

    /**
     * A lookup: {@code GET /api/v1/tracks/{id}}, with {@code with=} exactly when relations are asked,
     * the bearer token, {@code Accept: application/json}, no body.
     *
     * @param with the expected {@code with} value, or {@code ""} for none
     */
    static void assertLookup(RecordedRequest r, FakeBeatPass fake, long id, String with) {
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.path()).isEqualTo(TRACKS + id);
        assertThat(r.query()).isEqualTo(with.isEmpty() ? Map.of() : Map.of("with", List.of(with)));
        assertThat(r.header("Authorization")).as("Authorization of %s", r).contains("Bearer " + fake.token());
        assertThat(r.header("Accept")).as("Accept of %s", r).contains("application/json");
        assertThat(r.header("User-Agent").orElseThrow()).startsWith("trackflow/");
        assertThat(r.body()).isEmpty();
        assertThat(r.rawUri()).doesNotContain(fake.token());
    }

    /** The ids looked up, in arrival order. */
    static List<Long> idsAsked(FakeBeatPass fake) {
        return fake.requests().stream()
                .map(r -> Long.parseLong(r.path().substring(TRACKS.length())))
                .collect(Collectors.toList());
    }
}
