package io.trackflow.flink;

import io.trackflow.core.ratelimit.RateLimitStats;
import io.trackflow.core.ratelimit.RateLimiter;
import io.trackflow.core.retry.RetryListener;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;

/**
 * The metrics a reader or a lookup subtask registers in its Flink metric group, under the sub-group
 * {@value #GROUP} (thread-safe counters: they move on Netty threads too). The names are part of the
 * documented behaviour (README, "Apache Flink"):
 *
 * <ul>
 *   <li>{@code records}: tracks emitted;
 *   <li>{@code pages} (source) or {@code requests} (lookups): listing pages received, lookups started;
 *   <li>{@code retries}: attempts the client's retry policy repeated;
 *   <li>{@code errors}: calls that failed after the retries (the source then fails over);
 *   <li>{@code missing}, {@code timeouts} (lookups): ids skipped as 404/410, lookups cut by Flink's
 *       async timeout or the client's total timeout (capped at it);
 *   <li>gauges {@code rateLimitWaits} (calls the rate limiter held), {@code rateLimitWaitMillis}
 *       (their total wait) and {@code rateLimitWaiting} (calls waiting now).
 * </ul>
 */
final class TrackflowMetrics {

    /** The sub-group every metric is registered in. */
    static final String GROUP = "trackflow";

    final Counter records;
    final Counter calls;
    final Counter retries;
    final Counter errors;
    final Counter missing;
    final Counter timeouts;

    private TrackflowMetrics(MetricGroup parent, String callsName, boolean lookups, RateLimiter limiter) {
        MetricGroup g = parent.addGroup(GROUP);
        records = g.counter("records", new ThreadSafeSimpleCounter());
        calls = g.counter(callsName, new ThreadSafeSimpleCounter());
        retries = g.counter("retries", new ThreadSafeSimpleCounter());
        errors = g.counter("errors", new ThreadSafeSimpleCounter());
        missing = lookups ? g.counter("missing", new ThreadSafeSimpleCounter()) : new ThreadSafeSimpleCounter();
        timeouts = lookups ? g.counter("timeouts", new ThreadSafeSimpleCounter()) : new ThreadSafeSimpleCounter();
        g.gauge("rateLimitWaits", (Gauge<Long>) () -> stats(limiter).callsHeld());
        g.gauge("rateLimitWaitMillis", (Gauge<Long>)
                () -> stats(limiter).timeWaited().toMillis());
        g.gauge("rateLimitWaiting", (Gauge<Integer>) () -> stats(limiter).waiting());
    }

    /** A source reader's metrics: {@code records}, {@code pages}, retries, errors, rate-limit waits. */
    static TrackflowMetrics forSource(MetricGroup parent, RateLimiter limiter) {
        return new TrackflowMetrics(parent, "pages", false, limiter);
    }

    /** A lookup subtask's metrics: {@code records}, {@code requests}, retries, errors, missing, timeouts. */
    static TrackflowMetrics forLookups(MetricGroup parent, RateLimiter limiter) {
        return new TrackflowMetrics(parent, "requests", true, limiter);
    }

    /** Counts the client's retries. */
    RetryListener retryListener() {
        return (attempt, error, delay) -> retries.inc();
    }

    private static RateLimitStats stats(RateLimiter limiter) {
        return limiter.stats();
    }
}
