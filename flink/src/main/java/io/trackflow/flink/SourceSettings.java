package io.trackflow.flink;

import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.core.ClientConfig;
import java.io.Serializable;
import java.time.Duration;

/**
 * What the enumerator and the readers are shipped: the key, the client's config and the query as
 * the user gave them (serializable values, so nothing is re-declared or flattened: retry policy,
 * timeouts and a start cursor arrive intact), and the source's own settings. The key prints as
 * {@code ****}.
 */
final class SourceSettings implements Serializable {

    private static final long serialVersionUID = 2L;

    private final String apiKey;
    private final ClientConfig client;
    private final BackgroundTrackQuery query;
    private final long splitSize;
    private final long intervalMillis;
    private final long lookbackMillis;

    SourceSettings(
            String apiKey,
            ClientConfig client,
            BackgroundTrackQuery query,
            long splitSize,
            long intervalMillis,
            long lookbackMillis) {
        this.apiKey = apiKey;
        this.client = client;
        this.query = query;
        this.splitSize = splitSize;
        this.intervalMillis = intervalMillis;
        this.lookbackMillis = lookbackMillis;
    }

    /** A client with the user's config (retry policy, timeouts, pool), owned by the caller. */
    BeyondWordsClient newClient() {
        return BeyondWordsClient.builder().config(client).apiKey(apiKey).build();
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
                + splitSize + (continuous() ? ", every " + intervalMillis + " ms" : ", bounded") + "}";
    }
}
