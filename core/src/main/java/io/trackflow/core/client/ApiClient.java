package io.trackflow.core.client;

import io.trackflow.core.error.internal.ErrorAccess;
import io.trackflow.core.http.HttpRequest;
import io.trackflow.core.http.HttpTransport;
import io.trackflow.core.http.ReactorNettyTransport;
import io.trackflow.core.internal.Urls;
import io.trackflow.core.paging.OffsetPaginator;
import io.trackflow.core.paging.PageFetcher;
import io.trackflow.core.paging.PageNumberFetcher;
import io.trackflow.core.ratelimit.RateLimiter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What a provider client is written with: an immutable, thread-safe client of one HTTP API that
 * runs every call through a fixed pipeline of small policies and offers the paginator. A provider
 * only declares its endpoints (requests and {@link BodyReader}s) and models on top of it.
 *
 * <p>The pipeline, in order: <b>default headers</b> (those the request does not set) &rarr;
 * <b>authentication</b> (each attempt carries the strategy's credentials; a call that ends in a 401
 * runs once more with fresh ones when the strategy can refresh them) &rarr; <b>retry</b> (the {@link
 * io.trackflow.core.retry.RetryPolicy}: backoff or {@code Retry-After}, never a wait past the call's
 * deadline) &rarr; per attempt: <b>rate limit</b> (a permit from the client's {@link RateLimiter},
 * waited for on a timer within the deadline; a 429's {@code Retry-After} holds every call of the
 * client) &rarr; <b>observation</b> (with an observation registry: {@code trackflow.client.requests}, the trace
 * headers added) &rarr; <b>deadline</b> (the attempt may use what is left of the call's total timeout) &rarr; the policies added with {@link ApiClientBuilder#policy} &rarr; <b>transport</b>
 * (credentials applied, the request sent) &rarr; <b>status check and decoding</b> (a 2xx body read by
 * the call's reader; any other status a typed {@code HttpStatusException}). Every failure is an
 * {@code ApiException}.
 *
 * <p>{@link #close()} frees the transport the client created; a transport passed with {@link
 * ApiClientBuilder#transport} belongs to its owner. Once closed, every call of the client, and every
 * {@code Mono}/{@code Flux} it assembled earlier when subscribed, fails at once with an {@link
 * IllegalStateException} ("client closed"), sending nothing and opening no connection. Calls in flight end
 * at once with the same error, on a shared transport too: an attempt in flight is cancelled (its
 * connection closed), a wait before a retry or for the rate limiter stops, and no retry is sent. Closing
 * twice is harmless.
 */
public final class ApiClient implements AutoCloseable {

    /** The default of {@link ApiClientBuilder#totalTimeout}: 2 minutes. */
    public static final Duration DEFAULT_TOTAL_TIMEOUT = Duration.ofMinutes(2);

    private final URI baseUrl;
    private final Duration totalTimeout;
    private final String name;
    private final HttpTransport transport;
    private final boolean ownsTransport;
    private final Pipeline pipeline;
    private final RateLimiter rateLimiter;
    private final @Nullable Observing observing;
    private final String settings;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final RunningCalls running = new RunningCalls();

    ApiClient(ApiClientBuilder b) {
        this.baseUrl = b.baseUrl;
        this.totalTimeout = b.totalTimeout;
        this.name = b.name;
        this.ownsTransport = b.transport == null;
        this.transport = b.transport != null
                ? b.transport
                : (b.transportOptions != null ? b.transportOptions : ReactorNettyTransport.builder()).build();
        this.observing = b.observing();
        this.pipeline = new Pipeline(b, transport, observing);
        this.rateLimiter = b.rateLimiter;
        this.settings = "{baseUrl=" + baseUrl + ", auth=" + b.auth + ", rateLimiter=" + b.rateLimiter + "}";
    }

    /**
     * Starts a builder.
     *
     * @param baseUrl the base URL every {@link #uri} is under: absolute https (plain http only to a
     *     loopback host, unless {@link ApiClientBuilder#allowInsecureHttp allowed}), with a host, without
     *     user-info, query or fragment; trailing slashes are dropped
     * @return the builder
     * @throws IllegalArgumentException naming {@code baseUrl} (credentials hidden) when it is not acceptable
     */
    public static ApiClientBuilder builder(URI baseUrl) {
        return new ApiClientBuilder(baseUrl);
    }

    /** The client's name (the provider's, e.g. {@code beyondwords}): low-cardinality, for logs and metrics. */
    public String name() {
        return name;
    }

    /** The client's rate limiter (its figures: {@code rateLimiter().stats()}). */
    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /**
     * A URI under the base URL: {@code base/segment/...?name=value&...}, every segment, name and value
     * percent-encoded (RFC 3986; brackets included, a comma in a value kept).
     *
     * @param segments path segments
     * @param query query parameters, in order
     * @return the URI
     */
    public URI uri(List<String> segments, List<Map.Entry<String, String>> query) {
        return Urls.build(baseUrl, segments, query);
    }

    /**
     * Runs a call through the pipeline; the operation is named after the method ({@code get}, ...).
     *
     * @param request the request, without credentials
     * @param reader reads a 2xx body
     * @param <T> the result
     * @return the result: cold, nothing is sent before subscription
     */
    public <T> Mono<T> call(HttpRequest request, BodyReader<T> reader) {
        return call(request.method().name().toLowerCase(Locale.ROOT), request, reader);
    }

    /**
     * Runs a call through the pipeline.
     *
     * @param operation the operation's name, e.g. {@code background_tracks.get}: low-cardinality
     *     (never an id), used in logs and metrics
     * @param request the request, without credentials
     * @param reader reads a 2xx body
     * @param <T> the result
     * @return the result: cold, nothing is sent before subscription, each subscription sends anew
     */
    public <T> Mono<T> call(String operation, HttpRequest request, BodyReader<T> reader) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(reader, "reader");
        return CallRun.of(pipeline, running, this::refusal, operation, request, reader, totalTimeout);
    }

    private @Nullable Throwable refusal() {
        return closed.get() ? closedError() : null;
    }

    private IllegalStateException closedError() {
        return new IllegalStateException(name + " client closed");
    }

    /**
     * Observes a logical call ({@code trackflow.client.operations}: pages, items and retries at its
     * end) when the client has an observation registry; otherwise returns {@code items} as is.
     *
     * @param operation the operation's name, e.g. {@code background_tracks.list}
     * @param items the call
     * @param <T> the item type
     * @return the observed call
     */
    public <T> Flux<T> observe(String operation, Flux<T> items) {
        Flux<T> guarded = Flux.defer(() -> closed.get() ? Flux.error(closedError()) : items);
        return observing == null ? guarded : observing.operation(operation, guarded);
    }

    /**
     * Observes a logical call that yields one value (see {@link #observe(String, Flux)}).
     *
     * @param operation the operation's name, e.g. {@code tracks.get}
     * @param item the call
     * @param <T> the value type
     * @return the observed call
     */
    public <T> Mono<T> observe(String operation, Mono<T> item) {
        Mono<T> guarded = Mono.defer(() -> closed.get() ? Mono.error(closedError()) : item);
        return observing == null ? guarded : observing.operation(operation, guarded);
    }

    /**
     * A paginator over one listing whose pages {@code fetcher} fetches (typically with {@link
     * #call}).
     *
     * @param fetcher fetches one page
     * @param fingerprint the listing's query fingerprint, carried by its cursors
     * @param <T> the item type
     * @return the paginator
     */
    public <T> OffsetPaginator<T> paginator(PageFetcher<T> fetcher, String fingerprint) {
        return OffsetPaginator.of(fetcher, fingerprint, ErrorAccess.get());
    }

    /**
     * A paginator over one listing served in numbered pages (Laravel's {@code page} and {@code
     * per_page}), whose pages {@code fetcher} fetches (typically with {@link #call}); see {@link
     * OffsetPaginator#ofPageNumbers}.
     *
     * @param fetcher fetches one numbered page
     * @param fingerprint the listing's query fingerprint, carried by its cursors
     * @param <T> the item type
     * @return the paginator
     */
    public <T> OffsetPaginator<T> pageNumberPaginator(PageNumberFetcher<T> fetcher, String fingerprint) {
        return OffsetPaginator.ofPageNumbers(fetcher, fingerprint, ErrorAccess.get());
    }

    /**
     * Does the client's one-time work ahead of its first call, so that the first call's deadline is not
     * spent on it: the transport's ({@link HttpTransport#warmup()}). Nothing is sent to the API. Optional: a
     * client works without it; calling it again does nothing more. A closed client refuses it, as it
     * refuses a call.
     *
     * @return completes when done
     */
    public Mono<Void> warmup() {
        return Mono.defer(() -> closed.get() ? Mono.error(closedError()) : transport.warmup());
    }

    /**
     * Closes the client on subscription, without blocking: it refuses every call from then on and frees
     * the transport it created (which ends the calls in flight on it).
     *
     * @return completes when the transport is freed
     */
    public Mono<Void> closeAsync() {
        return Mono.defer(() -> {
            markClosed();
            return ownsTransport ? transport.closeAsync() : Mono.<Void>empty();
        });
    }

    /**
     * Closes the client: it refuses every call from then on and frees the transport it created (which ends
     * the calls in flight on it). On a non-blocking thread it does not wait for the transport (see {@link
     * #closeAsync()}). Closing twice is harmless.
     */
    @Override
    public void close() {
        markClosed();
        if (ownsTransport) {
            transport.close();
        }
    }

    /** Whether {@link #close()} (or {@link #closeAsync()}) has run. */
    public boolean isClosed() {
        return closed.get();
    }

    private void markClosed() {
        closed.set(true);
        running.abortAll(this::closedError); // after the flag: a call that starts meanwhile sees it
    }

    /**
     * How a provider client prints itself: {@code clientName{baseUrl=.., auth=.., rateLimiter=..}},
     * credentials shown as {@code ****}.
     *
     * @param clientName e.g. {@code BeyondWordsClient}
     * @return the description
     */
    public String describeAs(String clientName) {
        return clientName + settings;
    }

    @Override
    public String toString() {
        return describeAs(name);
    }
}
