package io.trackflow.spring.boot;

import io.trackflow.beyondwords.BeyondWordsClient;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/** {@code trackflow.beyondwords.*}: the {@link BeyondWordsClient} bean's settings. */
public class BeyondWordsProperties {

    /**
     * The BeyondWords API key, sent as X-Api-Key. The client bean exists only when it is set (a blank
     * key counts as absent). Never shown by the actuator endpoints or in logs.
     */
    private @Nullable String apiKey;

    /** The API's base URL; may carry a path. Default https://api.beyondwords.io/v1. */
    private String baseUrl = "https://api.beyondwords.io/v1"; // BeyondWordsClient.DEFAULT_BASE_URL

    /** Client-side pacing. Default: none (BeyondWords documents no limit). */
    @NestedConfigurationProperty
    private final RateLimitProperties rateLimit = new RateLimitProperties();

    /** BeyondWords settings with their defaults. */
    public BeyondWordsProperties() {}

    /**
     * The API key, if set.
     *
     * @return the key, or null
     */
    public @Nullable String getApiKey() {
        return apiKey;
    }

    /**
     * Sets the API key.
     *
     * @param apiKey the key
     */
    public void setApiKey(@Nullable String apiKey) {
        this.apiKey = apiKey;
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
        return "BeyondWordsProperties{baseUrl=" + baseUrl + ", apiKey=****}";
    }
}
