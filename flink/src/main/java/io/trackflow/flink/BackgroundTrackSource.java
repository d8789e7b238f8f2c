package io.trackflow.flink;

import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.core.ClientConfig;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.jspecify.annotations.Nullable;

/**
 * A Flink (FLIP-27) source of BeyondWords background tracks that reads one listing in parallel.
 *
 * <pre>{@code
 * env.fromSource(
 *     BackgroundTrackSource.builder().apiKey(key).query(BackgroundTrackQuery.all()).splitSize(5_000).build(),
 *     WatermarkStrategy.noWatermarks(), "background tracks");
 * }</pre>
 *
 * <p><b>Bounded</b> (the default): the enumerator learns the total, cuts the listing into splits of
 * {@code splitSize} offsets, and hands them out as readers ask. Each reader streams its split
 * through the reactive client (its retries, its pages in flight, bounded buffering) and checkpoints
 * its position inside the split, so a restore resumes every split where it stopped: the source
 * emits each item of a stable listing exactly once.
 *
 * <p><b>Continuous</b> ({@link Builder#continuous(Duration)}): the listing is read again every
 * interval (once the previous pass's splits are all handed out). The first pass emits every track;
 * later passes emit the tracks whose {@code updated} is at or after the start of the previous pass
 * minus {@link Builder#lookback(Duration)} (1 minute by default, to absorb clock skew between this
 * job and the server). Guarantee: a track created or changed is emitted at least once, in a pass
 * that starts after the change — unless the server's clock is behind this job's by more than the
 * lookback; it may be emitted twice when it changed within the lookback. Key by {@code id} and
 * compare {@code updated} downstream if duplicates matter.
 *
 * <p><b>Rate budget</b> ({@link Builder#rateLimit}): the whole source's, split across its readers,
 * so that a parallel job does not multiply the request rate. Each reader keeps one client for its
 * whole life. <b>Metrics</b>: each reader registers {@code records}, {@code pages}, {@code retries},
 * {@code errors} and rate-limit waits in the sub-group {@code trackflow} of its metric group.
 *
 * <p>Records are {@link BackgroundTrack}s with {@link BackgroundTrackTypeInfo} (a dedicated binary
 * serializer, no Kryo). The API key travels in the job graph (Flink serializes the source); it is
 * never logged or printed.
 */
public final class BackgroundTrackSource
        implements Source<BackgroundTrack, OffsetRangeSplit, ListingEnumeratorState>,
                ResultTypeQueryable<BackgroundTrack> {

    private static final long serialVersionUID = 1L;

    private final SourceSettings config;

    private BackgroundTrackSource(SourceSettings config) {
        this.config = config;
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Boundedness getBoundedness() {
        return config.continuous() ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<OffsetRangeSplit, ListingEnumeratorState> createEnumerator(
            SplitEnumeratorContext<OffsetRangeSplit> context) {
        return new ListingEnumerator(context, config, ListingEnumeratorState.initial());
    }

    @Override
    public SplitEnumerator<OffsetRangeSplit, ListingEnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<OffsetRangeSplit> context, ListingEnumeratorState checkpoint) {
        return new ListingEnumerator(context, config, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<OffsetRangeSplit> getSplitSerializer() {
        return new Serializers.SplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<ListingEnumeratorState> getEnumeratorCheckpointSerializer() {
        return new Serializers.StateSerializer();
    }

    @Override
    public SourceReader<BackgroundTrack, OffsetRangeSplit> createReader(SourceReaderContext readerContext) {
        return ListingSourceReader.create(config, readerContext);
    }

    @Override
    public TypeInformation<BackgroundTrack> getProducedType() {
        return BackgroundTrackTypeInfo.INSTANCE;
    }

    @Override
    public String toString() {
        return "BackgroundTrackSource{" + config + "}";
    }

    /** Builds {@link BackgroundTrackSource}s; validates in {@link #build()}. */
    public static final class Builder {
        private @Nullable String apiKey;
        private ClientConfig clientConfig = ClientConfig.of(BeyondWordsClient.DEFAULT_BASE_URL);
        private BackgroundTrackQuery query = BackgroundTrackQuery.all();
        private long splitSize = 10_000;
        private @Nullable Duration interval;
        private Duration lookback = Duration.ofMinutes(1);
        private @Nullable RateBudget rateLimit;

        Builder() {}

        /**
         * The API key (required).
         *
         * @param apiKey the key
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /**
         * The client's options, as for {@code BeyondWordsClient.builder().config(..)}: base URL, retry
         * policy, total/connect/response timeouts, pool size. Every reader and the enumerator build their
         * client from it. Default: {@link BeyondWordsClient#DEFAULT_BASE_URL} with the defaults.
         *
         * @param config the options
         * @return this builder
         */
        public Builder clientConfig(ClientConfig config) {
            this.clientConfig = Objects.requireNonNull(config, "clientConfig");
            return this;
        }

        /**
         * What to list: filters, page size, pages in flight per reader, offset and {@code maxItems}, or a
         * start cursor (the listing then completes that cursor's original listing).
         *
         * @param query the query
         * @return this builder
         */
        public Builder query(BackgroundTrackQuery query) {
            this.query = Objects.requireNonNull(query, "query");
            return this;
        }

        /**
         * Offsets per split. Default 10,000.
         *
         * @param splitSize at least 1
         * @return this builder
         */
        public Builder splitSize(long splitSize) {
            if (splitSize < 1) {
                throw new IllegalArgumentException("splitSize must be >= 1, was " + splitSize);
            }
            this.splitSize = splitSize;
            return this;
        }

        /**
         * Re-lists every {@code interval} and emits new and changed tracks (see the class comment).
         *
         * @param interval positive
         * @return this builder
         */
        public Builder continuous(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isZero() || interval.isNegative()) {
                throw new IllegalArgumentException("interval must be positive, was " + interval);
            }
            this.interval = interval;
            return this;
        }

        /**
         * In continuous mode, how far before the previous pass's start changes are looked for. Default
         * 1 minute.
         *
         * @param lookback not negative
         * @return this builder
         */
        public Builder lookback(Duration lookback) {
            Objects.requireNonNull(lookback, "lookback");
            if (lookback.isNegative()) {
                throw new IllegalArgumentException("lookback must not be negative, was " + lookback);
            }
            this.lookback = lookback;
            return this;
        }

        /**
         * A request budget for the whole source: at most {@code n} requests in any interval of {@code
         * per}, whatever the parallelism. BeyondWords sends no rate-limit figures, so the budget is
         * split on the client side: the enumerator keeps one request per interval (one per listing
         * pass) and each of the {@code p} readers gets a fixed limit of its share of the other {@code
         * n - 1} ({@code (n - 1) / p}, the remainder to the first readers), retries included. A reader
         * without a split leaves its share unused. Default: no limit.
         *
         * @param n requests per interval, at least 2
         * @param per the interval, positive
         * @return this builder
         */
        public Builder rateLimit(int n, Duration per) {
            if (n < 2) {
                throw new IllegalArgumentException(
                        "rateLimit n must be >= 2 (one request per interval is the enumerator's), was " + n);
            }
            this.rateLimit = RateBudget.of(n, per);
            return this;
        }

        /**
         * Builds the source, validating the key and base URL as the client does.
         *
         * @return the source
         */
        public BackgroundTrackSource build() {
            if (apiKey == null) {
                throw new IllegalArgumentException("apiKey is required");
            }
            // the client's own key check (the config checked itself), before anything is shipped to a cluster
            io.trackflow.core.auth.ApiKeyAuth.header("X-Api-Key", apiKey);
            SourceSettings config = new SourceSettings(
                    apiKey,
                    clientConfig,
                    query,
                    splitSize,
                    interval == null ? 0 : Math.max(1, interval.toMillis()),
                    lookback.toMillis(),
                    rateLimit);
            return new BackgroundTrackSource(config);
        }
    }
}
