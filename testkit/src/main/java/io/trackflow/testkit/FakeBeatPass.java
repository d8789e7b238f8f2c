package io.trackflow.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * An in-process fake of the BeatPass track lookup ({@code GET /api/v1/tracks/{id}?with=...}), served
 * over real HTTP on a loopback port, behaving like the BeMusic (Laravel) deployment:
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
 *   <li>every response carries a {@code Date} and {@code X-RateLimit-Limit}, {@code
 *       X-RateLimit-Remaining}, {@code X-RateLimit-Reset}; past the limit (300 a minute by default,
 *       see {@link FakeServerBuilder#rateLimit}) the answer is {@code 429 {"message":"Too Many
 *       Attempts.","retry_after":N}} with {@code Retry-After: N}.
 * </ul>
 *
 * <p>Every request is recorded; {@link #faults()} injects failures; {@link #putRawTrack} serves any
 * body a test wants.
 */
public final class FakeBeatPass extends FakeHttpServer {

    /** The token {@link #start()} accepts. */
    public static final String DEFAULT_TOKEN = "test-token";

    private static final Set<String> RELATIONS = Set.of("tags", "genres", "artists", "album");
    private static final String PREFIX = "/api/v1/tracks/";

    private final String token;
    private final BeatPassCatalogue catalogue = new BeatPassCatalogue();

    private FakeBeatPass(Builder b) {
        super(b);
        this.token = b.token;
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
     * "image":42}}. The text is not checked, not even for being JSON. Auth, the rate limit, faults
     * and {@link #removeTrack} still apply.
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
     * Marks a track as removed by its owner or moderation: it then answers 410.
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
        if (!r.method().equals("GET") || !r.path().startsWith(PREFIX)) {
            return message(404, "Not Found");
        }
        long id;
        try {
            id = Long.parseLong(r.path().substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            return message(404, "Track not found");
        }
        Set<String> with = new LinkedHashSet<>();
        for (String w : r.query().getOrDefault("with", List.of())) {
            for (String part : w.split(",")) {
                if (!part.isBlank()) {
                    with.add(part.trim());
                }
            }
        }
        if (!RELATIONS.containsAll(with)) {
            ObjectNode body = TestkitJson.object();
            body.put("status", "error");
            body.put("message", "The given data was invalid.");
            body.putObject("errors").putArray("with").add("The selected with is invalid.");
            return Reply.json(422, body);
        }
        if (catalogue.isRemoved(id)) {
            return message(410, "Track unavailable");
        }
        byte[] body = catalogue.body(id, with, auth.isPresent());
        return body == null ? message(404, "Track not found") : Reply.raw(200, Map.of(), body);
    }

    private Reply unauthenticated(RecordedRequest r) {
        if (r.header("Accept").orElse("").contains("application/json")) {
            return message(401, "Unauthenticated.");
        }
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Location", "http://127.0.0.1:" + port() + "/login");
        h.put("Content-Type", "text/html; charset=UTF-8");
        String page = "<!DOCTYPE html><html><head><meta http-equiv=\"refresh\" content=\"0;url=/login\"></head>"
                + "<body>Redirecting to /login</body></html>";
        return Reply.raw(302, h, page.getBytes(StandardCharsets.UTF_8));
    }

    private static Reply message(int status, String message) {
        return Reply.json(status, Map.of("message", message));
    }

    @Override
    Reply tooManyAttempts(long retryAfterSeconds) {
        ObjectNode body = TestkitJson.object();
        body.put("message", "Too Many Attempts.");
        body.put("retry_after", retryAfterSeconds);
        return Reply.json(429, body);
    }

    @Override
    Reply errorReply(int status, RecordedRequest r) {
        switch (status) {
            case 429:
                return rateLimited(currentRetryAfter());
            case 401:
                return message(401, "Unauthenticated.");
            case 404:
                return message(404, "Track not found");
            case 410:
                return message(410, "Track unavailable");
            case 422: {
                ObjectNode body = TestkitJson.object();
                body.put("status", "error");
                body.put("message", "The given data was invalid.");
                body.putObject("errors").put("with", "The selected with is invalid.");
                return Reply.json(422, body);
            }
            default:
                return message(status, status >= 500 ? "Server Error" : "Error");
        }
    }

    /**
     * Builds {@link FakeBeatPass} servers. Defaults: token {@value #DEFAULT_TOKEN}, 300 requests a
     * minute with {@code X-RateLimit-*} headers on every response, free port, recording on, no gzip.
     */
    public static final class Builder extends FakeServerBuilder<Builder> {
        private String token = DEFAULT_TOKEN;

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

        /** Starts the server. */
        public FakeBeatPass start() {
            return new FakeBeatPass(this);
        }
    }
}
