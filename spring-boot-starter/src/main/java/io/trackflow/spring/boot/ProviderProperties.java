package io.trackflow.spring.boot;

import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * What the settings of both providers' client beans share: the base URL and the pacing. Each
 * provider's subclass adds its credential and starts the base URL at its client's default.
 */
public abstract class ProviderProperties {

    /** The API's base URL; may carry a path. Default: the provider's public API. */
    private String baseUrl;

    /** Pacing. Default: the provider's (BeatPass: by the server's X-RateLimit-* headers; BeyondWords: none). */
    @NestedConfigurationProperty
    private final RateLimitProperties rateLimit = new RateLimitProperties();

    ProviderProperties(String defaultBaseUrl) {
        this.baseUrl = defaultBaseUrl;
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

    /** The name of the provider's credential property, shown as {@code ****} by {@link #toString()}. */
    abstract String credentialName();

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{baseUrl=" + baseUrl + ", " + credentialName() + "=****}";
    }
}
