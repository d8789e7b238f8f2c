package io.trackflow.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * An in-process fake of the BeatPass track lookup ({@code GET /api/v1/tracks/{id}?with=...}), served
 * over real HTTP on a loopback port, behaving like the BeMusic (Laravel) deployment:
 *
 * <ul>
 *   <li>{@code Authorization: Bearer <token>} is checked: without a valid token the answer is {@code
 *       401 {"message":"Unauthenticated."}} when the request accepts JSON, and a {@code 302} to an
 *       HTML login page when it does not;
 *   <li>{@code 200 {"status":"success","track":{...}}}; relations ({@code tags}, {@code genres},
 *       {@code artists}, {@code album}) only when asked with {@code with=}; an unknown relation is
 *       {@code 422 {"status":"error","message":"The given data was invalid.","errors":{"with":[...]}}};
 *   <li>unknown ids are {@code 404 {"message":"Track not found"}}, removed ones {@code 410
 *       {"message":"Track unavailable"}};
 *   <li>every response carries {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining}, {@code
 *       X-RateLimit-Reset}; past the limit (300 a minute by default) the answer is {@code 429
 *       {"message":"Too Many Attempts.","retry_after":N}} with {@code Retry-After: N}.
 * </ul>
 */
public final class FakeBeatPass extends FakeHttpServer {

  /** The token {@link #start()} accepts. */
  public static final String DEFAULT_TOKEN = "test-token";

  private static final Set<String> RELATIONS = Set.of("tags", "genres", "artists", "album");
  private static final String[] GENRES = {"rock", "hip hop", "jazz", "electronic", "lo-fi", "soul", "ambient", "trap"};

  private final String token;
  private final int ratePerMinute;
  private final ConcurrentSkipListMap<Long, ObjectNode> tracks = new ConcurrentSkipListMap<>();
  private final Map<Long, List<Long>> albumTracks = new ConcurrentHashMap<>();
  private final Map<Long, ObjectNode> albums = new ConcurrentHashMap<>();
  private final Set<Long> removed = ConcurrentHashMap.newKeySet();
  /** Serialized 200 bodies by "id?with": the catalogue only changes through seed(). */
  private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
  private final Random random = new Random(7);
  private final Object windowLock = new Object();
  private long windowStart;
  private final AtomicInteger used = new AtomicInteger();

  private FakeBeatPass(Builder b) {
    super(false, b.port, b.recording);
    this.token = b.token;
    this.ratePerMinute = b.ratePerMinute;
  }

  /** Starts a server accepting {@value #DEFAULT_TOKEN}, limited to 300 requests a minute. */
  public static FakeBeatPass start() {
    return builder().start();
  }

  /** Returns a builder. */
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
   * deterministic. Track ids start at 1.
   *
   * @param n how many tracks
   * @return this
   */
  public synchronized FakeBeatPass seed(int n) {
    bodies.clear();
    long nextTrack = tracks.isEmpty() ? 1 : tracks.lastKey() + 1;
    long albumId = albums.size() + 1L;
    int left = n;
    while (left > 0) {
      int size = Math.min(left, 1 + random.nextInt(8));
      ArrayNode artists = JsonNodeFactory.instance.arrayNode();
      int artistCount = 1 + random.nextInt(2);
      for (int a = 0; a < artistCount; a++) {
        long artistId = 1 + random.nextInt(500);
        ObjectNode artist = artists.addObject();
        artist.put("id", artistId);
        artist.put("name", "Artist " + artistId);
        artist.put("image_small", "https://img.example.com/artists/" + artistId + ".jpg");
        artist.put("verified", artistId % 3 == 0);
      }
      LocalDate released = LocalDate.of(1960 + random.nextInt(65), 1 + random.nextInt(12), 1 + random.nextInt(28));
      ObjectNode album = JsonNodeFactory.instance.objectNode();
      album.put("id", albumId);
      album.put("name", "Album " + albumId);
      album.put("image", "https://img.example.com/albums/" + albumId + ".jpg");
      album.put("release_date", released.toString());
      album.put("description", "The " + albumId + "th album.");
      List<Long> ids = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        long id = nextTrack++;
        ids.add(id);
        ObjectNode t = JsonNodeFactory.instance.objectNode();
        t.put("id", id);
        t.put("name", "Track " + id);
        t.put("release_date", released.toString());
        if (random.nextInt(6) == 0) {
          t.putNull("image");
        } else {
          t.put("image", "https://img.example.com/tracks/" + id + ".jpg");
        }
        t.put("duration", 90_000L + random.nextInt(300_000));
        if (random.nextInt(3) == 0) {
          t.putNull("description");
        } else {
          t.put("description", "Track number " + id);
        }
        t.put("plays", random.nextInt(100_000));
        t.put("model_type", "track");
        t.set("_artists", artists);
        t.put("_album", albumId);
        ArrayNode genres = t.putArray("_genres");
        genres.addObject().put("id", 1 + random.nextInt(GENRES.length)).put("name", GENRES[random.nextInt(GENRES.length)]);
        ArrayNode tags = t.putArray("_tags");
        int tagCount = random.nextInt(3);
        for (int k = 0; k < tagCount; k++) {
          int tag = 1 + random.nextInt(40);
          tags.addObject().put("id", tag).put("name", "tag-" + tag);
        }
        tracks.put(id, t);
      }
      album.set("artists", artists);
      albums.put(albumId, album);
      albumTracks.put(albumId, ids);
      albumId++;
      left -= size;
    }
    return this;
  }

  /**
   * Marks a track as removed by its owner or moderation: it then answers 410.
   *
   * @param id the track
   */
  public void removeTrack(long id) {
    removed.add(id);
  }

  /** The number of tracks in the catalogue (removed ones included). */
  public int trackCount() {
    return tracks.size();
  }

  @Override
  Reply route(RecordedRequest r) {
    Map<String, String> headers = rateHeaders(r);
    if (headers == null) {
      return errorReply(429, r);
    }
    String auth = r.header("Authorization").orElse("");
    if (!auth.equals("Bearer " + token)) {
      if (!r.header("Accept").orElse("").contains("application/json")) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put("Location", "http://127.0.0.1:" + port() + "/login");
        h.put("Content-Type", "text/html; charset=UTF-8");
        return Reply.raw(302, h, "<!DOCTYPE html><html><head><meta http-equiv=\"refresh\" content=\"0;url=/login\"></head><body>Redirecting to /login</body></html>".getBytes(StandardCharsets.UTF_8));
      }
      return Reply.json(401, Map.of("message", "Unauthenticated."), headers);
    }
    String prefix = "/api/v1/tracks/";
    if (!r.method().equals("GET") || !r.path().startsWith(prefix)) {
      return Reply.json(404, Map.of("message", "Not Found"), headers);
    }
    long id;
    try {
      id = Long.parseLong(r.path().substring(prefix.length()));
    } catch (NumberFormatException e) {
      return Reply.json(404, Map.of("message", "Track not found"), headers);
    }
    Set<String> with = new LinkedHashSet<>();
    for (String w : r.query().getOrDefault("with", List.of())) {
      for (String part : w.split(",")) {
        if (!part.isBlank()) {
          with.add(part.trim());
        }
      }
    }
    for (String w : with) {
      if (!RELATIONS.contains(w)) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "error");
        body.put("message", "The given data was invalid.");
        body.put("errors", Map.of("with", List.of("The selected with is invalid.")));
        return Reply.json(422, body, headers);
      }
    }
    ObjectNode t = tracks.get(id);
    if (t == null) {
      return Reply.json(404, Map.of("message", "Track not found"), headers);
    }
    if (removed.contains(id)) {
      return Reply.json(410, Map.of("message", "Track unavailable"), headers);
    }
    byte[] body = bodies.computeIfAbsent(id + "?" + String.join(",", with), k -> {
      ObjectNode envelope = JsonNodeFactory.instance.objectNode();
      envelope.put("status", "success");
      envelope.set("track", render(t, with, true));
      return envelope.toString().getBytes(StandardCharsets.UTF_8);
    });
    return Reply.raw(200, headers, body);
  }

  private ObjectNode render(ObjectNode stored, Set<String> with, boolean withAlbumTracks) {
    ObjectNode t = JsonNodeFactory.instance.objectNode();
    stored.fields().forEachRemaining(f -> {
      if (!f.getKey().startsWith("_")) {
        t.set(f.getKey(), f.getValue());
      }
    });
    if (with.contains("artists")) {
      t.set("artists", stored.get("_artists"));
    }
    if (with.contains("genres")) {
      t.set("genres", stored.get("_genres"));
    }
    if (with.contains("tags")) {
      t.set("tags", stored.get("_tags"));
    }
    if (with.contains("album")) {
      ObjectNode album = albums.get(stored.get("_album").asLong()).deepCopy();
      if (withAlbumTracks) {
        ArrayNode list = album.putArray("tracks");
        for (long id : albumTracks.getOrDefault(album.get("id").asLong(), List.of())) {
          list.add(render(tracks.get(id), Set.of("artists"), false));
        }
      }
      t.set("album", album);
    }
    return t;
  }

  /** The rate-limit headers, or null when the window is used up. */
  private @Nullable Map<String, String> rateHeaders(RecordedRequest r) {
    long now = Instant.now().getEpochSecond();
    int count;
    long reset;
    synchronized (windowLock) {
      if (now - windowStart >= 60) {
        windowStart = now;
        used.set(0);
      }
      count = used.incrementAndGet();
      reset = windowStart + 60;
    }
    Map<String, String> h = new LinkedHashMap<>();
    h.put("X-RateLimit-Limit", String.valueOf(ratePerMinute));
    h.put("X-RateLimit-Remaining", String.valueOf(Math.max(0, ratePerMinute - count)));
    h.put("X-RateLimit-Reset", String.valueOf(reset));
    return count > ratePerMinute ? null : h;
  }

  @Override
  Reply errorReply(int status, RecordedRequest r) {
    long now = Instant.now().getEpochSecond();
    Map<String, String> h = new LinkedHashMap<>();
    h.put("X-RateLimit-Limit", String.valueOf(ratePerMinute));
    switch (status) {
      case 429: {
        long wait;
        synchronized (windowLock) {
          wait = Math.max(1, windowStart + 60 - now);
        }
        h.put("X-RateLimit-Remaining", "0");
        h.put("X-RateLimit-Reset", String.valueOf(now + wait));
        h.put("Retry-After", String.valueOf(wait));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "Too Many Attempts.");
        body.put("retry_after", wait);
        return Reply.json(429, body, h);
      }
      case 401:
        return Reply.json(401, Map.of("message", "Unauthenticated."), h);
      case 404:
        return Reply.json(404, Map.of("message", "Track not found"), h);
      case 410:
        return Reply.json(410, Map.of("message", "Track unavailable"), h);
      case 422:
        return Reply.json(422, Map.of("status", "error", "message", "The given data was invalid.", "errors", Map.of("with", "The selected with is invalid.")), h);
      default:
        return Reply.json(status, Map.of("message", status >= 500 ? "Server Error" : "Error"), h);
    }
  }

  /** Builds {@link FakeBeatPass} servers. */
  public static final class Builder {
    private String token = DEFAULT_TOKEN;
    private int ratePerMinute = 300;
    private int port;
    private boolean recording = true;

    Builder() {}

    /**
     * The loopback port to listen on. Default 0: a free port.
     *
     * @param port 0..65535
     * @return this
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be within 0..65535, was " + port);
      }
      this.port = port;
      return this;
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
     * Requests allowed per minute before 429s. Default 300, the provider's limit.
     *
     * @param limit at least 1
     * @return this
     */
    public Builder rateLimitPerMinute(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("rateLimitPerMinute must be >= 1, was " + limit);
      }
      this.ratePerMinute = limit;
      return this;
    }

    /**
     * Whether requests are kept for {@code requests()}. Default true; turn off for long load runs
     * (benchmarks), where the log would grow without bound.
     *
     * @param record on or off
     * @return this
     */
    public Builder recordRequests(boolean record) {
      this.recording = record;
      return this;
    }

    /** Starts the server on a free loopback port. */
    public FakeBeatPass start() {
      return new FakeBeatPass(this);
    }
  }
}
