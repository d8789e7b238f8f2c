package io.trackflow.testkit;

import java.math.RoundingMode;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The options both fake servers share: where they listen, what they record, compression, the rate
 * limit and its headers, the server's clock, and headers to leave out. Each fake's {@code Builder}
 * extends it with the options of its provider.
 *
 * @param <B> the concrete builder, returned by every option for chaining
 */
public abstract class FakeServerBuilder<B extends FakeServerBuilder<B>> {

    int port;
    boolean recording = true;
    boolean gzip;
    int rateLimit;

    @Nullable
    Duration rateLimitWindow;

    boolean rateLimitHeaders;
    boolean resetAsDelta;
    RoundingMode resetRounding = RoundingMode.CEILING;
    Duration clockSkew = Duration.ZERO;
    final Set<String> omittedHeaders = new LinkedHashSet<>();
    /** The largest page the lists serve (each fake's {@code maxPageSize} documents it). */
    int maxPageSize = 50;

    FakeServerBuilder() {}

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** Sets {@link #maxPageSize}: at least 1. */
    B pageSizeLimit(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxPageSize must be >= 1, was " + max);
        }
        this.maxPageSize = max;
        return self();
    }

    /**
     * The loopback port to listen on. Default 0: a free port.
     *
     * @param port 0..65535
     * @return this
     */
    public B port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be within 0..65535, was " + port);
        }
        this.port = port;
        return self();
    }

    /**
     * Whether requests are kept for {@code requests()}. Default true; turn off for long load runs
     * (benchmarks), where the log would grow without bound. {@code requestCount()} and {@code
     * rateLimitedCount()} count either way.
     *
     * @param record on or off
     * @return this
     */
    public B recordRequests(boolean record) {
        this.recording = record;
        return self();
    }

    /**
     * Whether to gzip responses for clients that send {@code Accept-Encoding: gzip}. Default false.
     *
     * @param gzip on or off
     * @return this
     */
    public B gzip(boolean gzip) {
        this.gzip = gzip;
        return self();
    }

    /**
     * Limits requests the way Laravel's {@code throttle} does: a fixed window of {@code window} opens
     * at the first request after the previous window ended; at most {@code limit} requests are
     * answered in it and the others get {@code 429} with {@code Retry-After} (whole seconds until the
     * window ends, rounded up, at least 1). A refused request is not counted, nor is one answered by
     * an injected fault. One window serves every caller (they all come from loopback). Defaults:
     * BeatPass 300 per minute, BeyondWords none.
     *
     * @param limit requests per window, at least 1
     * @param window the window's length, positive (sub-second windows are allowed)
     * @return this
     */
    public B rateLimit(int limit, Duration window) {
        Objects.requireNonNull(window, "window");
        if (limit < 1) {
            throw new IllegalArgumentException("rateLimit limit must be >= 1, was " + limit);
        }
        if (window.isNegative() || window.isZero() || window.compareTo(Duration.ofDays(365)) > 0) {
            throw new IllegalArgumentException("rateLimit window must be within (0, 365 days], was " + window);
        }
        this.rateLimit = limit;
        this.rateLimitWindow = window;
        return self();
    }

    /**
     * The same as {@code rateLimit(limit, Duration.ofMinutes(1))}.
     *
     * @param limit requests per minute, at least 1
     * @return this
     */
    public B rateLimitPerMinute(int limit) {
        return rateLimit(limit, Duration.ofMinutes(1));
    }

    /**
     * Whether {@code X-RateLimit-Reset} is sent as the number of seconds until the window ends
     * (rounded up) instead of the unix epoch second at which it ends (rounded up), as some
     * deployments do. Default false: epoch seconds.
     *
     * @param delta on or off
     * @return this
     */
    public B rateLimitResetAsDelta(boolean delta) {
        this.resetAsDelta = delta;
        return self();
    }

    /**
     * How {@code X-RateLimit-Reset} is rounded to the whole second. Default {@link
     * RoundingMode#CEILING}: the epoch reset is the first second at or after the window's end (and a
     * seconds-until-reset value is rounded up), so the window is always over when the reset says, which
     * is kinder than a real server. {@link RoundingMode#FLOOR} is what Laravel's {@code throttle} sends
     * (its worst case: a cache whose keys expire to the millisecond, as Redis does): the window's
     * timer is {@code time() + decay} in whole seconds while the window itself ends {@code decay}
     * seconds after the instant it opened, so the epoch reset is the window's end floored to the
     * second and the window runs on for up to a second after it; a seconds-until-reset value is that
     * second minus the current one ({@code availableIn}, which may be 0). Either way windows open at the
     * first request after the previous one ended, at any sub-second instant, the {@code Date} header is
     * floored to the second, and {@code Retry-After} stays rounded up (at least 1). The reset is
     * worked out as the answer is written, from the time the window had left when the request was
     * counted: an answer written late (a cold JVM) may name a later second than the window's others.
     *
     * @param rounding {@link RoundingMode#CEILING} or {@link RoundingMode#FLOOR}
     * @return this
     */
    public B rateLimitResetRounding(RoundingMode rounding) {
        Objects.requireNonNull(rounding, "rounding");
        if (rounding != RoundingMode.CEILING && rounding != RoundingMode.FLOOR) {
            throw new IllegalArgumentException("rateLimitResetRounding must be CEILING or FLOOR, was " + rounding);
        }
        this.resetRounding = rounding;
        return self();
    }

    /**
     * How far the server's clock is off the real one: its {@code Date} header and the epoch {@code
     * X-RateLimit-Reset} are shifted by this much (the windows themselves run on real time, and
     * {@code Retry-After} is a number of seconds, so it is not affected). Default zero.
     *
     * @param skew positive: the server is ahead; negative: behind
     * @return this
     */
    public B clockSkew(Duration skew) {
        this.clockSkew = Objects.requireNonNull(skew, "skew");
        return self();
    }

    /**
     * Headers stripped from every response, whatever answered it (the routes, the rate limit or a
     * fault), e.g. {@code X-Pagination-OffSet} or {@code X-RateLimit-Reset}. Names are matched
     * ignoring case; repeated calls add up. Default none.
     *
     * @param names header names
     * @return this
     */
    public B omitHeaders(String... names) {
        for (String n : names) {
            omittedHeaders.add(Objects.requireNonNull(n, "header name").toLowerCase(Locale.ROOT));
        }
        return self();
    }
}
