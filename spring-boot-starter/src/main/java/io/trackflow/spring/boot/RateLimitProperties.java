package io.trackflow.spring.boot;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * {@code trackflow.<provider>.rate-limit.*}: how a client paces its requests, with one limiter per
 * client asked before every attempt (see {@code io.trackflow.core.ratelimit.RateLimits}).
 *
 * <pre>
 * trackflow.beyondwords.rate-limit.requests=10     # mode fixed: at most 10 requests a second
 * trackflow.beyondwords.rate-limit.per=1s
 * trackflow.beatpass.rate-limit.mode=none          # BeatPass paces by its headers unless told otherwise
 * </pre>
 */
public class RateLimitProperties {

    /** How a client paces its requests. */
    public enum Mode {
        /** By the server's {@code X-RateLimit-Limit/Remaining/Reset} figures (BeatPass's default). */
        HEADERS,
        /** At most {@code requests} in any interval of {@code per}, on the client side. */
        FIXED,
        /** No pacing (BeyondWords's default: it documents no limit). */
        NONE
    }

    /**
     * How the client paces its requests: headers, fixed or none. Default: fixed when requests is set,
     * otherwise the provider's (headers for BeatPass, none for BeyondWords).
     */
    private @Nullable Mode mode;

    /** Requests allowed in any interval of 'per' (mode fixed; setting it alone selects that mode). */
    private @Nullable Integer requests;

    /** The interval of a fixed limit. Default 1 second. */
    private Duration per = Duration.ofSeconds(1);

    /** Rate-limit settings with their defaults. */
    public RateLimitProperties() {}

    /**
     * The mode, if set.
     *
     * @return the mode, or null for the default
     */
    public @Nullable Mode getMode() {
        return mode;
    }

    /**
     * Sets the mode.
     *
     * @param mode the mode, or null for the default
     */
    public void setMode(@Nullable Mode mode) {
        this.mode = mode;
    }

    /**
     * The requests allowed per interval (mode fixed), if set.
     *
     * @return the count, or null
     */
    public @Nullable Integer getRequests() {
        return requests;
    }

    /**
     * Sets the requests allowed per interval (mode fixed).
     *
     * @param requests at least 1
     */
    public void setRequests(@Nullable Integer requests) {
        this.requests = requests;
    }

    /**
     * The interval of a fixed limit.
     *
     * @return the interval
     */
    public Duration getPer() {
        return per;
    }

    /**
     * Sets the interval of a fixed limit.
     *
     * @param per positive
     */
    public void setPer(Duration per) {
        this.per = per;
    }

    /**
     * The mode in force: the one set, else fixed when {@link #getRequests() requests} is set, else the
     * provider's.
     *
     * @param providerDefault the provider's mode
     * @return the mode
     */
    public Mode effectiveMode(Mode providerDefault) {
        if (mode != null) {
            return mode;
        }
        return requests != null ? Mode.FIXED : providerDefault;
    }
}
