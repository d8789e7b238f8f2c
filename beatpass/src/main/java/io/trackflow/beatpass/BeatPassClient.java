package io.trackflow.beatpass;

import io.trackflow.beatpass.model.Track;
import io.trackflow.core.ProviderClientBuilder;
import io.trackflow.core.auth.BearerTokenAuth;
import io.trackflow.core.auth.TokenProvider;
import io.trackflow.core.client.ApiClient;
import io.trackflow.core.client.ApiClientBuilder;
import io.trackflow.core.error.ErrorBody;
import io.trackflow.core.error.ErrorDecoder;
import io.trackflow.core.http.HttpResponse;
import io.trackflow.core.json.Json;
import io.trackflow.core.ratelimit.RateLimiter;
import io.trackflow.core.ratelimit.RateLimits;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * The BeatPass API client ({@code https://open.beatpass.ca/api/v1}, {@code Authorization: Bearer}).
 * Thread-safe and meant to be shared.
 *
 * <pre>{@code
 * try (BeatPassClient bp = BeatPassClient.builder().token(System.getenv("BEATPASS_TOKEN")).build()) {
 *   Track t = bp.tracks().get(123, TrackInclude.ALBUM, TrackInclude.ARTISTS).block();
 * }
 * }</pre>
 *
 * <p>Every request sends {@code Accept: application/json} (without it BeatPass may answer a 401 with
 * a redirect to an HTML login page). A 401 says the token may be wrong or expired (BeatPass tokens
 * expire 90 days after creation) without ever printing it. The rate-limit figures of each response
 * reach {@link Builder#rateLimitListener} and {@link #lastRateLimit()}.
 */
public final class BeatPassClient implements AutoCloseable {

    /** The provider's base URL. */
    public static final String DEFAULT_BASE_URL = "https://open.beatpass.ca/api/v1";

    private static final Logger LOG = Loggers.getLogger(BeatPassClient.class);
    private static final String EXPIRED_HINT =
            "the BeatPass token is missing, wrong or expired (tokens expire 90 days after creation)";

    private final ApiClient api;
    private final Tracks tracks;
    private final Supplier<Optional<RateLimitStatus>> lastRateLimit;

    private BeatPassClient(ApiClient api, Supplier<Optional<RateLimitStatus>> lastRateLimit) {
        this.api = api;
        this.tracks = new Tracks(api);
        this.lastRateLimit = lastRateLimit;
        LOG.debug("created {}", this);
    }

    /** BeatPass error bodies, and a hint on 401 that names the likely cause. */
    private static ErrorBody decodeError(HttpResponse response) {
        ErrorBody body = ErrorDecoder.lenientJson().decode(response);
        if (response.status() != 401) {
            return body;
        }
        String message =
                body.message().map(m -> m + " (" + EXPIRED_HINT + ")").orElse("Unauthenticated: " + EXPIRED_HINT);
        return ErrorBody.builder().from(body).message(message).build();
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The track endpoints. */
    public Tracks tracks() {
        return tracks;
    }

    /**
     * The rate-limit figures of the latest response that carried them, with the client's own figures
     * (calls held, time waited, a hold in force): as they stood at that response when a {@link
     * Builder#rateLimitListener} is set, else as they stand when asked (a response is then only kept,
     * and read when this is called).
     */
    public Optional<RateLimitStatus> lastRateLimit() {
        return lastRateLimit.get();
    }

    /**
     * Does the client's one-time work ahead of its first call (the transport's event loops and resolver,
     * the model's reader), so that a first call's deadline is not spent on it. Nothing is sent; the token
     * is not asked for. Optional.
     *
     * @return completes when done
     */
    public Mono<Void> warmup() {
        return api.warmup()
                .then(Mono.fromRunnable(() -> Json.read(
                        "{\"id\":1,\"name\":\"a\",\"release_date\":\"2024-01-01\",\"duration\":1000,"
                                + "\"artists\":[{\"id\":1,\"name\":\"b\"}],"
                                + "\"created_at\":\"2024-01-01T00:00:00.000000Z\"}",
                        Track.class)));
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
        return api.describeAs("BeatPassClient");
    }

    /** Builds {@link BeatPassClient}s; validates everything in {@link #build()}, before any I/O. */
    public static final class Builder extends ProviderClientBuilder<Builder> {
        private @Nullable String token;
        private @Nullable TokenProvider tokenProvider;
        private @Nullable Consumer<RateLimitStatus> rateLimitListener;
        private Duration tokenFetchTimeout = BearerTokenAuth.DEFAULT_FETCH_TIMEOUT;

        Builder() {
            super(DEFAULT_BASE_URL);
        }

        /**
         * A fixed API token (this or {@link #tokenProvider} is required); never logged or printed.
         *
         * @param token the token
         * @return this builder
         */
        public Builder token(String token) {
            Objects.requireNonNull(token, "token");
            if (token.isBlank()) {
                throw new IllegalArgumentException("token must not be blank");
            }
            this.token = token;
            return this;
        }

        /**
         * Rotating tokens: fetched when needed, cached, refreshed before expiry, and once more after a
         * 401.
         *
         * @param provider where tokens come from
         * @return this builder
         */
        public Builder tokenProvider(TokenProvider provider) {
            this.tokenProvider = Objects.requireNonNull(provider, "tokenProvider");
            return this;
        }

        /**
         * How long one call of the {@link #tokenProvider} may take before it is cancelled and the calls
         * waiting for it fail with a {@code CredentialsException}. Default 30 s.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder tokenFetchTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "tokenFetchTimeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("tokenFetchTimeout must be positive, was " + timeout);
            }
            this.tokenFetchTimeout = timeout;
            return this;
        }

        /**
         * Told of the rate-limit figures of every response that carries them (on a Netty thread: do
         * not block).
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder rateLimitListener(Consumer<RateLimitStatus> listener) {
            this.rateLimitListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws IllegalArgumentException when no token (or both a token and a provider) is set, the
         *     token is blank, or the base URL is not acceptable
         */
        public BeatPassClient build() {
            if (token == null && tokenProvider == null) {
                throw new IllegalArgumentException("token is required (or a tokenProvider)");
            }
            if (token != null && tokenProvider != null) {
                throw new IllegalArgumentException("token and tokenProvider are exclusive: set one");
            }
            BearerTokenAuth auth = token != null
                    ? BearerTokenAuth.of(token)
                    : BearerTokenAuth.refreshing(
                            tokenProvider,
                            BearerTokenAuth.DEFAULT_REFRESH_BEFORE,
                            tokenFetchTimeout,
                            Clock.systemUTC());
            AtomicReference<@Nullable ApiClient> self = new AtomicReference<>();
            Consumer<RateLimitStatus> listener = rateLimitListener;
            ApiClientBuilder b = apiClient("beatpass")
                    .auth(auth)
                    .errorDecoder(BeatPassClient::decodeError)
                    .defaultHeader("Accept", "application/json");
            Supplier<Optional<RateLimitStatus>> last;
            if (listener != null) {
                // the listener hears every response's figures as they stand then
                AtomicReference<@Nullable RateLimitStatus> status = new AtomicReference<>();
                b.responseListener(r -> RateLimitStatus.of(r).ifPresent(s -> {
                    RateLimitStatus withStats = withStats(s, self.get());
                    status.set(withStats);
                    listener.accept(withStats);
                }));
                last = () -> Optional.ofNullable(status.get());
            } else {
                // nobody listens: a response that carries figures is only kept (no body), and read when asked
                AtomicReference<@Nullable HttpResponse> carrier = new AtomicReference<>();
                b.responseListener(r -> {
                    if (RateLimitStatus.carried(r)) {
                        carrier.set(r.body().hasRemaining() ? headOnly(r) : r);
                    }
                });
                last = () -> {
                    HttpResponse r = carrier.get();
                    return r == null ? Optional.empty() : RateLimitStatus.of(r).map(s -> withStats(s, self.get()));
                };
            }
            ApiClient api = b.build();
            self.set(api);
            return new BeatPassClient(api, last);
        }

        /** A response without its body: what is kept of an error response until the next one. */
        private static HttpResponse headOnly(HttpResponse r) {
            return HttpResponse.builder().from(r).body(ByteBuffer.allocate(0)).build();
        }

        private static RateLimitStatus withStats(RateLimitStatus s, @Nullable ApiClient client) {
            return client == null ? s : s.with(client.rateLimiter().stats());
        }

        /**
         * BeatPass paces by the figures it sends with every response ({@link RateLimits#fromHeaders()}):
         * a new limiter for each client built.
         *
         * @return the limiter
         */
        @Override
        protected RateLimiter defaultRateLimiter() {
            return RateLimits.fromHeaders();
        }

        @Override
        public String toString() {
            return "BeatPassClient.Builder{baseUrl=" + baseUrlOption() + ", token=****}";
        }
    }
}
