package io.trackflow.spring.boot;

import io.trackflow.core.ClientConfig;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * The checks behind {@link TrackflowProperties#validate}: each rejection is filed under the property's
 * own (dashed) name below {@code trackflow}, so that Spring Boot's failure report shows it as written,
 * with the value and where it came from ({@code Property: trackflow.http.connect-timeout}, {@code
 * Value: "-5s"}, {@code Origin: ...}). A credential is only checked for an unresolved placeholder,
 * reported without its value.
 */
final class PropertyChecks {

    private PropertyChecks() {}

    static void check(TrackflowProperties p, Errors errors) {
        positive(p.getTotalTimeout(), "total-timeout", errors);
        TrackflowProperties.Http http = p.getHttp();
        positive(http.getConnectTimeout(), "http.connect-timeout", errors);
        positive(http.getResponseTimeout(), "http.response-timeout", errors);
        if (http.getMaxConnections() < 1) {
            errors.rejectValue("http.max-connections", "trackflow.atLeast", "must be at least 1");
        }
        TrackflowProperties.Retry retry = p.getRetry();
        if (retry.getMaxRetries() < 0) {
            errors.rejectValue("retry.max-retries", "trackflow.atLeast", "must be at least 0 (0 turns retries off)");
        }
        notNegative(retry.getMaxRetryAfter(), "retry.max-retry-after", errors);
        notNegative(retry.getInitialBackoff(), "retry.initial-backoff", errors);
        notNegative(retry.getMaxBackoff(), "retry.max-backoff", errors);
        baseUrl(p.getBeyondwords(), "beyondwords.", errors);
        baseUrl(p.getBeatpass(), "beatpass.", errors);
        rateLimit(p.getBeyondwords().getRateLimit(), "beyondwords.rate-limit.", errors);
        rateLimit(p.getBeatpass().getRateLimit(), "beatpass.rate-limit.", errors);
        unresolved(p.getBeyondwords().getApiKey(), SecretProperties.BEYONDWORDS_API_KEY, errors);
        unresolved(p.getBeatpass().getToken(), SecretProperties.BEATPASS_TOKEN, errors);
    }

    /**
     * A credential that is still a placeholder (Spring Boot binds {@code ${BEYONDWORDS_API_KEY}} as it
     * is when nothing defines the variable) would be sent as the credential. Reported as an error of
     * the whole object, so that the report names the property but never shows its value.
     */
    private static void unresolved(@Nullable String credential, String property, Errors errors) {
        if (credential != null && credential.contains("${")) {
            errors.reject(
                    "trackflow.unresolvedPlaceholder",
                    property + " holds an unresolved placeholder: define the variable it names, or give it an"
                            + " empty default (${NAME:}) to run without this client");
        }
    }

    private static void positive(@Nullable Duration d, String field, Errors errors) {
        if (d == null || d.isNegative() || d.isZero()) {
            errors.rejectValue(field, "trackflow.positive", "must be positive");
        }
    }

    private static void notNegative(@Nullable Duration d, String field, Errors errors) {
        if (d == null || d.isNegative()) {
            errors.rejectValue(field, "trackflow.notNegative", "must not be negative");
        }
    }

    /**
     * The provider's base URL, as its client will take it (with its {@code allow-insecure-http}). A URL
     * that may hold a secret (user-info, a query) is reported without its value, under the property's name.
     */
    private static void baseUrl(ProviderProperties provider, String prefix, Errors errors) {
        String field = prefix + "base-url";
        String url = provider.getBaseUrl();
        if (url == null) {
            errors.rejectValue(field, "trackflow.baseUrl", "must be set");
            return;
        }
        try {
            ClientConfig.builder()
                    .baseUrl(ClientConfig.parseBaseUrl(url))
                    .allowInsecureHttp(provider.isAllowInsecureHttp())
                    .build();
        } catch (IllegalArgumentException e) {
            String reason = String.valueOf(e.getMessage());
            if (reason.contains("allowInsecureHttp")) {
                reason += "; here: trackflow." + prefix + "allow-insecure-http=true";
            }
            if (url.indexOf('@') >= 0 || url.indexOf('?') >= 0 || url.indexOf('#') >= 0) {
                errors.reject("trackflow.baseUrl", "trackflow." + field + ": " + reason);
            } else {
                errors.rejectValue(field, "trackflow.baseUrl", reason);
            }
        }
    }

    private static void rateLimit(RateLimitProperties r, String prefix, Errors errors) {
        positive(r.getPer(), prefix + "per", errors);
        Integer requests = r.getRequests();
        if (requests != null && requests < 1) {
            errors.rejectValue(prefix + "requests", "trackflow.atLeast", "must be at least 1");
        }
        RateLimitProperties.Mode mode = r.getMode();
        if (mode == RateLimitProperties.Mode.FIXED && requests == null) {
            errors.rejectValue(prefix + "requests", "trackflow.required", "is required with mode=fixed");
        } else if (mode != null && mode != RateLimitProperties.Mode.FIXED && requests != null) {
            errors.rejectValue(
                    prefix + "requests", "trackflow.unused", "applies to mode=fixed only, the mode is " + mode);
        }
    }
}
