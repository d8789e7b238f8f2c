package io.trackflow.spring.boot;

import io.trackflow.beatpass.BeatPassClient;
import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.core.client.ApiClient;
import io.trackflow.core.http.ReactorNettyTransport;
import io.trackflow.core.retry.RetryPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The {@code trackflow.*} settings of the Spring Boot starter. Every setting has the library's
 * default; only a credential is needed for a client bean to exist ({@code trackflow.beyondwords.api-key}
 * for a {@link BeyondWordsClient}, {@code trackflow.beatpass.token} for a {@link BeatPassClient}; a
 * blank one counts as absent).
 *
 * <p>The settings validate themselves when bound: a bad value fails the application's start with
 * Spring Boot's report naming the property (for instance {@code trackflow.http.connect-timeout} must
 * be positive). The credentials are never shown in that report, in {@code /actuator/configprops}, in
 * {@code /actuator/env} or in a log line.
 */
@ConfigurationProperties("trackflow")
public class TrackflowProperties implements Validator {

    /**
     * The longest one call (one page of a listing, one lookup) may take, its retries and waits
     * included. Default 2 minutes.
     */
    private Duration totalTimeout = ApiClient.DEFAULT_TOTAL_TIMEOUT;

    private final Http http = new Http();

    private final Retry retry = new Retry();

    @NestedConfigurationProperty
    private final BeyondWordsProperties beyondwords = new BeyondWordsProperties();

    @NestedConfigurationProperty
    private final BeatPassProperties beatpass = new BeatPassProperties();

    /** Settings with their defaults; Spring Boot binds {@code trackflow.*} onto them. */
    public TrackflowProperties() {}

    /**
     * The longest one call may take, retries and waits included.
     *
     * @return the total timeout
     */
    public Duration getTotalTimeout() {
        return totalTimeout;
    }

    /**
     * Sets the longest one call may take, retries and waits included.
     *
     * @param totalTimeout positive
     */
    public void setTotalTimeout(Duration totalTimeout) {
        this.totalTimeout = totalTimeout;
    }

    /**
     * The settings of the shared HTTP transport ({@code trackflow.http.*}).
     *
     * @return the HTTP settings
     */
    public Http getHttp() {
        return http;
    }

    /**
     * The retry settings of both clients ({@code trackflow.retry.*}).
     *
     * @return the retry settings
     */
    public Retry getRetry() {
        return retry;
    }

    /**
     * The BeyondWords client's settings ({@code trackflow.beyondwords.*}).
     *
     * @return the BeyondWords settings
     */
    public BeyondWordsProperties getBeyondwords() {
        return beyondwords;
    }

    /**
     * The BeatPass client's settings ({@code trackflow.beatpass.*}).
     *
     * @return the BeatPass settings
     */
    public BeatPassProperties getBeatpass() {
        return beatpass;
    }

    /**
     * Validates {@code TrackflowProperties} only.
     *
     * @param type the type to validate
     * @return whether it is this class
     */
    @Override
    public boolean supports(Class<?> type) {
        return TrackflowProperties.class.isAssignableFrom(type);
    }

    /**
     * Rejects the values the clients would refuse, each under its own property (see {@link
     * PropertyChecks}).
     *
     * @param target the bound settings
     * @param errors where the rejections go
     */
    @Override
    public void validate(Object target, Errors errors) {
        PropertyChecks.check((TrackflowProperties) target, errors);
    }

    /** {@code trackflow.http.*}: the one Reactor Netty transport both clients share. */
    public static class Http {

        /** How long establishing a connection may take. Default 10 seconds. */
        private Duration connectTimeout = ReactorNettyTransport.DEFAULT_CONNECT_TIMEOUT;

        /**
         * The longest wait for the first byte of a response, or between two reads of its body.
         * Default 30 seconds.
         */
        private Duration responseTimeout = ReactorNettyTransport.DEFAULT_RESPONSE_TIMEOUT;

        /** The size of the connection pool shared by both clients. Default 64. */
        private int maxConnections = ReactorNettyTransport.DEFAULT_MAX_CONNECTIONS;

        /** HTTP settings with their defaults. */
        public Http() {}

        /**
         * The connect timeout.
         *
         * @return the timeout
         */
        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        /**
         * Sets the connect timeout.
         *
         * @param connectTimeout positive
         */
        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        /**
         * The response timeout.
         *
         * @return the timeout
         */
        public Duration getResponseTimeout() {
            return responseTimeout;
        }

        /**
         * Sets the response timeout.
         *
         * @param responseTimeout positive
         */
        public void setResponseTimeout(Duration responseTimeout) {
            this.responseTimeout = responseTimeout;
        }

        /**
         * The connection pool size.
         *
         * @return the size
         */
        public int getMaxConnections() {
            return maxConnections;
        }

        /**
         * Sets the connection pool size.
         *
         * @param maxConnections at least 1
         */
        public void setMaxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
        }
    }

    /** {@code trackflow.retry.*}: when a failed attempt is tried again (both clients). */
    public static class Retry {

        /** Retries after the first attempt; 0 turns retries off. Default 3. */
        private int maxRetries = RetryPolicy.defaults().maxRetries();

        /**
         * The longest Retry-After the clients wait for; a longer one fails the call at once with the
         * server's value. Default 60 seconds.
         */
        private Duration maxRetryAfter = RetryPolicy.defaults().maxRetryAfter();

        /** The backoff bound of the first retry (doubling with each retry, with full jitter). Default 200 ms. */
        private Duration initialBackoff = RetryPolicy.defaults().initialBackoff();

        /** The upper bound of any backoff. Default 10 seconds. */
        private Duration maxBackoff = RetryPolicy.defaults().maxBackoff();

        /** Retry settings with their defaults. */
        public Retry() {}

        /**
         * Retries after the first attempt.
         *
         * @return the count
         */
        public int getMaxRetries() {
            return maxRetries;
        }

        /**
         * Sets the retries after the first attempt.
         *
         * @param maxRetries at least 0
         */
        public void setMaxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
        }

        /**
         * The longest Retry-After waited for.
         *
         * @return the duration
         */
        public Duration getMaxRetryAfter() {
            return maxRetryAfter;
        }

        /**
         * Sets the longest Retry-After waited for.
         *
         * @param maxRetryAfter not negative
         */
        public void setMaxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = maxRetryAfter;
        }

        /**
         * The backoff bound of the first retry.
         *
         * @return the duration
         */
        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        /**
         * Sets the backoff bound of the first retry.
         *
         * @param initialBackoff not negative
         */
        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        /**
         * The upper bound of any backoff.
         *
         * @return the duration
         */
        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        /**
         * Sets the upper bound of any backoff.
         *
         * @param maxBackoff not negative
         */
        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }
    }
}
