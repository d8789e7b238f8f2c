package io.trackflow.flink;

import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.core.ClientConfig;
import io.trackflow.core.ratelimit.RateLimiter;
import io.trackflow.core.ratelimit.RateLimits;
import io.trackflow.core.retry.RetryListener;
import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.jspecify.annotations.Nullable;

/**
 * What the enumerator and the readers are shipped: the key, the client's config and the query as
 * the user gave them (serializable values, so nothing is re-declared or flattened: retry policy,
 * timeouts and a start cursor arrive intact), and the source's own settings. The key prints as
 * {@code ****}.
 *
 * <p>With a rate budget of {@code n} per interval, the enumerator keeps one request per interval (it
 * sends one per listing pass) and the readers share the other {@code n - 1} ({@link RateBudget}).
 */
final class SourceSettings implements Serializable {

    private static final long serialVersionUID = 3L;

    private final String apiKey;
    private final ClientConfig client;
    private final BackgroundTrackQuery query;
    private final long splitSize;
    private final long intervalMillis;
    private final long lookbackMillis;
    private final @Nullable RateBudget budget;

    SourceSettings(
            String apiKey,
            ClientConfig client,
            BackgroundTrackQuery query,
            long splitSize,
            long intervalMillis,
            long lookbackMillis,
            @Nullable RateBudget budget) {
        this.apiKey = apiKey;
        this.client = client;
        this.query = query;
        this.splitSize = splitSize;
        this.intervalMillis = intervalMillis;
        this.lookbackMillis = lookbackMillis;
        this.budget = budget;
    }

    /**
     * A client with the user's config (retry policy, timeouts, pool), owned by the caller.
     *
     * @param limiter its rate limiter
     * @param retries told of every retry
     */
    BeyondWordsClient newClient(RateLimiter limiter, RetryListener retries) {
        return BeyondWordsClient.builder()
                .config(client)
                .apiKey(apiKey)
                .rateLimiter(limiter)
                .retryListener(retries)
                .build();
    }

    /** The enumerator's limiter: one request per interval of the budget, or none. */
    RateLimiter enumeratorLimiter() {
        return budget == null ? RateLimits.none() : RateLimits.slots(1, budget.per());
    }

    /** A reader's limiter: its share of the budget less the enumerator's request, or none. */
    RateLimiter readerLimiter(SourceReaderContext context) {
        if (budget == null) {
            return RateLimits.none();
        }
        int parallelism;
        try {
            parallelism = context.currentParallelism();
        } catch (UnsupportedOperationException e) {
            throw new IllegalStateException(
                    "a rate budget is split by the source's parallelism, which this "
                            + "SourceReaderContext does not tell ("
                            + context.getClass().getName() + ")",
                    e);
        }
        return budget.less(1).limiterFor(context.getIndexOfSubtask(), parallelism);
    }

    BackgroundTrackQuery query() {
        return query;
    }

    long splitSize() {
        return splitSize;
    }

    boolean continuous() {
        return intervalMillis > 0;
    }

    long continuousIntervalMillis() {
        return intervalMillis;
    }

    Duration lookback() {
        return Duration.ofMillis(lookbackMillis);
    }

    @Override
    public String toString() {
        return "SourceSettings{baseUrl=" + client.baseUrl() + ", apiKey=****, query=" + query + ", splitSize="
                + splitSize + (continuous() ? ", every " + intervalMillis + " ms" : ", bounded")
                + (budget == null ? "" : ", rateLimit=" + budget) + "}";
    }
}
