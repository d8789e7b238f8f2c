package io.trackflow.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An in-process fake of the BeatPass track lookup ({@code GET /api/v1/tracks/{id}?with=...}) and
 * track lists, served over real HTTP on a loopback port, behaving like the BeMusic (Laravel)
 * deployment:
 *
 * <ul>
 *   <li>with {@code Authorization: Bearer <token>} the track comes with everything a token holder
 *       sees: {@code duration} (milliseconds), {@code description}, {@code price} and {@code
 *       currency}, {@code bpm}, {@code key}, {@code scale}, {@code plays}, {@code licensing_type},
 *       {@code exclusive_status}, {@code exclusive_price}, {@code reposts_count}, {@code likes_count},
 *       timestamps and more, with the odd values the provider sends ({@code "bpm":"128"}, {@code
 *       "price":"19.99"}, {@code "plays":"31200"}, an artist's {@code "verified":1}, nulls, two
 *       timestamp forms, fields nobody modelled);
 *   <li>without an {@code Authorization} header the call is allowed but the data minimal: {@code
 *       id}, {@code name}, {@code image}, {@code release_date}, {@code model_type}, {@code
 *       created_at}, {@code duration_text}; asked relations come in the same minimal form, {@code
 *       tags} and album tracks not at all;
 *   <li>a wrong or expired token is {@code 401 {"message":"Unauthenticated."}} when the request
 *       accepts JSON, and a {@code 302} to an HTML login page when it does not;
 *   <li>{@code 200 {"status":"success","track":{...}}}; relations ({@code tags}, {@code genres},
 *       {@code artists}, {@code album}) only when asked with {@code with=}; an unknown relation is
 *       {@code 422 {"status":"error","message":"The given data was invalid.","errors":{"with":[...]}}};
 *   <li>unknown ids are {@code 404 {"message":"Track not found"}}, removed ones {@code 410
 *       {"message":"Track unavailable"}};
 *   <li>lists are Laravel pages, {@code 200 {"status":"success",<key>:{"current_page","data":[...],
 *       "from","last_page","per_page","to","total"}}}: {@code GET /api/v1/tracks?page=&per_page=&query=}
 *       (key {@code tracks}; {@code query} keeps the tracks whose name contains it, ignoring case)
 *       and {@code GET /api/v1/artists/{id}/tracks}, {@code /tags/{name}/tracks}, {@code
 *       /playlists/{id}/tracks} with {@code ?page=&perPage=} (key {@code pagination}). Only that
 *       spelling of the size counts (the other is ignored); the size defaults to 20 (the provider's
 *       documented default for the three; {@code /tracks} documents none) and is clamped to {@link
 *       Builder#maxPageSize} (50), {@code per_page} saying the size in force. Tracks come in
 *       ascending id order (a playlist in its own, see {@link #putPlaylist}), each rendered as its
 *       lookup is for the caller's tier ({@code with=} honoured and checked the same way), removed
 *       ones left out, a {@link #putRawTrack raw} text in place of its seeded track. A page past the
 *       last, or of an empty list, has {@code "data":[]} and null {@code from} and {@code to}; an
 *       empty list has {@code "total":0,"last_page":1}. A {@code page} below 1 or not an integer, or
 *       a size below 1 or not an integer, is {@code 422 {"message":"The given data was invalid.",
 *       "errors":{"page":["The page must be at least 1."]}}} (the field and message of the rule
 *       broken); an empty parameter counts as absent. An artist or tag no seeded track has (removed
 *       ones included), an artist id that is not a positive integer and an undefined playlist are
 *       {@code 404 {"message":"Artist not found"}} ({@code Tag}, {@code Playlist}), checked before
 *       the parameters;
 *   <li>every response carries a {@code Date} and {@code X-RateLimit-Limit}, {@code
 *       X-RateLimit-Remaining}, {@code X-RateLimit-Reset}; past the limit (300 a minute by default,
 *       see {@link FakeServerBuilder#rateLimit}) the answer is {@code 429 {"message":"Too Many
 *       Attempts.","retry_after":N}} with {@code Retry-After: N}.
 * </ul>
 *
 * <p>Every request is recorded; {@link #faults()} injects failures (on lists too: a {@code 404}
 * fault names the list's resource, a {@code 422} one the {@code page}); {@link #putRawTrack} serves
 * any body a test wants.
 */
public final class FakeBeatPass extends FakeHttpServer {

    /** The token {@link #start()} accepts. */
    public static final String DEFAULT_TOKEN = "test-token";

    private static final String PREFIX = "/api/v1/tracks/";

    private final String token;
    private final BeatPassCatalogue catalogue = new BeatPassCatalogue();
    private final BeatPassLists lists;

    private FakeBeatPass(Builder b) {
        super(b);
        this.token = b.token;
        this.lists = new BeatPassLists(catalogue, b.maxPageSize, b.stringCounts, b.ignorePage, b.removedAfterPaging);
    }

    /** Starts a server on a free port accepting {@value #DEFAULT_TOKEN}, limited to 300 requests a minute. */
    public static FakeBeatPass start() {
        return builder().start();
    }

    /** Returns a builder: token {@value #DEFAULT_TOKEN}, 300 requests a minute, free port. */
    public static Builder builder() {
        return new Builder();
    }

    /** The base URL to give the client, e.g. {@code http://127.0.0.1:41234/api/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/api/v1";
    }

    /** The token the server accepts. */
    public String token() {
        return token;
    }

    /**
     * Adds a catalogue of {@code n} tracks in albums of up to 8, with artists, genres and tags;
     * deterministic. Track ids start at 1 and continue where the previous call stopped.
     *
     * @param n how many tracks
     * @return this
     */
    public FakeBeatPass seed(int n) {
        catalogue.seed(n);
        return this;
    }

    /**
     * Serves {@code trackJson}, verbatim, as the {@code track} of {@code {"status":"success","track":
     * ...}} for {@code id}, to every caller with access and whatever {@code with} asks, in place of
     * the catalogue's track (if any): for hostile bodies such as {@code {"id":1,"release_date":"TBA",
     * "image":42}}. The text is not checked, not even for being JSON. Lists show it verbatim in place
     * of the seeded track with that id; an id with no seeded track is listed only by a playlist that
     * names it. Auth, the rate limit, faults and {@link #removeTrack} still apply.
     *
     * @param id the track id
     * @param trackJson the track object's JSON text
     * @return this
     */
    public FakeBeatPass putRawTrack(long id, String trackJson) {
        catalogue.putRaw(id, Objects.requireNonNull(trackJson, "trackJson"));
        return this;
    }

    /**
     * Defines (or redefines) playlist {@code id}: {@code GET /api/v1/playlists/{id}/tracks} then
     * lists the given tracks in the given order (repeats kept), leaving out those removed and those
     * the fake has no track for (neither seeded nor {@link #putRawTrack raw}). No playlist exists
     * until one is put; an undefined one answers {@code 404 {"message":"Playlist not found"}}.
     *
     * @param id the playlist id, at least 1
     * @param trackIds the tracks, in order (may be empty: the playlist then lists nothing)
     * @return this
     */
    public FakeBeatPass putPlaylist(long id, List<Long> trackIds) {
        if (id < 1) {
            throw new IllegalArgumentException("playlist id must be >= 1, was " + id);
        }
        catalogue.putPlaylist(id, Objects.requireNonNull(trackIds, "trackIds"));
        return this;
    }

    /**
     * Marks a track as removed by its owner or moderation: it then answers 410 and is left out of
     * every list.
     *
     * @param id the track
     */
    public void removeTrack(long id) {
        catalogue.remove(id);
    }

    /** The number of tracks in the seeded catalogue (removed ones included, raw ones not). */
    public int trackCount() {
        return catalogue.size();
    }

    @Override
    Reply route(RecordedRequest r) {
        Optional<String> auth = r.header("Authorization");
        if (auth.isPresent() && !auth.get().equals("Bearer " + token)) {
            return unauthenticated(r);
        }
        if (r.method().equals("GET") && BeatPassLists.handles(r.path())) {
            return lists.list(r, auth.isPresent());
        }
        if (!r.method().equals("GET") || !r.path().startsWith(PREFIX)) {
            return message(404, "Not Found");
        }
        long id;
        try {
            id = Long.parseLong(r.path().substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            return message(404, "Track not found");
        }
        Set<String> with = BeatPassErrors.relations(r);
        if (with == null) {
            return BeatPassErrors.invalidWith();
        }
        if (catalogue.isRemoved(id)) {
            return message(410, "Track unavailable");
        }
        byte[] body = catalogue.body(id, with, auth.isPresent());
        return body == null ? message(404, "Track not found") : Reply.raw(200, Map.of(), body);
    }

    private Reply unauthenticated(RecordedRequest r) {
        return BeatPassErrors.unauthenticated(r, "http://127.0.0.1:" + port() + "/login");
    }

    private static Reply message(int status, String message) {
        return BeatPassErrors.message(status, message);
    }

    @Override
    Reply tooManyAttempts(long retryAfterSeconds) {
        return BeatPassErrors.tooManyAttempts(retryAfterSeconds);
    }

    @Override
    Reply errorReply(int status, RecordedRequest r) {
        return status == 429 ? rateLimited(currentRetryAfter()) : BeatPassErrors.forFault(status, r.path());
    }

    /**
     * Builds {@link FakeBeatPass} servers. Defaults: token {@value #DEFAULT_TOKEN}, 300 requests a
     * minute with {@code X-RateLimit-*} headers on every response, free port, recording on, no gzip;
     * lists clamped to 50 a page, counts as numbers, {@code page} honoured, removed tracks left out
     * before paging.
     */
    public static final class Builder extends FakeServerBuilder<Builder> {
        private String token = DEFAULT_TOKEN;
        private boolean stringCounts;
        private boolean ignorePage;
        private boolean removedAfterPaging;

        Builder() {
            rateLimit(300, Duration.ofMinutes(1));
            rateLimitHeaders = true;
        }

        /**
         * The token to accept.
         *
         * @param token the token
         * @return this
         */
        public Builder token(String token) {
            this.token = Objects.requireNonNull(token, "token");
            return this;
        }

        /**
         * The largest page the lists serve: a larger {@code per_page} / {@code perPage} is clamped to
         * it, and the page's {@code per_page} says the size in force. Default 50 (smaller than the
         * client's maximum of 100, so clamping happens by default); the default size, 20, is clamped
         * too when this is smaller.
         *
         * @param max at least 1
         * @return this
         */
        public Builder maxPageSize(int max) {
            return pageSizeLimit(max);
        }

        /**
         * Whether the lists send {@code current_page}, {@code from}, {@code to}, {@code per_page},
         * {@code last_page} and {@code total} as JSON strings ({@code "264"}), as Laravel deployments
         * with PDO's emulated prepares do; a null {@code from}/{@code to} stays null. Default false:
         * numbers.
         *
         * @param strings on or off
         * @return this
         */
        public Builder stringCounts(boolean strings) {
            this.stringCounts = strings;
            return this;
        }

        /**
         * Whether the lists ignore {@code page} (neither read nor validated), as a caching proxy keyed
         * on the path without it would: every request gets page 1, which says {@code
         * "current_page":1}. For tests of a client's guard against a page that never advances.
         * Default false.
         *
         * @param ignore on or off
         * @return this
         */
        public Builder ignorePageParameter(boolean ignore) {
            this.ignorePage = ignore;
            return this;
        }

        /**
         * Whether removed tracks are left out of a list's page after the page is cut, as a deployment
         * that filters a page's items (moderation, visibility) after paginating does: such a page holds
         * fewer tracks than {@code per_page}, and {@code total}, {@code last_page}, {@code from} and
         * {@code to} still count the removed ones. Default false: removed tracks are left out before
         * paging, so every page but the last is full.
         *
         * @param after on or off
         * @return this
         */
        public Builder removedAfterPaging(boolean after) {
            this.removedAfterPaging = after;
            return this;
        }

        /** Starts the server. */
        public FakeBeatPass start() {
            return new FakeBeatPass(this);
        }
    }
}
