package io.trackflow.core.client;

import io.micrometer.observation.ObservationRegistry;
import io.trackflow.core.auth.AuthStrategy;
import io.trackflow.core.error.ErrorDecoder;
import io.trackflow.core.http.HttpResponse;
import io.trackflow.core.http.HttpTransport;
import io.trackflow.core.http.ReactorNettyTransport;
import io.trackflow.core.internal.BaseUrls;
import io.trackflow.core.internal.Checks;
import io.trackflow.core.observation.OperationObservationConvention;
import io.trackflow.core.observation.RequestObservationConvention;
import io.trackflow.core.ratelimit.RateLimiter;
import io.trackflow.core.ratelimit.RateLimits;
import io.trackflow.core.retry.RetryListener;
import io.trackflow.core.retry.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Builds {@link ApiClient}s. Not thread-safe. */
public final class ApiClientBuilder {
    final URI baseUrl;
    boolean allowInsecureHttp;
    String name = "api";
    RetryPolicy retryPolicy = RetryPolicy.defaults();
    Duration totalTimeout = ApiClient.DEFAULT_TOTAL_TIMEOUT;
    ReactorNettyTransport.@Nullable Builder transportOptions;

    @Nullable
    HttpTransport transport;

    AuthStrategy auth = AuthStrategy.none();
    ErrorDecoder errorDecoder = ErrorDecoder.lenientJson();
    final Map<String, String> defaultHeaders = new LinkedHashMap<>();
    final List<CallPolicy> policies = new ArrayList<>();
    RetryListener retryListener = RetryListener.NONE;
    Consumer<HttpResponse> responseListener = r -> {};
    RateLimiter rateLimiter = RateLimits.none();

    // Micrometer is optional: these fields and their setters name its types, which the JVM loads only
    // when a value is set (an assignment of the declared type loads nothing)
    @Nullable
    ObservationRegistry observationRegistry;

    @Nullable
    RequestObservationConvention requestConvention;

    @Nullable
    OperationObservationConvention operationConvention;

    /** The observation glue, when a registry was given (only then are Micrometer types loaded). */
    @Nullable
    Observing observing() {
        ObservationRegistry registry = observationRegistry;
        return registry == null ? null : new Observing(registry, name, requestConvention, operationConvention);
    }

    ApiClientBuilder(URI baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        this.baseUrl = BaseUrls.normalized(baseUrl); // plain http is judged at build, with allowInsecureHttp
    }

    /**
     * Allows plain {@code http} to a non-loopback host (credentials then travel in clear text). Default
     * false.
     *
     * @param allow whether to allow it
     * @return this builder
     */
    public ApiClientBuilder allowInsecureHttp(boolean allow) {
        this.allowInsecureHttp = allow;
        return this;
    }

    /**
     * The retry policy. Default {@link RetryPolicy#defaults()}.
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public ApiClientBuilder retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        return this;
    }

    /**
     * The longest one call (one page, one lookup) may take, retries and their waits included. Default
     * {@link ApiClient#DEFAULT_TOTAL_TIMEOUT} (2 minutes).
     *
     * @param totalTimeout positive
     * @return this builder
     * @throws IllegalArgumentException naming {@code totalTimeout} when not positive
     */
    public ApiClientBuilder totalTimeout(Duration totalTimeout) {
        this.totalTimeout = Checks.positive(Objects.requireNonNull(totalTimeout, "totalTimeout"), "totalTimeout");
        return this;
    }

    /**
     * The options of the transport the client makes for itself (and closes with itself) when none is
     * shared with {@link #transport}: built when the client is. Default: {@link
     * ReactorNettyTransport#builder()}'s defaults.
     *
     * @param options the transport's builder
     * @return this builder
     */
    public ApiClientBuilder transportOptions(ReactorNettyTransport.Builder options) {
        this.transportOptions = Objects.requireNonNull(options, "options");
        return this;
    }

    /**
     * The client's name, e.g. the provider's ({@code beyondwords}). Default {@code api}.
     *
     * @param name lower-case letters, digits, {@code _} or {@code -}
     * @return this builder
     */
    public ApiClientBuilder name(String name) {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("name must be 1..40 of [a-z0-9_-], was '" + name + "'");
        }
        this.name = name;
        return this;
    }

    /**
     * A transport to share (its owner closes it). Default: a {@link ReactorNettyTransport} made from
     * the {@link #transportOptions}, closed with the client.
     *
     * @param transport the transport
     * @return this builder
     */
    public ApiClientBuilder transport(HttpTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
        return this;
    }

    /**
     * How requests are authenticated. Default {@link AuthStrategy#none()}.
     *
     * @param auth the strategy
     * @return this builder
     */
    public ApiClientBuilder auth(AuthStrategy auth) {
        this.auth = Objects.requireNonNull(auth, "auth");
        return this;
    }

    /**
     * Reads the provider's error bodies. Default {@link ErrorDecoder#lenientJson()}.
     *
     * @param errorDecoder the decoder
     * @return this builder
     */
    public ApiClientBuilder errorDecoder(ErrorDecoder errorDecoder) {
        this.errorDecoder = Objects.requireNonNull(errorDecoder, "errorDecoder");
        return this;
    }

    /**
     * A header every request gets unless it sets it, e.g. {@code Accept: application/json}.
     *
     * @param name the header name
     * @param value the value (no CR/LF)
     * @return this builder
     */
    public ApiClientBuilder defaultHeader(String name, String value) {
        Checks.headerValue(
                Checks.headerName(Objects.requireNonNull(name, "name")), Objects.requireNonNull(value, "value"));
        defaultHeaders.put(name, value);
        return this;
    }

    /**
     * Adds a policy that runs once per attempt, just before the transport, after the built-in ones
     * (in the order added).
     *
     * @param policy the policy
     * @return this builder
     */
    public ApiClientBuilder policy(CallPolicy policy) {
        policies.add(Objects.requireNonNull(policy, "policy"));
        return this;
    }

    /**
     * Told before each retry. Must not block. Default: none.
     *
     * @param listener the listener
     * @return this builder
     */
    public ApiClientBuilder retryListener(RetryListener listener) {
        this.retryListener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * The client's rate limiter, asked before each attempt of every call ({@link RateLimits}).
     * Default {@link RateLimits#none()}.
     *
     * @param limiter the limiter
     * @return this builder
     */
    public ApiClientBuilder rateLimiter(RateLimiter limiter) {
        this.rateLimiter = Objects.requireNonNull(limiter, "rateLimiter");
        return this;
    }

    /**
     * Observes the client's calls and requests with Micrometer ({@code
     * io.trackflow.core.observation.TrackflowObservations}): metrics and traces, the trace
     * propagation headers sent with each request. Default: nothing is observed, at no cost.
     *
     * @param registry the registry
     * @return this builder
     */
    public ApiClientBuilder observationRegistry(ObservationRegistry registry) {
        this.observationRegistry = Objects.requireNonNull(registry, "observationRegistry");
        return this;
    }

    /**
     * Replaces the naming and tagging of request observations.
     *
     * @param convention the convention
     * @return this builder
     */
    public ApiClientBuilder requestObservationConvention(RequestObservationConvention convention) {
        this.requestConvention = Objects.requireNonNull(convention, "convention");
        return this;
    }

    /**
     * Replaces the naming and tagging of operation observations.
     *
     * @param convention the convention
     * @return this builder
     */
    public ApiClientBuilder operationObservationConvention(OperationObservationConvention convention) {
        this.operationConvention = Objects.requireNonNull(convention, "convention");
        return this;
    }

    /**
     * Told of every response (any status, body not read), on a transport thread: must not block.
     * Default: none.
     *
     * @param listener the listener
     * @return this builder
     */
    public ApiClientBuilder responseListener(Consumer<HttpResponse> listener) {
        this.responseListener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     */
    public ApiClient build() {
        BaseUrls.checkPlainHttp(baseUrl, allowInsecureHttp);
        return new ApiClient(this);
    }
}
