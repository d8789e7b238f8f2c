package io.trackflow.flink;

import io.trackflow.beatpass.BeatPassClient;
import io.trackflow.beatpass.model.TrackInclude;
import io.trackflow.core.ClientConfig;
import io.trackflow.core.ratelimit.RateLimiter;
import io.trackflow.core.ratelimit.RateLimits;
import io.trackflow.core.retry.RetryListener;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link TrackLookupFunction} ships to its subtasks: the token, the client's config, the
 * relations to include, whether missing tracks are skipped, the rate budget, and the async timeout
 * (when the function was applied with one) that caps the client's own deadline. The token prints as
 * {@code ****}.
 */
final class LookupSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String token;
    private final ClientConfig client;
    private final ArrayList<TrackInclude> includes;
    private final boolean skipMissing;
    private final @Nullable RateBudget budget;
    private final long asyncTimeoutMillis;

    LookupSettings(
            String token,
            ClientConfig client,
            List<TrackInclude> includes,
            boolean skipMissing,
            @Nullable RateBudget budget,
            long asyncTimeoutMillis) {
        this.token = token;
        this.client = client;
        this.includes = new ArrayList<>(includes);
        this.skipMissing = skipMissing;
        this.budget = budget;
        this.asyncTimeoutMillis = asyncTimeoutMillis;
    }

    /** These settings with the async timeout the function is applied with. */
    LookupSettings withAsyncTimeout(Duration timeout) {
        return new LookupSettings(token, client, includes, skipMissing, budget, timeout.toMillis());
    }

    /**
     * Subtask {@code index}'s limiter: its share of the budget, or (without a budget) pacing by the
     * headers BeatPass sends, as the client does by default.
     */
    RateLimiter limiter(int index, int parallelism) {
        return budget == null ? RateLimits.fromHeaders() : budget.limiterFor(index, parallelism);
    }

    /**
     * A client with the user's config, the given limiter and retry listener; its total timeout is the
     * async timeout when that is shorter, so that its retries and rate-limit waits fit in Flink's.
     */
    BeatPassClient newClient(RateLimiter limiter, RetryListener retries) {
        BeatPassClient.Builder b = BeatPassClient.builder()
                .config(client)
                .token(token)
                .rateLimiter(limiter)
                .retryListener(retries);
        if (asyncTimeoutMillis > 0 && asyncTimeoutMillis < client.totalTimeout().toMillis()) {
            b.totalTimeout(Duration.ofMillis(asyncTimeoutMillis));
        }
        return b.build();
    }

    TrackInclude[] includes() {
        return includes.toArray(new TrackInclude[0]);
    }

    boolean skipMissing() {
        return skipMissing;
    }

    @Override
    public String toString() {
        return "LookupSettings{baseUrl=" + client.baseUrl() + ", token=****, includes=" + includes + ", skipMissing="
                + skipMissing + (budget == null ? ", rateLimit=server headers" : ", rateLimit=" + budget) + "}";
    }
}
