package io.trackflow.spring.boot;

import io.trackflow.beyondwords.BeyondWordsClient;

/**
 * Adjusts the builder of the auto-configured {@link BeyondWordsClient} after the {@code trackflow.*}
 * settings are applied (a retry listener, your own rate limiter, observation conventions, ...). Every
 * bean of this type is applied, in {@code @Order}.
 */
@FunctionalInterface
public interface BeyondWordsClientBuilderCustomizer {

    /**
     * Customizes the builder.
     *
     * @param builder the builder, the settings applied
     */
    void customize(BeyondWordsClient.Builder builder);
}
