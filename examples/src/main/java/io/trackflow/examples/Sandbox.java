package io.trackflow.examples;

import io.trackflow.beatpass.BeatPassClient;
import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.testkit.FakeBeatPass;
import io.trackflow.testkit.FakeBeyondWords;
import io.trackflow.testkit.Fault;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Where the examples get their clients: the real services when credentials are in the environment
 * ({@code BEYONDWORDS_API_KEY} and optionally {@code BEYONDWORDS_BASE_URL}; {@code BEATPASS_TOKEN}
 * and optionally {@code BEATPASS_BASE_URL}), otherwise fake servers started in this JVM. This is
 * the only class that knows about the sandbox: the examples just use the clients.
 */
public final class Sandbox implements AutoCloseable {

    /** Counts retries of either client, for the progress display. */
    public final AtomicLong retries = new AtomicLong();

    private final @Nullable FakeBeyondWords fakeBeyondWords;
    private final @Nullable FakeBeatPass fakeBeatPass;
    private final BeyondWordsClient beyondWords;
    private final BeatPassClient beatPass;

    private Sandbox(Map<String, String> env) {
        String key = blankToNull(env.get("BEYONDWORDS_API_KEY"));
        if (key != null) {
            fakeBeyondWords = null;
            beyondWords = BeyondWordsClient.builder()
                    .apiKey(key)
                    .baseUrl(env.getOrDefault("BEYONDWORDS_BASE_URL", BeyondWordsClient.DEFAULT_BASE_URL))
                    .retryListener((attempt, error, delay) -> retries.incrementAndGet())
                    .build();
        } else {
            fakeBeyondWords = FakeBeyondWords.start().seed(2_500);
            // a real network has latency and bad moments: 10 ms per page, and some 429s and 503s
            fakeBeyondWords
                    .faults()
                    .latency(Duration.ofMillis(10), r -> r.path().equals("/v1/background_tracks"))
                    .random(2026, 0.04, r -> r.method().equals("GET"), Fault.rateLimited("0"), Fault.status(503));
            beyondWords = BeyondWordsClient.builder()
                    .apiKey(fakeBeyondWords.apiKey())
                    .baseUrl(fakeBeyondWords.baseUrl())
                    .retryListener((attempt, error, delay) -> retries.incrementAndGet())
                    .build();
        }
        String token = blankToNull(env.get("BEATPASS_TOKEN"));
        if (token != null) {
            fakeBeatPass = null;
            beatPass = BeatPassClient.builder()
                    .token(token)
                    .baseUrl(env.getOrDefault("BEATPASS_BASE_URL", BeatPassClient.DEFAULT_BASE_URL))
                    .retryListener((attempt, error, delay) -> retries.incrementAndGet())
                    .build();
        } else {
            fakeBeatPass = FakeBeatPass.start().seed(500);
            beatPass = BeatPassClient.builder()
                    .token(fakeBeatPass.token())
                    .baseUrl(fakeBeatPass.baseUrl())
                    .retryListener((attempt, error, delay) -> retries.incrementAndGet())
                    .build();
        }
    }

    /** Clients for the environment of this process. */
    public static Sandbox fromEnvironment() {
        return new Sandbox(System.getenv());
    }

    /**
     * Clients for a given environment (tests pass an empty one to force the sandbox).
     *
     * @param env the variables
     * @return the sandbox
     */
    public static Sandbox of(Map<String, String> env) {
        return new Sandbox(env);
    }

    /** The BeyondWords client. */
    public BeyondWordsClient beyondWords() {
        return beyondWords;
    }

    /** The BeatPass client. */
    public BeatPassClient beatPass() {
        return beatPass;
    }

    /** Whether BeyondWords is the embedded fake (writes are then always allowed). */
    public boolean beyondWordsIsSandbox() {
        return fakeBeyondWords != null;
    }

    /** Whether BeatPass is the embedded fake. */
    public boolean beatPassIsSandbox() {
        return fakeBeatPass != null;
    }

    @Override
    public void close() {
        beyondWords.close();
        beatPass.close();
        if (fakeBeyondWords != null) {
            fakeBeyondWords.close();
        }
        if (fakeBeatPass != null) {
            fakeBeatPass.close();
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
