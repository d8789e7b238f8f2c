package io.trackflow.beyondwords;

import static io.trackflow.beyondwords.Recorded.FAST;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.core.error.DecodingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

/** The loop guard against a server that serves the same tracks again, their fields changed. */
class LoopGuardTest {

    /**
     * A server (or a proxy) that ignores the offset and sends no pagination headers serves tracks 1..50
     * on every request, each time with a later {@code updated}: the guard compares tracks by id, so the
     * listing fails at the second page instead of repeating them forever.
     */
    @Test
    void theSameTracksServedAgainWithAnotherUpdateTimeFailTheListingAtTheSecondPage() {
        AtomicInteger answers = new AtomicInteger();
        List<String> offsets = new CopyOnWriteArrayList<>();
        DisposableServer hostile = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((req, res) -> {
                    offsets.add(new QueryStringDecoder(req.uri())
                            .parameters()
                            .getOrDefault("pagination[offset]", List.of("?"))
                            .get(0));
                    int n = answers.incrementAndGet();
                    String body = LongStream.rangeClosed(1, 50)
                            .mapToObj(i -> "{\"id\":" + i + ",\"name\":\"T" + i
                                    + "\",\"created\":\"2023-01-01 00:00:00 UTC\",\"updated\":\"2023-01-01 00:00:"
                                    + String.format("%02d", n % 60) + " UTC\"}")
                            .collect(Collectors.joining(",", "[", "]"));
                    return res.header("Content-Type", "application/json").sendString(Mono.just(body));
                })
                .bindNow();
        try (BeyondWordsClient client = BeyondWordsClient.builder()
                .apiKey("k")
                .baseUrl("http://127.0.0.1:" + hostile.port() + "/v1")
                .retryPolicy(FAST)
                .build()) {
            List<Long> seen = new ArrayList<>();
            StepVerifier.create(client.backgroundTracks()
                            .list(BackgroundTrackQuery.builder().pageSize(50).build())
                            .take(500)
                            .map(BackgroundTrack::id)
                            .doOnNext(seen::add))
                    .expectNextCount(50)
                    .expectError(DecodingException.class)
                    .verify(Duration.ofSeconds(20));
            assertThat(seen).doesNotHaveDuplicates().hasSize(50);
            assertThat(offsets).containsExactly("0", "50");
        } finally {
            hostile.disposeNow();
        }
    }
}
