package io.trackflow.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An in-process fake of the BeyondWords background-tracks API ({@code /v1/background_tracks}),
 * served over real HTTP on a loopback port, and as awkward as the real one:
 *
 * <ul>
 *   <li>every request needs {@code X-Api-Key}; otherwise {@code 401 {"code":401,"message":"Unauthorized"}};
 *   <li>{@code pagination[limit]} is clamped to {@link Builder#maxPageSize} (default 50) and the
 *       limit in force is reported in {@code X-Pagination-Limit}, with {@code
 *       X-Pagination-Total-Count}, {@code X-Pagination-OffSet} and, when filters apply, {@code
 *       X-BeyondWords-Filter}; a missing limit means 10;
 *   <li>filters {@code filter[name]} (case-insensitive substring), {@code filter[custom]} and
 *       {@code filter[scopes][]} / {@code filter[scopes]} ({@code primary}, {@code secondary});
 *   <li>timestamps come in three forms in turn ({@code 2023-01-01 00:00:00 UTC}, ISO-8601 {@code Z},
 *       ISO-8601 with a {@code +02:00} offset); {@code project} is sometimes {@code null}, {@code
 *       media} sometimes missing, and unknown fields are added;
 *   <li>create (201) and update (200) validate like the provider: 422 {@code {code, message,
 *       errors:[{location, message}]}}; an unknown id is 404 {@code {code, message}}; writes to the
 *       locked project {@value #LOCKED_PROJECT_ID} are 403 {@code {type:"permission_error", message,
 *       context}}; injected 429s answer {@code {message}};
 *   <li>optionally rate-limited ({@link FakeServerBuilder#rateLimit}): {@code 429
 *       {"message":"..."}} with {@code Retry-After} and, only if asked ({@link
 *       Builder#rateLimitHeaders}), {@code X-RateLimit-*} headers, which BeyondWords does not document;
 *   <li>optionally hostile paging: {@link Builder#ignoreOffset} (a caching proxy that always serves
 *       offset 0) and {@link FakeServerBuilder#omitHeaders}.
 * </ul>
 *
 * <p>Every request is recorded; {@link #faults()} injects failures.
 */
public final class FakeBeyondWords extends FakeHttpServer {

    /** The API key {@link #start()} accepts. */
    public static final String DEFAULT_API_KEY = "test-api-key";
    /** Writes to this project are refused with a {@code permission_error}. */
    public static final long LOCKED_PROJECT_ID = 13;

    private static final String COLLECTION = "/v1/background_tracks";

    private final String apiKey;
    private final int maxPageSize;
    private final boolean synthetic;
    private final BeyondWordsStore store = new BeyondWordsStore();
    private final BeyondWordsListing listing;
    private final BeyondWordsWrites writes = new BeyondWordsWrites(store);

    private FakeBeyondWords(Builder b) {
        super(b);
        this.apiKey = b.apiKey;
        this.maxPageSize = b.maxPageSize;
        this.synthetic = b.synthetic > 0;
        this.listing = new BeyondWordsListing(store, b.maxPageSize, b.ignoreOffset, b.synthetic);
    }

    /** Starts a server on a free port accepting {@value #DEFAULT_API_KEY}, clamping pages at 50. */
    public static FakeBeyondWords start() {
        return builder().start();
    }

    /** Returns a builder: key {@value #DEFAULT_API_KEY}, pages of at most 50, no rate limit, free port. */
    public static Builder builder() {
        return new Builder();
    }

    /** The base URL to give the client, e.g. {@code http://127.0.0.1:41234/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    /** The API key the server accepts. */
    public String apiKey() {
        return apiKey;
    }

    /** The largest page the server returns. */
    public int maxPageSize() {
        return maxPageSize;
    }

    /**
     * Adds {@code n} tracks with varied, deterministic fields; ids continue where the last stopped.
     *
     * @param n how many
     * @return this
     */
    public FakeBeyondWords seed(int n) {
        store.seed(n);
        return this;
    }

    /**
     * Adds one track (as if created by someone else) and returns its id.
     *
     * @param name the name
     * @return the id
     */
    public long addTrack(String name) {
        Objects.requireNonNull(name, "name");
        return store.add(name, 100, null, null, Instant.now()).id;
    }

    /**
     * Renames a track, moving its {@code updated} time forward.
     *
     * @param id the track
     * @param name the new name
     */
    public void renameTrack(long id, String name) {
        store.rename(id, Objects.requireNonNull(name, "name"));
    }

    /**
     * Deletes a track.
     *
     * @param id the track
     */
    public void removeTrack(long id) {
        store.remove(id);
    }

    /** The number of tracks stored. */
    public int trackCount() {
        return store.size();
    }

    /** The ids stored, ascending (the listing order). */
    public List<Long> trackIds() {
        return store.ids();
    }

    @Override
    Reply route(RecordedRequest r) {
        if (!apiKey.equals(r.header("X-Api-Key").orElse(null))) {
            return errorReply(401, r);
        }
        String path = r.path();
        boolean collection = path.equals(COLLECTION) || path.equals(COLLECTION + "/");
        if (synthetic && !(collection && r.method().equals("GET"))) {
            return BeyondWordsErrors.error(405, "Synthetic listing: only GET " + COLLECTION);
        }
        if (collection) {
            switch (r.method()) {
                case "GET":
                    return listing.list(r);
                case "POST":
                    return writes.create(r);
                default:
                    return BeyondWordsErrors.error(405, "Method not allowed");
            }
        }
        if (!path.startsWith(COLLECTION + "/")) {
            return errorReply(404, r);
        }
        long id = parseId(path.substring(COLLECTION.length() + 1));
        BeyondWordsTrack t = id > 0 ? store.get(id) : null;
        if (t == null) {
            return errorReply(404, r);
        }
        switch (r.method()) {
            case "GET":
                return Reply.raw(200, Map.of(), t.json());
            case "PUT":
                return writes.update(id, r);
            default:
                return BeyondWordsErrors.error(405, "Method not allowed");
        }
    }

    private static long parseId(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    Reply errorReply(int status, RecordedRequest r) {
        return BeyondWordsErrors.forStatus(status, r.path());
    }

    @Override
    Reply tooManyAttempts(long retryAfterSeconds) {
        return BeyondWordsErrors.forStatus(429, COLLECTION);
    }

    /**
     * Builds {@link FakeBeyondWords} servers. Defaults: key {@value #DEFAULT_API_KEY}, pages clamped at
     * 50, no rate limit, offsets honoured, free port, recording on, no gzip.
     */
    public static final class Builder extends FakeServerBuilder<Builder> {
        private String apiKey = DEFAULT_API_KEY;
        private long synthetic;
        private boolean ignoreOffset;

        Builder() {}

        /**
         * Serves a read-only listing of {@code n} generated tracks (ids 1..n) instead of a store: for
         * streaming millions of items without holding them. Auth, clamping, the paging headers and
         * {@link #ignoreOffset} apply; filters and writes do not.
         *
         * @param n the number of tracks, at least 1
         * @return this
         */
        public Builder syntheticTracks(long n) {
            if (n < 1) {
                throw new IllegalArgumentException("syntheticTracks must be >= 1, was " + n);
            }
            this.synthetic = n;
            return this;
        }

        /**
         * The API key to accept.
         *
         * @param apiKey the key
         * @return this
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
            return this;
        }

        /**
         * The largest page returned; larger {@code pagination[limit]}s are clamped. Default 50.
         *
         * @param max at least 1
         * @return this
         */
        public Builder maxPageSize(int max) {
            return pageSizeLimit(max);
        }

        /**
         * Behaves like a caching proxy keyed on the path: every listing request is answered with the
         * page at offset 0 (the limit, its clamping and the filters still apply), with {@code
         * X-Pagination-Total-Count} as usual and {@code X-Pagination-OffSet: 0} whatever offset was
         * asked. A client that advances by the offset it asked for loops forever. Default false.
         *
         * @param ignore on or off
         * @return this
         */
        public Builder ignoreOffset(boolean ignore) {
            this.ignoreOffset = ignore;
            return this;
        }

        /**
         * Whether responses carry {@code X-RateLimit-Limit}, {@code -Remaining} and {@code -Reset} when a
         * {@link #rateLimit} is set. Default false: BeyondWords documents no such headers and only
         * answers {@code 429} with {@code Retry-After}.
         *
         * @param send on or off
         * @return this
         */
        public Builder rateLimitHeaders(boolean send) {
            this.rateLimitHeaders = send;
            return this;
        }

        /** Starts the server. */
        public FakeBeyondWords start() {
            return new FakeBeyondWords(this);
        }
    }
}
