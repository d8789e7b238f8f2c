package io.trackflow.core.http;

import io.trackflow.core.internal.Checks;
import io.trackflow.core.internal.Version;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.HttpResources;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * The {@link HttpTransport} on Reactor Netty: the only public class of trackflow that touches Netty.
 *
 * <p>Defaults: connect timeout 10 s; response timeout 30 s (the longest wait for the first byte or
 * between two reads of the body: a stalled body fails too); a pool of 64 connections with at most
 * 65,536 pending acquires (beyond, or after 45 s of waiting, the exchange fails: through a client, a
 * {@link io.trackflow.core.error.TransportException} with {@link
 * io.trackflow.core.error.TransportException#isPoolExhausted()}); gzip accepted; bodies up to 16 MiB (a
 * larger one fails the exchange, through a client a {@link io.trackflow.core.error.DecodingException}, and
 * its connection is closed, never reused); {@code User-Agent:
 * trackflow/<version> java/<version>} unless the request sets one. Redirects are never followed, so
 * credentials never reach another host: a 3xx is returned like any other status.
 *
 * <p>Pass your own {@link HttpClient} to share its pool, TLS, proxy and metrics settings; the
 * timeouts above are still applied on top of it, redirects are still disabled, and {@link #close()}
 * then leaves its resources alone.
 */
public final class ReactorNettyTransport implements HttpTransport {

    private static final Logger LOG = Loggers.getLogger(ReactorNettyTransport.class);

    /** Default maximum response body: 16 MiB. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

    /** Default connect timeout: 10 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Default response timeout (first byte, and between two reads of a body): 30 s. */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);

    /** Default connection pool size: 64. */
    public static final int DEFAULT_MAX_CONNECTIONS = 64;

    private final HttpClient client;
    private final NettyExchange.Senders senders;
    private final @Nullable ConnectionProvider ownedProvider;
    private final Duration responseTimeout;
    private final int maxResponseBytes;
    private final String userAgent;
    private final HeaderNames headerNames = new HeaderNames();
    private final AtomicBoolean closed = new AtomicBoolean();

    private ReactorNettyTransport(Builder b) {
        ownedProvider = b.httpClient == null
                ? NettyExchange.pool(b.maxConnections, b.pendingAcquireMaxCount, b.pendingAcquireTimeout)
                : null;
        HttpClient base = b.httpClient != null ? b.httpClient : HttpClient.create(ownedProvider);
        this.client = NettyExchange.configured(base, b.connectTimeout, b.compression);
        this.senders = new NettyExchange.Senders(client);
        this.responseTimeout = b.responseTimeout;
        this.maxResponseBytes = b.maxResponseBytes;
        this.userAgent = b.userAgent;
    }

    /** A transport with the defaults. */
    public static ReactorNettyTransport create() {
        return builder().build();
    }

    /**
     * A transport on the user's client (its pool, TLS, proxy, metrics), with the default timeouts
     * and limits on top.
     *
     * @param httpClient the client
     * @return the transport
     */
    public static ReactorNettyTransport create(HttpClient httpClient) {
        return builder().httpClient(httpClient).build();
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request) {
        return exchange(request, BodyAggregate.COPY);
    }

    /**
     * Decodes a success straight from Netty's pooled buffers (no heap copy of the body); a
     * non-success is copied whole. The buffers are released when the handler returns.
     */
    @Override
    public <T> Mono<T> exchange(HttpRequest request, ResponseHandler<T> handler) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(handler, "handler");
        // never re-creates a disposed pool: once closed it refuses, sending nothing
        return NettyExchange.run(
                senders,
                request,
                handler,
                responseTimeout,
                userAgent,
                maxResponseBytes,
                headerNames,
                () -> closed.get()
                        ? new IllegalStateException("transport closed: " + request.method() + " "
                                + request.uri().getScheme() + "://"
                                + request.uri().getAuthority() + " not sent")
                        : null);
    }

    /** Reactor Netty's own warm-up of this transport's client: event loops, native transport, DNS resolver. */
    @Override
    public Mono<Void> warmup() {
        return client.warmup();
    }

    /**
     * Closes the transport: it refuses every exchange from then on ({@link IllegalStateException}, nothing
     * sent), and frees the connection pool it created (a user's {@link HttpClient} is left alone). On a
     * non-blocking thread (a Netty event loop, a Reactor parallel worker) it does not wait: the pool is
     * disposed in the background, as {@link #closeAsync()} would. Closing twice is harmless.
     */
    @Override
    public void close() {
        closed.set(true);
        if (Schedulers.isInNonBlockingThread()) {
            closeAsync().subscribe(null, e -> LOG.warn("closing the connection pool failed", e));
        } else {
            closeAsync().block(Duration.ofSeconds(10));
        }
    }

    /**
     * Frees Reactor Netty's global event loops and connection pools (those every transport uses unless
     * given an {@link HttpClient} with resources of its own), without blocking: for a container that
     * discards the class loader trackflow came in, such as Flink at the end of a job, so that their
     * threads do not keep that class loader alive. Only once no client of that class loader is in use.
     *
     * @return completes when the event loops have stopped (a grace period of up to 2 s)
     */
    public static Mono<Void> disposeGlobalResources() {
        return HttpResources.disposeLoopsAndConnectionsLater(Duration.ZERO, Duration.ofSeconds(2));
    }

    /**
     * Closes the transport on subscription, without blocking (see {@link #close()}).
     *
     * @return completes when the pool is disposed
     */
    @Override
    public Mono<Void> closeAsync() {
        return Mono.defer(() -> {
            closed.set(true);
            return ownedProvider == null ? Mono.<Void>empty() : ownedProvider.disposeLater();
        });
    }

    @Override
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public String toString() {
        return "ReactorNettyTransport{responseTimeout=" + responseTimeout + ", maxResponseBytes=" + maxResponseBytes
                + "}";
    }

    /** Builds {@link ReactorNettyTransport}s. Not thread-safe. */
    public static final class Builder {
        private @Nullable HttpClient httpClient;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private int pendingAcquireMaxCount = 65_536;
        private Duration pendingAcquireTimeout = Duration.ofSeconds(45);
        private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private boolean compression = true;
        private String userAgent = Version.userAgent();

        Builder() {}

        /**
         * Uses this client (its pool, TLS, proxy, metrics) instead of creating one.
         *
         * @param httpClient the client
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * Connect timeout. Default 10 s.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Checks.positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * The longest wait for response bytes (first byte, or between reads). Default 30 s.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = Checks.positive(timeout, "responseTimeout");
            return this;
        }

        /**
         * Pool size (ignored with a user {@link HttpClient}). Default 64.
         *
         * @param max at least 1
         * @return this builder
         */
        public Builder maxConnections(int max) {
            this.maxConnections = Checks.atLeast(max, 1, "maxConnections");
            return this;
        }

        /**
         * How many requests may wait for a pooled connection (ignored with a user {@link HttpClient}).
         * Default 65,536; beyond, requests fail at once (through a client, with a pool-exhausted {@link
         * io.trackflow.core.error.TransportException}).
         *
         * @param max at least 1
         * @return this builder
         */
        public Builder pendingAcquireMaxCount(int max) {
            this.pendingAcquireMaxCount = Checks.atLeast(max, 1, "pendingAcquireMaxCount");
            return this;
        }

        /**
         * How long a request may wait for a pooled connection. Default 45 s.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder pendingAcquireTimeout(Duration timeout) {
            this.pendingAcquireTimeout = Checks.positive(timeout, "pendingAcquireTimeout");
            return this;
        }

        /**
         * The largest response body accepted. Default 16 MiB.
         *
         * @param max at least 1
         * @return this builder
         */
        public Builder maxResponseBytes(int max) {
            this.maxResponseBytes = Checks.atLeast(max, 1, "maxResponseBytes");
            return this;
        }

        /**
         * Whether to ask for gzip and decompress. Default true.
         *
         * @param enabled on or off
         * @return this builder
         */
        public Builder compression(boolean enabled) {
            this.compression = enabled;
            return this;
        }

        /**
         * The {@code User-Agent} sent when a request has none.
         *
         * @param userAgent non-blank
         * @return this builder
         */
        public Builder userAgent(String userAgent) {
            Objects.requireNonNull(userAgent, "userAgent");
            if (userAgent.isBlank()) {
                throw new IllegalArgumentException("userAgent must not be blank");
            }
            Checks.headerValue("User-Agent", userAgent);
            this.userAgent = userAgent;
            return this;
        }

        /** Builds the transport. */
        public ReactorNettyTransport build() {
            return new ReactorNettyTransport(this);
        }
    }
}
