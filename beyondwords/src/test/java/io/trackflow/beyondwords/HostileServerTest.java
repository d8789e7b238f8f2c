package io.trackflow.beyondwords;

import io.trackflow.core.retry.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/** A test against one scripted {@link Hostile} server and one client of it, both closed after each test. */
abstract class HostileServerTest {

    static final Duration T = Duration.ofSeconds(20);
    static final String KEY = "SECRET-KEY-123";
    static final RetryPolicy FAST = RetryPolicy.builder()
            .initialBackoff(Duration.ofMillis(10))
            .maxBackoff(Duration.ofMillis(50))
            .build();

    Hostile server;
    BeyondWordsClient bw;

    @AfterEach
    void stop() {
        if (bw != null) {
            bw.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Starts the server with {@code h} and a builder of a client of it, with fast retries. */
    BeyondWordsClient.Builder builder(Hostile.Handler h) {
        server = new Hostile(h);
        return BeyondWordsClient.builder().apiKey(KEY).baseUrl(server.baseUrl()).retryPolicy(FAST);
    }

    /**
     * Starts a server that answers its first request with a 429 of this {@code Retry-After}, the rest with
     * track 1, and a builder of a client of it, with fast retries.
     */
    BeyondWordsClient.Builder tooManyOnce(String retryAfter) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return builder((r, s, out) -> {
            if (n.getAndIncrement() == 0) {
                Hostile.respond(out, 429, Hostile.h("Retry-After", retryAfter), "{\"message\":\"Too Many Attempts.\"}");
            } else {
                Hostile.respond(out, 200, Hostile.track(1));
            }
            return true;
        });
    }

    /** Starts the server with {@code h} and a client of it, with fast retries. */
    BackgroundTracks start(Hostile.Handler h) {
        bw = builder(h).build();
        return bw.backgroundTracks();
    }
}
