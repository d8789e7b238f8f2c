package io.trackflow.core;

import io.micrometer.observation.ObservationRegistry;
import io.trackflow.core.client.ApiClient;
import io.trackflow.core.client.ApiClientBuilder;
import io.trackflow.core.http.HttpTransport;
import io.trackflow.core.http.ReactorNettyTransport;
import io.trackflow.core.observation.OperationObservationConvention;
import io.trackflow.core.observation.RequestObservationConvention;
import io.trackflow.core.ratelimit.RateLimiter;
import io.trackflow.core.ratelimit.RateLimits;
import io.trackflow.core.retry.RetryListener;
import io.trackflow.core.retry.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The base of every provider's client builder ({@code BeyondWordsClient.Builder}, {@code
 * BeatPassClient.Builder}, yours): the options every provider client has (base URL, retry policy,
 * timeouts, shared transport, plain-http permission, rate limiter, retry listener, observation).
 * Provider builders extend it and add their credentials; everything is validated when the client is
 * built, before any I/O. It hands the options to an {@link ApiClientBuilder}, which builds the toolkit
 * client a provider is written with.
 *
 * @param <B> the concrete builder
 */
public abstract class ProviderClientBuilder<B extends ProviderClientBuilder<B>> {

    /** Every shared option but the base URL, which is kept as given until it is validated at build. */
    private ClientConfig.Builder config = ClientConfig.builder();

    private String baseUrl;
    private @Nullable HttpTransport transport;
    private RetryListener retryListener = RetryListener.NONE;
    private @Nullable RateLimiter rateLimiter;
    // Micrometer is optional: these fields name its types, loaded only when a value is set
    private @Nullable ObservationRegistry observationRegistry;
    private @Nullable RequestObservationConvention requestConvention;
    private @Nullable OperationObservationConvention operationConvention;

    /**
     * Starts a builder.
     *
     * @param defaultBaseUrl the provider's base URL
     */
    protected ProviderClientBuilder(String defaultBaseUrl) {
        this.baseUrl = Objects.requireNonNull(defaultBaseUrl, "defaultBaseUrl");
    }

    /** This builder, typed. */
    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * Every shared option at once (base URL, retry policy, timeouts, pool size), e.g. one shipped to a
     * worker or read from configuration. Options set on this builder afterwards replace the
     * config's.
     *
     * @param config the options
     * @return this builder
     */
    public B config(ClientConfig config) {
        Objects.requireNonNull(config, "config");
        this.config = ClientConfig.builder().from(config);
        this.baseUrl = config.baseUrl().toString();
        return self();
    }

    /**
     * The base URL; may carry a path. Default: the provider's.
     *
     * @param baseUrl an absolute https URL (http only to a loopback host, unless allowed)
     * @return this builder
     * @throws NullPointerException when {@code baseUrl} is null
     * @throws IllegalArgumentException naming {@code baseUrl}, with the value (credentials hidden) and the
     *     likely fix, when it is not an absolute http(s) URL with a host; plain http to a non-loopback host
     *     is refused by {@code build()}, as it depends on {@link #allowInsecureHttp}
     */
    public B baseUrl(String baseUrl) {
        ClientConfig.parseBaseUrl(baseUrl);
        this.baseUrl = baseUrl;
        return self();
    }

    /**
     * The retry policy. Default {@link RetryPolicy#defaults()}.
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public B retryPolicy(RetryPolicy retryPolicy) {
        config.retryPolicy(Objects.requireNonNull(retryPolicy, "retryPolicy"));
        return self();
    }

    /**
     * A transport to share (its owner closes it). Default: a new {@code ReactorNettyTransport} that
     * the client closes.
     *
     * @param transport the transport
     * @return this builder
     */
    public B transport(HttpTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
        return self();
    }

    /**
     * The longest one call (one page, one lookup) may take, retries included. Default 2 minutes.
     *
     * @param totalTimeout positive
     * @return this builder
     */
    public B totalTimeout(Duration totalTimeout) {
        config.totalTimeout(Objects.requireNonNull(totalTimeout, "totalTimeout"));
        return self();
    }

    /**
     * Allows plain {@code http} to a non-loopback host (credentials then travel in clear text).
     * Default false.
     *
     * @param allow whether to allow it
     * @return this builder
     */
    public B allowInsecureHttp(boolean allow) {
        config.allowInsecureHttp(allow);
        return self();
    }

    /**
     * Paces the client's requests: asked before each attempt of every call ({@link RateLimits}:
     * {@code fromHeaders()}, {@code fixed(n, per)}, {@code none()}). Default: the provider's (see its
     * builder).
     *
     * @param limiter the limiter, for this client only (or shared on purpose, to share a budget)
     * @return this builder
     */
    public B rateLimiter(RateLimiter limiter) {
        this.rateLimiter = Objects.requireNonNull(limiter, "rateLimiter");
        return self();
    }

    /**
     * Observes the client's calls and HTTP requests with Micrometer (metrics and traces; see {@code
     * io.trackflow.core.observation.TrackflowObservations} for the names): each request carries the
     * trace propagation headers of the current observation. Default: nothing observed, at no cost.
     *
     * @param registry the registry (Micrometer's {@code micrometer-observation} on the class path)
     * @return this builder
     */
    public B observationRegistry(ObservationRegistry registry) {
        this.observationRegistry = Objects.requireNonNull(registry, "observationRegistry");
        return self();
    }

    /**
     * Replaces how request observations are named and tagged (default {@code
     * DefaultRequestObservationConvention}).
     *
     * @param convention the convention
     * @return this builder
     */
    public B requestObservationConvention(RequestObservationConvention convention) {
        this.requestConvention = Objects.requireNonNull(convention, "convention");
        return self();
    }

    /**
     * Replaces how operation observations are named and tagged (default {@code
     * DefaultOperationObservationConvention}).
     *
     * @param convention the convention
     * @return this builder
     */
    public B operationObservationConvention(OperationObservationConvention convention) {
        this.operationConvention = Objects.requireNonNull(convention, "convention");
        return self();
    }

    /**
     * The limiter a client gets when none is set: {@link RateLimits#none()} unless the provider says
     * otherwise. Called once per client built, so that each gets a budget of its own.
     *
     * @return the limiter
     */
    protected RateLimiter defaultRateLimiter() {
        return RateLimits.none();
    }

    /**
     * Told before each retry, e.g. for metrics. Must not block.
     *
     * @param listener the listener
     * @return this builder
     */
    public B retryListener(RetryListener listener) {
        this.retryListener = Objects.requireNonNull(listener, "listener");
        return self();
    }

    /**
     * The validated shared options.
     *
     * @return the options
     * @throws IllegalArgumentException naming {@code baseUrl} or {@code totalTimeout} when invalid
     */
    protected final ClientConfig clientConfig() {
        return config.baseUrl(ClientConfig.parseBaseUrl(baseUrl)).build();
    }

    /**
     * An {@link ApiClient} builder with this builder's options: validated config, the transport if one
     * was given, the retry listener. The provider adds its auth, error decoder and headers.
     *
     * @param name the provider's name, e.g. {@code beyondwords}
     * @return the builder
     * @throws IllegalArgumentException naming the option when one is invalid
     */
    protected final ApiClientBuilder apiClient(String name) {
        ClientConfig c = clientConfig();
        ApiClientBuilder b = ApiClient.builder(c.baseUrl())
                .name(name)
                .retryPolicy(c.retryPolicy())
                .totalTimeout(c.totalTimeout())
                .allowInsecureHttp(c.allowInsecureHttp())
                .transportOptions(ReactorNettyTransport.builder()
                        .connectTimeout(c.connectTimeout())
                        .responseTimeout(c.responseTimeout())
                        .maxConnections(c.maxConnections()))
                .retryListener(retryListener)
                .rateLimiter(rateLimiter != null ? rateLimiter : defaultRateLimiter());
        if (transport != null) {
            b.transport(transport);
        }
        ObservationRegistry registry = observationRegistry;
        if (registry != null) {
            b.observationRegistry(registry);
            if (requestConvention != null) {
                b.requestObservationConvention(requestConvention);
            }
            if (operationConvention != null) {
                b.operationObservationConvention(operationConvention);
            }
        }
        return b;
    }

    /** The base URL as set (for {@code toString}). */
    protected final String baseUrlOption() {
        return baseUrl;
    }
}
