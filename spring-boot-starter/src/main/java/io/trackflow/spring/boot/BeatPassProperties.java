package io.trackflow.spring.boot;

import io.trackflow.beatpass.BeatPassClient;
import org.jspecify.annotations.Nullable;

/** {@code trackflow.beatpass.*}: the {@link BeatPassClient} bean's settings. */
public class BeatPassProperties extends ProviderProperties {

    /**
     * The BeatPass API token, sent as a bearer token. The client bean exists only when it is set (a
     * blank token counts as absent). Never shown by the actuator endpoints or in logs.
     */
    private @Nullable String token;

    /** BeatPass settings with their defaults (base URL {@link BeatPassClient#DEFAULT_BASE_URL}). */
    public BeatPassProperties() {
        super(BeatPassClient.DEFAULT_BASE_URL);
    }

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

    @Override
    String credentialName() {
        return "token";
    }
}
