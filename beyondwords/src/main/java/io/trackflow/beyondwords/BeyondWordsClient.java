package io.trackflow.beyondwords;

import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.core.ProviderClientBuilder;
import io.trackflow.core.auth.ApiKeyAuth;
import io.trackflow.core.client.ApiClient;
import io.trackflow.core.json.Json;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The BeyondWords API client ({@code https://api.beyondwords.io/v1}, authenticated with {@code
 * X-Api-Key}). Thread-safe and meant to be shared; build it once.
 *
 * <pre>{@code
 * try (BeyondWordsClient bw = BeyondWordsClient.builder()
 *     .apiKey(System.getenv("BEYONDWORDS_API_KEY"))
 *     .build()) {
 *   bw.backgroundTracks().list().take(10).doOnNext(System.out::println).blockLast();
 * }
 * }</pre>
 *
 * <p>{@link #close()} frees what the client created (its connection pool); a transport passed with
 * {@link Builder#transport} is left open for its owner.
 */
public final class BeyondWordsClient implements AutoCloseable {

    /** The provider's base URL. */
    public static final String DEFAULT_BASE_URL = "https://api.beyondwords.io/v1";

    private final ApiClient api;
    private final BackgroundTracks backgroundTracks;

    private BeyondWordsClient(ApiClient api) {
        this.api = api;
        this.backgroundTracks = new BackgroundTracks(api);
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The background-tracks endpoints. */
    public BackgroundTracks backgroundTracks() {
        return backgroundTracks;
    }

    /**
     * Does the client's one-time work ahead of its first call (the transport's event loops and resolver,
     * the model's reader), so that a first call's deadline is not spent on it. Nothing is sent. Optional.
     *
     * @return completes when done
     */
    public Mono<Void> warmup() {
        return api.warmup()
                .then(Mono.fromRunnable(() -> Json.readList(
                        new ByteArrayInputStream(
                                ("[{\"id\":1,\"name\":\"a\",\"volume\":1,\"project\":{\"id\":1,\"name\":\"p\"},"
                                                + "\"media\":{\"url\":\"https://x/y.mp3\",\"duration\":1000},"
                                                + "\"created\":\"2024-01-01T00:00:00.000Z\",\"updated\":\"2024-01-01T00:00:00Z\"}]")
                                        .getBytes(StandardCharsets.UTF_8)),
                        BackgroundTrack.class)));
    }

    /**
     * Frees the connection pool the client created, if it created one. Safe on any thread: on a
     * non-blocking one it does not wait (see {@link #closeAsync()}).
     */
    @Override
    public void close() {
        api.close();
    }

    /**
     * Frees the connection pool the client created, if it created one, without blocking.
     *
     * @return completes when the pool is disposed
     */
    public Mono<Void> closeAsync() {
        return api.closeAsync();
    }

    @Override
    public String toString() {
        return api.describeAs("BeyondWordsClient");
    }

    /** Builds {@link BeyondWordsClient}s; validates everything in {@link #build()}, before any I/O. */
    public static final class Builder extends ProviderClientBuilder<Builder> {
        private @Nullable String apiKey;

        Builder() {
            super(DEFAULT_BASE_URL);
        }

        /**
         * The API key (required), sent as {@code X-Api-Key}; never logged or printed.
         *
         * @param apiKey the key
         * @return this builder
         * @throws NullPointerException when {@code apiKey} is null
         * @throws IllegalArgumentException when it is blank
         */
        public Builder apiKey(String apiKey) {
            Objects.requireNonNull(apiKey, "apiKey");
            if (apiKey.isBlank()) {
                throw new IllegalArgumentException("apiKey must not be blank");
            }
            this.apiKey = apiKey;
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws IllegalArgumentException when the key is missing or blank, or an option is not
         *     acceptable
         */
        public BeyondWordsClient build() {
            if (apiKey == null) {
                throw new IllegalArgumentException("apiKey is required");
            }
            ApiKeyAuth auth = ApiKeyAuth.header("X-Api-Key", apiKey);
            return new BeyondWordsClient(apiClient("beyondwords")
                    .auth(auth)
                    .defaultHeader("Accept", "application/json")
                    .build());
        }

        @Override
        public String toString() {
            return "BeyondWordsClient.Builder{baseUrl=" + baseUrlOption() + ", apiKey=****}";
        }
    }
}
