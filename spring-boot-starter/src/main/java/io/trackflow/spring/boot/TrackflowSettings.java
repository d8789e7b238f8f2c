package io.trackflow.spring.boot;

import io.trackflow.core.ClientConfig;
import io.trackflow.core.http.ReactorNettyTransport;
import io.trackflow.core.ratelimit.RateLimiter;
import io.trackflow.core.ratelimit.RateLimits;
import io.trackflow.core.retry.RetryPolicy;
import java.time.Duration;

/** Turns the bound {@link TrackflowProperties} into the library's own option values. */
final class TrackflowSettings {

    private TrackflowSettings() {}

    /**
     * The options of one client: base URL (and whether it may be plain http to any host), retry policy,
     * total timeout, and the transport timeouts and pool size (informative only: the clients share the
     * transport built by {@link #transport}).
     */
    static ClientConfig clientConfig(TrackflowProperties p, ProviderProperties provider) {
        TrackflowProperties.Http http = p.getHttp();
        return ClientConfig.builder()
                .baseUrl(ClientConfig.parseBaseUrl(provider.getBaseUrl()))
                .allowInsecureHttp(provider.isAllowInsecureHttp())
                .retryPolicy(retryPolicy(p.getRetry()))
                .totalTimeout(p.getTotalTimeout())
                .connectTimeout(http.getConnectTimeout())
                .responseTimeout(http.getResponseTimeout())
                .maxConnections(http.getMaxConnections())
                .build();
    }

    static RetryPolicy retryPolicy(TrackflowProperties.Retry r) {
        return RetryPolicy.builder()
                .maxRetries(r.getMaxRetries())
                .maxRetryAfter(r.getMaxRetryAfter())
                .initialBackoff(r.getInitialBackoff())
                .maxBackoff(r.getMaxBackoff())
                .build();
    }

    static ReactorNettyTransport transport(TrackflowProperties.Http http) {
        return ReactorNettyTransport.builder()
                .connectTimeout(http.getConnectTimeout())
                .responseTimeout(http.getResponseTimeout())
                .maxConnections(http.getMaxConnections())
                .build();
    }

    /** A new limiter (one per client, so that each has a budget of its own). */
    static RateLimiter rateLimiter(RateLimitProperties r, RateLimitProperties.Mode providerDefault) {
        switch (r.effectiveMode(providerDefault)) {
            case HEADERS:
                return RateLimits.fromHeaders();
            case FIXED:
                Integer requests = r.getRequests();
                if (requests == null) { // rejected when the properties were bound; a guard for hand-made ones
                    throw new IllegalArgumentException("rate-limit.requests is required with mode=fixed");
                }
                Duration per = r.getPer();
                return RateLimits.fixed(requests, per);
            case NONE:
            default:
                return RateLimits.none();
        }
    }
}
