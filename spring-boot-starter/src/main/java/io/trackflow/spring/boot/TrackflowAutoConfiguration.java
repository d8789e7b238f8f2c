package io.trackflow.spring.boot;

import io.micrometer.observation.ObservationRegistry;
import io.trackflow.beatpass.BeatPassClient;
import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.core.ProviderClientBuilder;
import io.trackflow.core.http.HttpTransport;
import io.trackflow.core.http.ReactorNettyTransport;
import io.trackflow.core.json.jackson3.TrackflowJackson3Module;
import io.trackflow.core.observation.OperationObservationConvention;
import io.trackflow.core.observation.RequestObservationConvention;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of trackflow: one shared {@link ReactorNettyTransport} ({@code trackflow.http.*}),
 * a {@link BeyondWordsClient} when {@code trackflow.beyondwords.api-key} is set and a {@link
 * BeatPassClient} when {@code trackflow.beatpass.token} is set, each unless the application defines
 * its own bean of that type. The clients are observed through the application's {@link
 * ObservationRegistry} when it has one (metrics and traces: {@code trackflow.client.requests}, ...),
 * and adjusted by every {@link BeyondWordsClientBuilderCustomizer} / {@link
 * BeatPassClientBuilderCustomizer} bean.
 *
 * <p>Shutdown: the clients do not own the shared transport (their {@code close()} has nothing to
 * free); the context closes the transport, which frees its connection pool, waiting at most 10 s on
 * the thread closing the context, or in the background when that thread is a Reactor or Netty one.
 * With Jackson 3 (Boot 4's JSON), trackflow's {@link TrackflowJackson3Module} is a bean, so the application's
 * mapper writes and reads the models as the provider does. With the actuator, a {@link SanitizingFunction} hides the credentials in {@code /actuator/configprops}
 * and {@code /actuator/env}, whatever {@code show-values} says.
 */
@AutoConfiguration
@EnableConfigurationProperties(TrackflowProperties.class)
public class TrackflowAutoConfiguration {

    /** Created by Spring Boot's auto-configuration. */
    public TrackflowAutoConfiguration() {}

    /**
     * The transport both clients share.
     *
     * @param properties the settings
     * @return the transport, closed with the context
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(HttpTransport.class)
    public ReactorNettyTransport trackflowHttpTransport(TrackflowProperties properties) {
        return TrackflowSettings.transport(properties.getHttp());
    }

    /**
     * The BeyondWords client.
     *
     * @param properties the settings
     * @param transport the shared transport
     * @param observationRegistry the application's registry, if there is exactly one
     * @param requestConvention a replacement request observation convention, if any
     * @param operationConvention a replacement operation observation convention, if any
     * @param customizers the customizers
     * @return the client
     */
    @Bean
    @ConditionalOnMissingBean
    @Conditional(OnCredentialCondition.BeyondWordsApiKey.class)
    public BeyondWordsClient beyondWordsClient(
            TrackflowProperties properties,
            HttpTransport transport,
            ObjectProvider<ObservationRegistry> observationRegistry,
            ObjectProvider<RequestObservationConvention> requestConvention,
            ObjectProvider<OperationObservationConvention> operationConvention,
            ObjectProvider<BeyondWordsClientBuilderCustomizer> customizers) {
        BeyondWordsProperties p = properties.getBeyondwords();
        BeyondWordsClient.Builder b = BeyondWordsClient.builder().apiKey(p.getApiKey());
        configure(b, properties, p, RateLimitProperties.Mode.NONE, transport);
        observe(b, observationRegistry, requestConvention, operationConvention);
        customizers.orderedStream().forEach(c -> c.customize(b));
        return b.build();
    }

    /**
     * The BeatPass client.
     *
     * @param properties the settings
     * @param transport the shared transport
     * @param observationRegistry the application's registry, if there is exactly one
     * @param requestConvention a replacement request observation convention, if any
     * @param operationConvention a replacement operation observation convention, if any
     * @param customizers the customizers
     * @return the client
     */
    @Bean
    @ConditionalOnMissingBean
    @Conditional(OnCredentialCondition.BeatPassToken.class)
    public BeatPassClient beatPassClient(
            TrackflowProperties properties,
            HttpTransport transport,
            ObjectProvider<ObservationRegistry> observationRegistry,
            ObjectProvider<RequestObservationConvention> requestConvention,
            ObjectProvider<OperationObservationConvention> operationConvention,
            ObjectProvider<BeatPassClientBuilderCustomizer> customizers) {
        BeatPassProperties p = properties.getBeatpass();
        BeatPassClient.Builder b = BeatPassClient.builder().token(p.getToken());
        configure(b, properties, p, RateLimitProperties.Mode.HEADERS, transport);
        observe(b, observationRegistry, requestConvention, operationConvention);
        customizers.orderedStream().forEach(c -> c.customize(b));
        return b.build();
    }

    /** The settings both clients take: the shared ones, the provider's base URL and pacing, the transport. */
    private static void configure(
            ProviderClientBuilder<?> b,
            TrackflowProperties properties,
            ProviderProperties provider,
            RateLimitProperties.Mode defaultPacing,
            HttpTransport transport) {
        b.config(TrackflowSettings.clientConfig(properties, provider))
                .transport(transport)
                .rateLimiter(TrackflowSettings.rateLimiter(provider.getRateLimit(), defaultPacing));
    }

    private static void observe(
            ProviderClientBuilder<?> b,
            ObjectProvider<ObservationRegistry> registry,
            ObjectProvider<RequestObservationConvention> requestConvention,
            ObjectProvider<OperationObservationConvention> operationConvention) {
        registry.ifUnique(r -> {
            b.observationRegistry(r);
            requestConvention.ifUnique(b::requestObservationConvention);
            operationConvention.ifUnique(b::operationObservationConvention);
        });
    }

    /**
     * trackflow's Jackson 3 module as a bean, which Spring Boot adds to the application's {@code JsonMapper}
     * (Boot's convention for modules): the service's own JSON writes and reads trackflow's models as the
     * provider sends them. Nothing else of the mapper changes.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "tools.jackson.databind.JacksonModule")
    static class JacksonConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TrackflowJackson3Module trackflowJacksonModule() {
            return new TrackflowJackson3Module();
        }
    }

    /**
     * Reads a {@code PageCursor} from its text where Spring converts a request's strings (an endpoint's
     * {@code @RequestParam PageCursor after}).
     *
     * @return the converter
     */
    @Bean
    @ConditionalOnMissingBean
    PageCursorConverter trackflowPageCursorConverter() {
        return new PageCursorConverter();
    }

    /** Hides the credentials in the actuator's {@code configprops} and {@code env} endpoints. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SanitizingFunction.class)
    static class ActuatorConfiguration {

        @Bean
        SanitizingFunction trackflowCredentialsSanitizingFunction(Environment environment) {
            SecretProperties secrets = new SecretProperties(environment);
            return data -> secrets.isSecret(data.getKey(), data.getValue()) ? data.withSanitizedValue() : data;
        }
    }
}
