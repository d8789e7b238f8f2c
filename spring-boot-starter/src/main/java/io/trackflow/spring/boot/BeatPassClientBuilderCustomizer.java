package io.trackflow.spring.boot;

import io.trackflow.beatpass.BeatPassClient;

/**
 * Adjusts the builder of the auto-configured {@link BeatPassClient} after the {@code trackflow.*}
 * settings are applied (a rate-limit listener, a retry listener, ...). Every
 * bean of this type is applied, in {@code @Order}.
 */
@FunctionalInterface
public interface BeatPassClientBuilderCustomizer {

    /**
     * Customizes the builder.
     *
     * @param builder the builder, the settings applied
     */
    void customize(BeatPassClient.Builder builder);
}
