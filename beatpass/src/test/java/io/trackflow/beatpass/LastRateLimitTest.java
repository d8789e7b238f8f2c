package io.trackflow.beatpass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trackflow.core.error.ServerException;
import io.trackflow.core.http.HttpRequest;
import io.trackflow.core.http.HttpResponse;
import io.trackflow.core.http.HttpTransport;
import io.trackflow.core.ratelimit.RateLimits;
import io.trackflow.core.retry.RetryPolicy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * {@link BeatPassClient#lastRateLimit()} reads the latest response that carried figures, with or
 * without a listener: a response without figures, or with figures that do not read, leaves it as it
 * was; an error response's figures count.
 */
class LastRateLimitTest {

    private static final String TRACK = "{\"status\":\"success\",\"track\":{\"id\":1,\"name\":\"t\"}}";

    /** Answers each request with the next scripted response. */
    private static final class Scripted implements HttpTransport {
        final Deque<HttpResponse> answers = new ArrayDeque<>();

        @Override
        public Mono<HttpResponse> send(HttpRequest request) {
            return Mono.fromSupplier(answers::pop);
        }

        @Override
        public void close() {}
    }

    private static HttpResponse answer(int status, String body, String... headers) {
        HttpResponse.Builder b = HttpResponse.builder()
                .status(status)
                .header("Content-Type", "application/json")
                .body(ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer());
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b.build();
    }

    private static void script(Scripted t) {
        t.answers.add(answer(200, TRACK, "X-RateLimit-Limit", "300", "X-RateLimit-Remaining", "299"));
        t.answers.add(answer(200, TRACK)); // no figures
        t.answers.add(answer(200, TRACK, "X-RateLimit-Limit", "many", "X-RateLimit-Remaining", "")); // none read
        t.answers.add(answer(
                500,
                "{\"message\":\"down\"}",
                "X-RateLimit-Limit",
                "300",
                "X-RateLimit-Remaining",
                "250",
                "X-RateLimit-Reset",
                "1900000000"));
    }

    private static BeatPassClient client(Scripted t, Optional<Consumer<RateLimitStatus>> listener) {
        BeatPassClient.Builder b = BeatPassClient.builder()
                .token("t0k3n")
                .baseUrl("http://127.0.0.1:9/api/v1")
                .transport(t)
                .retryPolicy(RetryPolicy.none())
                .rateLimiter(RateLimits.none());
        listener.ifPresent(b::rateLimitListener);
        return b.build();
    }

    private static void run(BeatPassClient c, List<Optional<RateLimitStatus>> seen) {
        seen.add(c.lastRateLimit());
        for (int i = 0; i < 3; i++) {
            c.tracks().get(1).block();
            seen.add(c.lastRateLimit());
        }
        assertThatThrownBy(() -> c.tracks().get(1).block()).isInstanceOf(ServerException.class);
        seen.add(c.lastRateLimit());
    }

    private static void assertSeen(List<Optional<RateLimitStatus>> seen) {
        assertThat(seen.get(0)).isEmpty();
        for (int i = 1; i <= 3; i++) {
            assertThat(seen.get(i)).as("after response %d", i).hasValueSatisfying(s -> {
                assertThat(s.limit()).hasValue(300);
                assertThat(s.remaining()).hasValue(299);
                assertThat(s.resetAt()).isEmpty();
                assertThat(s.callsHeld()).isZero();
            });
        }
        assertThat(seen.get(4)).hasValueSatisfying(s -> {
            assertThat(s.remaining()).hasValue(250);
            assertThat(s.resetAt()).contains(Instant.ofEpochSecond(1_900_000_000L));
        });
    }

    @Test
    void withoutAListenerTheLatestResponseThatCarriedFiguresIsRead() {
        Scripted t = new Scripted();
        script(t);
        List<Optional<RateLimitStatus>> seen = new ArrayList<>();
        try (BeatPassClient c = client(t, Optional.empty())) {
            run(c, seen);
        }
        assertSeen(seen);
    }

    @Test
    void withAListenerTheSameIsReadAndEachResponseWithFiguresIsHeard() {
        Scripted t = new Scripted();
        script(t);
        List<Optional<RateLimitStatus>> seen = new ArrayList<>();
        List<RateLimitStatus> heard = new ArrayList<>();
        try (BeatPassClient c = client(t, Optional.of(heard::add))) {
            run(c, seen);
        }
        assertSeen(seen);
        assertThat(heard).extracting(s -> s.remaining().getAsInt()).containsExactly(299, 250);
    }
}
