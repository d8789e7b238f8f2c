package io.trackflow.spring.boot;

import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * What the settings of both providers' client beans share: the base URL and the pacing. Each
 * provider's subclass adds its credential and starts the base URL at its client's default.
 */
public abstract class ProviderProperties {

    /** The API's base URL; may carry a path. Default: the provider's public API. */
    private String baseUrl;

    /**
     * Whether the credential may be sent over plain {@code http} to a host that is not loopback (a sidecar,
     * a fake in a container network). Default false: plain {@code http} only to a loopback host.
     */
    private boolean allowInsecureHttp;

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
     * @param baseUrl an absolute https URL (http only to a loopback host, unless {@code allow-insecure-http})
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * Whether plain {@code http} to a non-loopback host is allowed.
     *
     * @return the setting (default false)
     */
    public boolean isAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    /**
     * Allows (or not) plain {@code http} to a non-loopback host: the credential then travels in clear.
     *
     * @param allowInsecureHttp whether to allow it
     */
    public void setAllowInsecureHttp(boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
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
