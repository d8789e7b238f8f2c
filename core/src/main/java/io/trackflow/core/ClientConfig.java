package io.trackflow.core;

import io.trackflow.core.client.ApiClient;
import io.trackflow.core.http.ReactorNettyTransport;
import io.trackflow.core.internal.BaseUrls;
import io.trackflow.core.internal.Checks;
import io.trackflow.core.retry.RetryPolicy;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * Options every trackflow client shares, validated when built (before any I/O). A serializable
 * value: ship it to where clients are built (a Flink job's workers, a configuration service).
 *
 * <p>The base URL must be an absolute {@code https} URL (or {@code http} to a loopback host, or to
 * any host when {@link #allowInsecureHttp()} is set, since credentials would travel in clear
 * text); it may carry a path ({@code https://api.example.com/v1}) but no user-info, query or
 * fragment.
 */
@Value.Immutable
public abstract class ClientConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    ClientConfig() {}

    /** The base URL, without a trailing slash. */
    public abstract URI baseUrl();

    /** The retry policy. Default {@link RetryPolicy#defaults()}. */
    @Value.Default
    public RetryPolicy retryPolicy() {
        return RetryPolicy.defaults();
    }

    /** The longest a call may take, retries and their waits included. Default 2 minutes. */
    @Value.Default
    public Duration totalTimeout() {
        return ApiClient.DEFAULT_TOTAL_TIMEOUT;
    }

    /** Connect timeout of the transport a client creates for itself. Default 10 s. */
    @Value.Default
    public Duration connectTimeout() {
        return ReactorNettyTransport.DEFAULT_CONNECT_TIMEOUT;
    }

    /**
     * Response timeout of the transport a client creates for itself: the longest wait for the first
     * byte of a response or between two reads of its body. Default 30 s.
     */
    @Value.Default
    public Duration responseTimeout() {
        return ReactorNettyTransport.DEFAULT_RESPONSE_TIMEOUT;
    }

    /** Connection pool size of the transport a client creates for itself. Default 64. */
    @Value.Default
    public int maxConnections() {
        return ReactorNettyTransport.DEFAULT_MAX_CONNECTIONS;
    }

    /** Whether credentials may be sent over plain {@code http} to a non-loopback host. Default false. */
    @Value.Default
    public boolean allowInsecureHttp() {
        return false;
    }

    @Value.Check
    final ClientConfig check() {
        URI base = BaseUrls.normalized(baseUrl());
        BaseUrls.checkPlainHttp(base, allowInsecureHttp());
        Checks.positive(totalTimeout(), "totalTimeout");
        Checks.positive(connectTimeout(), "connectTimeout");
        Checks.positive(responseTimeout(), "responseTimeout");
        Checks.atLeast(maxConnections(), 1, "maxConnections");
        return base == baseUrl() ? this : builder().from(this).baseUrl(base).build();
    }

    /**
     * Parses and checks a base URL (see the class comment).
     *
     * @param baseUrl the URL text
     * @return the URI
     * @throws IllegalArgumentException naming {@code baseUrl} when it is not acceptable
     */
    public static URI parseBaseUrl(String baseUrl) {
        return BaseUrls.parse(baseUrl);
    }

    /**
     * Whether a host name is a loopback name or literal, judged without any DNS lookup.
     *
     * @param host the host
     * @return whether it is loopback
     */
    public static boolean isLoopback(String host) {
        return BaseUrls.isLoopback(host);
    }

    /**
     * The defaults with another base URL.
     *
     * @param baseUrl an absolute https URL (http only to a loopback host)
     * @return the config
     * @throws IllegalArgumentException naming {@code baseUrl} when it is not acceptable
     */
    public static ClientConfig of(String baseUrl) {
        return builder().baseUrl(parseBaseUrl(baseUrl)).build();
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ClientConfig} values. */
    public static final class Builder extends ImmutableClientConfig.Builder {
        Builder() {}
    }
}
