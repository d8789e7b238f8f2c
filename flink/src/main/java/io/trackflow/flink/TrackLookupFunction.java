package io.trackflow.flink;

import io.trackflow.beatpass.BeatPassClient;
import io.trackflow.beatpass.model.Track;
import io.trackflow.beatpass.model.TrackInclude;
import io.trackflow.core.ClientConfig;
import io.trackflow.core.auth.BearerTokenAuth;
import io.trackflow.core.error.NotFoundException;
import io.trackflow.core.ratelimit.RateLimiter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.jspecify.annotations.Nullable;

/**
 * Enriches a stream of BeatPass track ids with their tracks (Flink Async I/O): one {@link
 * BeatPassClient} per subtask, created in {@code open} and closed in {@code close}, with one lookup in
 * flight per element in the operator's queue (its {@code capacity}).
 *
 * <pre>{@code
 * DataStream<Long> ids = ...;
 * DataStream<Track> tracks = TrackLookupFunction.builder()
 *     .token(token)
 *     .include(TrackInclude.ARTISTS, TrackInclude.ALBUM)
 *     .skipMissing(true)                        // 404 and 410 are dropped, not failures
 *     .rateLimit(300, Duration.ofMinutes(1))    // the whole job's budget, split across subtasks
 *     .build()
 *     .orderedWait(ids, Duration.ofSeconds(30), 100);
 * }</pre>
 *
 * <p><b>Rate budget.</b> With {@link Builder#rateLimit}, subtask {@code i} of {@code p} gets a fixed
 * client-side limit of {@code n / p} (the remainder to the first subtasks), so the job as a whole never
 * sends more than {@code n} requests in any interval of {@code per}. Without it each subtask paces by
 * the {@code X-RateLimit-*} headers BeatPass sends (the client's default): a subtask cannot see the
 * others' requests in flight, so parallel subtasks may still meet the odd 429 (each then holds its
 * client for the {@code Retry-After}).
 *
 * <p><b>Timeouts.</b> {@link #orderedWait} and {@link #unorderedWait} give Flink the timeout and cap
 * the client's total timeout (retries and rate-limit waits included) to it. When Flink's timer fires
 * first, {@link #timeout} cancels the lookup (freeing its place in the rate limiter) and fails the
 * element with a {@link TimeoutException} naming the id; when the client's deadline fires first (it
 * is the same instant, or earlier if the client's config sets a shorter one), the element fails the
 * same way, with the client's {@code TimeoutException} as the cause. The job then restarts from its last
 * checkpoint, as with any other failed lookup. Keep {@code capacity} below what the budget serves
 * within the timeout ({@code capacity <= n / p / per × timeout}), or lookups will wait past it.
 *
 * <p><b>Missing tracks.</b> A 404 ({@link NotFoundException}) or 410 (removed) fails the job unless
 * {@link Builder#skipMissing}: then the id yields nothing and the {@code missing} counter moves.
 *
 * <p>Records are {@link Track}s with {@link TrackTypeInfo} (no Kryo). Metrics: see {@link
 * TrackflowMetrics} (group {@code trackflow}: records, requests, retries, errors, missing, timeouts,
 * rate-limit waits).
 */
public final class TrackLookupFunction extends RichAsyncFunction<Long, Track> implements ResultTypeQueryable<Track> {

    private static final long serialVersionUID = 1L;

    private final LookupSettings settings;

    private transient @Nullable InFlightLookups lookups; // set in open(), on the subtask

    private TrackLookupFunction(LookupSettings settings) {
        this.settings = settings;
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Applies this function with {@link AsyncDataStream#orderedWait}: tracks leave in the order of
     * their ids.
     *
     * @param ids the ids to look up
     * @param timeout the longest one lookup may take (retries and rate-limit waits included)
     * @param capacity lookups in flight per subtask at most
     * @return the tracks
     */
    public SingleOutputStreamOperator<Track> orderedWait(DataStream<Long> ids, Duration timeout, int capacity) {
        return AsyncDataStream.orderedWait(
                        ids, withTimeout(timeout), timeout.toMillis(), TimeUnit.MILLISECONDS, capacity)
                .returns(TrackTypeInfo.INSTANCE);
    }

    /**
     * Applies this function with {@link AsyncDataStream#unorderedWait}: tracks leave as their lookups
     * finish (lower latency when lookups take uneven times).
     *
     * @param ids the ids to look up
     * @param timeout the longest one lookup may take (retries and rate-limit waits included)
     * @param capacity lookups in flight per subtask at most
     * @return the tracks
     */
    public SingleOutputStreamOperator<Track> unorderedWait(DataStream<Long> ids, Duration timeout, int capacity) {
        return AsyncDataStream.unorderedWait(
                        ids, withTimeout(timeout), timeout.toMillis(), TimeUnit.MILLISECONDS, capacity)
                .returns(TrackTypeInfo.INSTANCE);
    }

    private TrackLookupFunction withTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        return new TrackLookupFunction(settings.withAsyncTimeout(timeout));
    }

    @Override
    public void open(OpenContext openContext) {
        RuntimeContext context = getRuntimeContext();
        int index = context.getTaskInfo().getIndexOfThisSubtask();
        RateLimiter limiter = settings.limiter(index, context.getTaskInfo().getNumberOfParallelSubtasks());
        TrackflowMetrics metrics = TrackflowMetrics.forLookups(context.getMetricGroup(), limiter);
        BeatPassClient client = settings.newClient(limiter, metrics.retryListener());
        lookups = new InFlightLookups(client, settings.includes(), settings.skipMissing(), metrics, index);
        ReactorResources.releaseWith(context);
    }

    @Override
    public void asyncInvoke(Long id, ResultFuture<Track> result) {
        lookups.start(id, result);
    }

    /**
     * Flink's async timeout ran out for {@code id}: cancels its lookup and fails the element with a
     * {@link TimeoutException}.
     */
    @Override
    public void timeout(Long id, ResultFuture<Track> result) {
        lookups.timeout(id, result);
    }

    @Override
    public void close() {
        if (lookups != null) {
            lookups.close();
        }
    }

    @Override
    public TypeInformation<Track> getProducedType() {
        return TrackTypeInfo.INSTANCE;
    }

    @Override
    public String toString() {
        return "TrackLookupFunction{" + settings + "}";
    }

    /** Builds {@link TrackLookupFunction}s; validates in {@link #build()}. */
    public static final class Builder {
        private @Nullable String token;
        private ClientConfig clientConfig = ClientConfig.of(BeatPassClient.DEFAULT_BASE_URL);
        private List<TrackInclude> includes = List.of();
        private boolean skipMissing;
        private @Nullable RateBudget rateLimit;

        Builder() {}

        /**
         * The BeatPass API token (required); never logged or printed.
         *
         * @param token the token
         * @return this builder
         */
        public Builder token(String token) {
            this.token = token;
            return this;
        }

        /**
         * The client's options (base URL, retry policy, timeouts, pool size). Default: {@link
         * BeatPassClient#DEFAULT_BASE_URL} with the defaults.
         *
         * @param config the options
         * @return this builder
         */
        public Builder clientConfig(ClientConfig config) {
            this.clientConfig = Objects.requireNonNull(config, "clientConfig");
            return this;
        }

        /**
         * Relations to include in every lookup ({@code with=}). Default none.
         *
         * @param with the relations
         * @return this builder
         */
        public Builder include(TrackInclude... with) {
            this.includes = List.copyOf(Arrays.asList(Objects.requireNonNull(with, "with")));
            return this;
        }

        /**
         * Whether ids answered 404 (not found) or 410 (removed) yield nothing instead of failing the
         * job. Default false.
         *
         * @param skip on or off
         * @return this builder
         */
        public Builder skipMissing(boolean skip) {
            this.skipMissing = skip;
            return this;
        }

        /**
         * The whole job's budget: at most {@code n} lookups (attempts, retries included) in any interval
         * of {@code per}, split across the subtasks (see the class comment). Default: none, each subtask
         * paces by BeatPass's {@code X-RateLimit-*} headers.
         *
         * @param n requests per interval, at least 1
         * @param per the interval, positive
         * @return this builder
         */
        public Builder rateLimit(int n, Duration per) {
            this.rateLimit = RateBudget.of(n, per);
            return this;
        }

        /**
         * Builds the function, validating the token as the client does.
         *
         * @return the function
         */
        public TrackLookupFunction build() {
            if (token == null) {
                throw new IllegalArgumentException("token is required");
            }
            BearerTokenAuth.of(token); // the client's own check, before anything is shipped to a cluster
            return new TrackLookupFunction(
                    new LookupSettings(token, clientConfig, includes, skipMissing, rateLimit, 0));
        }
    }
}
