package io.trackflow.spring.boot;

import io.trackflow.beyondwords.BeyondWordsClient;
import org.jspecify.annotations.Nullable;

/** {@code trackflow.beyondwords.*}: the {@link BeyondWordsClient} bean's settings. */
public class BeyondWordsProperties extends ProviderProperties {

    /**
     * The BeyondWords API key, sent as X-Api-Key. The client bean exists only when it is set (a blank
     * key counts as absent). Never shown by the actuator endpoints or in logs.
     */
    private @Nullable String apiKey;

    /** BeyondWords settings with their defaults (base URL {@link BeyondWordsClient#DEFAULT_BASE_URL}). */
    public BeyondWordsProperties() {
        super(BeyondWordsClient.DEFAULT_BASE_URL);
    }

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

    @Override
    String credentialName() {
        return "apiKey";
    }
}
