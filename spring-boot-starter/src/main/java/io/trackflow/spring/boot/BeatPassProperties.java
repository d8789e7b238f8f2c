package io.trackflow.spring.boot;

import io.trackflow.beatpass.BeatPassClient;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/** {@code trackflow.beatpass.*}: the {@link BeatPassClient} bean's settings. */
public class BeatPassProperties {

    /**
     * The BeatPass API token, sent as a bearer token. The client bean exists only when it is set (a
     * blank token counts as absent). Never shown by the actuator endpoints or in logs.
     */
    private @Nullable String token;

    /** The API's base URL; may carry a path. Default https://open.beatpass.ca/api/v1. */
    private String baseUrl = "https://open.beatpass.ca/api/v1"; // BeatPassClient.DEFAULT_BASE_URL

    /** Pacing. Default: by the server's X-RateLimit-* headers. */
    @NestedConfigurationProperty
    private final RateLimitProperties rateLimit = new RateLimitProperties();

    /** BeatPass settings with their defaults. */
    public BeatPassProperties() {}

    /**
     * The token, if set.
     *
     * @return the token, or null
     */
    public @Nullable String getToken() {
        return token;
    }

    /**
     * Sets the token.
     *
     * @param token the token
     */
    public void setToken(@Nullable String token) {
        this.token = token;
    }

    /**
     * The base URL.
     *
     * @return the URL
     */
    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * Sets the base URL.
     *
     * @param baseUrl an absolute https URL (http only to a loopback host)
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * The pacing settings.
     *
     * @return the rate-limit settings
     */
    public RateLimitProperties getRateLimit() {
        return rateLimit;
    }

    @Override
    public String toString() {
        return "BeatPassProperties{baseUrl=" + baseUrl + ", token=****}";
    }
}
