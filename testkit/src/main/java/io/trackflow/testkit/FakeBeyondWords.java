package io.trackflow.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackflow.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

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
 *       context}}; injected 429s answer {@code {message}}.
 * </ul>
 *
 * <p>Every request is recorded; {@link #faults()} injects failures.
 */
public final class FakeBeyondWords extends FakeHttpServer {

  /** The API key {@link #start()} accepts. */
  public static final String DEFAULT_API_KEY = "test-api-key";
  /** Writes to this project are refused with a {@code permission_error}. */
  public static final long LOCKED_PROJECT_ID = 13;

  private static final DateTimeFormatter PROVIDER_TS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final Map<Long, String> PROJECTS =
      Map.of(1L, "Newsroom", 2L, "Podcasts", 3L, "Audiobooks", 4L, "Marketing", LOCKED_PROJECT_ID, "Locked archive");
  private static final String[] WORDS = {
    "Rain", "Ocean", "Forest", "Cafe", "Night", "Piano", "Lo-fi", "Breeze", "Storm", "Vinyl", "Dawn", "Fire"
  };

  private final String apiKey;
  private final int maxPageSize;
  private final ConcurrentSkipListMap<Long, Stored> tracks = new ConcurrentSkipListMap<>();
  private final AtomicLong nextId = new AtomicLong(1);
  private final Random random = new Random(42);
  private volatile List<Stored> snapshot = List.of();
  /** Serialized unfiltered pages, by "offset:limit"; dropped on every write. */
  private final Map<String, byte[]> pageCache = new java.util.concurrent.ConcurrentHashMap<>();
  private final long synthetic;

  private FakeBeyondWords(Builder b) {
    super(b.gzip, b.port, b.recording);
    this.apiKey = b.apiKey;
    this.maxPageSize = b.maxPageSize;
    this.synthetic = b.synthetic;
  }

  /** Starts a server accepting {@value #DEFAULT_API_KEY}, clamping pages at 50. */
  public static FakeBeyondWords start() {
    return builder().start();
  }

  /** Returns a builder. */
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
   * Adds {@code n} tracks with varied, deterministic fields.
   *
   * @param n how many
   * @return this
   */
  public synchronized FakeBeyondWords seed(int n) {
    Instant base = Instant.parse("2023-01-01T00:00:00Z");
    for (int i = 0; i < n; i++) {
      long id = nextId.getAndIncrement();
      String name = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " #" + id;
      Long project = random.nextInt(4) == 0 ? null : (long) (1 + random.nextInt(4));
      boolean media = random.nextInt(5) != 0;
      Instant created = base.plusSeconds(id * 3_600L + random.nextInt(3_600));
      Stored s = new Stored(
          id, name, random.nextInt(101), project,
          media ? "https://cdn.example.com/bg/" + id + ".mp3" : null,
          media && random.nextBoolean() ? Long.valueOf(30_000 + random.nextInt(600_000)) : null,
          created, created.plusSeconds(random.nextInt(86_400)),
          project != null, random.nextInt(3) == 0 ? "secondary" : "primary");
      tracks.put(id, s);
    }
    refresh();
    return this;
  }

  /**
   * Adds one track (as if created by someone else) and returns its id.
   *
   * @param name the name
   * @return the id
   */
  public synchronized long addTrack(String name) {
    long id = nextId.getAndIncrement();
    Instant now = Instant.now();
    tracks.put(id, new Stored(id, name, 100, null, "https://cdn.example.com/bg/" + id + ".mp3", null, now, now, false, "primary"));
    refresh();
    return id;
  }

  /**
   * Renames a track, moving its {@code updated} time forward.
   *
   * @param id the track
   * @param name the new name
   */
  public synchronized void renameTrack(long id, String name) {
    Stored s = Objects.requireNonNull(tracks.get(id), "no track " + id);
    tracks.put(id, s.with(name, s.volume, s.projectId, s.mediaUrl, later(s.updated)));
    refresh();
  }

  /**
   * Deletes a track.
   *
   * @param id the track
   */
  public synchronized void removeTrack(long id) {
    tracks.remove(id);
    refresh();
  }

  /** The number of tracks stored. */
  public int trackCount() {
    return tracks.size();
  }

  /** The ids stored, ascending (the listing order). */
  public List<Long> trackIds() {
    return new ArrayList<>(tracks.keySet());
  }

  private void refresh() {
    snapshot = List.copyOf(tracks.values());
    pageCache.clear();
  }

  @Override
  Reply route(RecordedRequest r) {
    if (!apiKey.equals(r.header("X-Api-Key").orElse(null))) {
      return errorReply(401, r);
    }
    String path = r.path();
    if (synthetic > 0) {
      return syntheticRoute(r);
    }
    if (path.equals("/v1/background_tracks") || path.equals("/v1/background_tracks/")) {
      switch (r.method()) {
        case "GET":
          return list(r);
        case "POST":
          return create(r);
        default:
          return error(405, "Method not allowed");
      }
    }
    if (path.startsWith("/v1/background_tracks/")) {
      Long id = parseId(path.substring("/v1/background_tracks/".length()));
      Stored s = id == null ? null : tracks.get(id);
      if (s == null) {
        return errorReply(404, r);
      }
      switch (r.method()) {
        case "GET":
          return Reply.raw(200, new LinkedHashMap<>(), s.json());
        case "PUT":
          return update(s, r);
        default:
          return error(405, "Method not allowed");
      }
    }
    return errorReply(404, r);
  }

  @Override
  Reply errorReply(int status, RecordedRequest r) {
    switch (status) {
      case 401:
        return error(401, "Unauthorized");
      case 403:
        return Reply.json(403, Map.of("type", "permission_error", "message", "You do not have permission to access this resource", "context", Map.of("path", r.path())));
      case 404:
        return error(404, "Not found");
      case 429:
        return Reply.json(429, Map.of("message", "Too many requests, please slow down"));
      case 422:
        return Reply.json(422, Map.of("code", 422, "message", "Invalid request body", "errors", List.of()));
      default:
        return error(status, status >= 500 ? "Internal server error" : "Request failed");
    }
  }

  private static Reply error(int status, String message) {
    return Reply.json(status, Map.of("code", status, "message", message));
  }

  private static Reply invalid(int status, String message, String location, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", status);
    body.put("message", message);
    body.put("errors", List.of(Map.of("location", location, "message", detail)));
    return Reply.json(status, body);
  }

  private Reply list(RecordedRequest r) {
    Integer limit = 10;
    long offset = 0;
    Optional<String> l = r.queryParam("pagination[limit]");
    Optional<String> o = r.queryParam("pagination[offset]");
    try {
      if (l.isPresent()) {
        limit = Integer.parseInt(l.get().trim());
      }
      if (o.isPresent()) {
        offset = Long.parseLong(o.get().trim());
      }
    } catch (NumberFormatException e) {
      return invalid(400, "Invalid parameter", l.isPresent() && !l.get().trim().matches("-?\\d+") ? "pagination[limit]" : "pagination[offset]", "must be an integer");
    }
    if (limit < 1) {
      return invalid(400, "Invalid parameter", "pagination[limit]", "must be greater than 0");
    }
    if (offset < 0) {
      return invalid(400, "Invalid parameter", "pagination[offset]", "must be greater than or equal to 0");
    }
    int effective = Math.min(limit, maxPageSize);

    Map<String, Object> applied = new LinkedHashMap<>();
    String name = r.queryParam("filter[name]").orElse(null);
    if (name != null) {
      applied.put("name", name);
    }
    Boolean custom = null;
    Optional<String> c = r.queryParam("filter[custom]");
    if (c.isPresent()) {
      if (!c.get().equals("true") && !c.get().equals("false")) {
        return invalid(400, "Invalid parameter", "filter[custom]", "must be true or false");
      }
      custom = Boolean.valueOf(c.get());
      applied.put("custom", custom);
    }
    Set<String> scopes = new TreeSet<>();
    for (Map.Entry<String, List<String>> q : r.query().entrySet()) {
      if (q.getKey().equals("filter[scopes][]") || q.getKey().equals("filter[scopes]") || q.getKey().startsWith("filter[scopes][")) {
        scopes.addAll(q.getValue());
      }
    }
    if (!scopes.isEmpty()) {
      applied.put("scopes", List.copyOf(scopes));
    }

    List<Stored> all = snapshot;
    List<Stored> matching;
    if (applied.isEmpty()) {
      matching = all;
    } else {
      String needle = name == null ? null : name.toLowerCase(Locale.ROOT);
      matching = new ArrayList<>();
      for (Stored s : all) {
        if ((needle == null || s.name.toLowerCase(Locale.ROOT).contains(needle))
            && (custom == null || s.custom == custom)
            && (scopes.isEmpty() || scopes.contains(s.scope))) {
          matching.add(s);
        }
      }
    }
    int total = matching.size();
    int from = (int) Math.min(offset, total);
    int to = (int) Math.min((long) from + effective, total);
    List<Stored> view = matching;
    byte[] body = applied.isEmpty()
        ? pageCache.computeIfAbsent(from + ":" + to, k -> page(view, from, to))
        : page(view, from, to);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Pagination-Total-Count", String.valueOf(total));
    headers.put("X-Pagination-Limit", String.valueOf(effective));
    headers.put("X-Pagination-OffSet", String.valueOf(offset));
    if (!applied.isEmpty()) {
      try {
        headers.put("X-BeyondWords-Filter", Json.writer().writeValueAsString(applied));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return Reply.raw(200, headers, body);
  }

  private static byte[] page(List<Stored> tracks, int from, int to) {
    int size = 2;
    for (int i = from; i < to; i++) {
      size += tracks.get(i).json().length + 1;
    }
    byte[] body = new byte[size - (to > from ? 1 : 0)];
    int at = 0;
    body[at++] = '[';
    for (int i = from; i < to; i++) {
      if (i > from) {
        body[at++] = ',';
      }
      byte[] j = tracks.get(i).json();
      System.arraycopy(j, 0, body, at, j.length);
      at += j.length;
    }
    body[at] = ']';
    return body;
  }

  /** Synthetic mode: a read-only listing of ids 1..n generated on the fly, nothing stored. */
  private Reply syntheticRoute(RecordedRequest r) {
    if (!r.method().equals("GET") || !r.path().equals("/v1/background_tracks")) {
      return error(405, "Synthetic listing: only GET /v1/background_tracks");
    }
    long offset;
    int limit;
    try {
      offset = r.queryParam("pagination[offset]").map(v -> Long.parseLong(v.trim())).orElse(0L);
      limit = Math.min(maxPageSize, r.queryParam("pagination[limit]").map(v -> Integer.parseInt(v.trim())).orElse(10));
    } catch (NumberFormatException e) {
      return invalid(400, "Invalid parameter", "pagination", "must be an integer");
    }
    if (offset < 0 || limit < 1) {
      return invalid(400, "Invalid parameter", "pagination", "out of range");
    }
    StringBuilder b = new StringBuilder(limit * 200).append('[');
    for (long id = offset + 1; id <= Math.min(synthetic, offset + limit); id++) {
      if (id > offset + 1) {
        b.append(',');
      }
      long created = 1_672_531_200L + id * 60;
      b.append("{\"id\":").append(id)
          .append(",\"name\":\"Synthetic track ").append(id)
          .append("\",\"volume\":").append(id % 101)
          .append(",\"project\":").append(id % 4 == 0 ? "null" : "{\"id\":" + (id % 4) + ",\"name\":\"Project " + (id % 4) + "\"}")
          .append(",\"media\":{\"url\":\"https://cdn.example.com/bg/").append(id).append(".mp3\",\"duration\":").append(30_000 + id % 600_000)
          .append("},\"created\":\"").append(PROVIDER_TS.format(Instant.ofEpochSecond(created)))
          .append("\",\"updated\":\"").append(PROVIDER_TS.format(Instant.ofEpochSecond(created + 5)))
          .append("\"}");
    }
    b.append(']');
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Pagination-Total-Count", String.valueOf(synthetic));
    headers.put("X-Pagination-Limit", String.valueOf(limit));
    headers.put("X-Pagination-OffSet", String.valueOf(offset));
    return Reply.raw(200, headers, b.toString().getBytes(StandardCharsets.UTF_8));
  }

  private Reply create(RecordedRequest r) {
    JsonNode body = parseBody(r);
    if (body == null || !body.isObject()) {
      return error(400, "Invalid JSON in request body");
    }
    Reply problem = validate(body, true);
    if (problem != null) {
      return problem;
    }
    synchronized (this) {
      String name = body.get("name").asText().trim();
      if (nameTaken(name, -1)) {
        return invalid(422, "Invalid request body", "name", "has already been taken");
      }
      Long project = projectOf(body, null);
      if (project != null && project == LOCKED_PROJECT_ID) {
        return errorReply(403, r);
      }
      long id = nextId.getAndIncrement();
      Instant now = Instant.now().with(java.time.temporal.ChronoField.NANO_OF_SECOND, 0);
      Stored s = new Stored(id, name, body.has("volume") ? body.get("volume").asInt() : 100, project,
          body.path("media").path("url").asText(), null, now, now, project != null, "primary");
      tracks.put(id, s);
      refresh();
      return Reply.raw(201, new LinkedHashMap<>(), s.json());
    }
  }

  private Reply update(Stored s, RecordedRequest r) {
    JsonNode body = parseBody(r);
    if (body == null || !body.isObject()) {
      return error(400, "Invalid JSON in request body");
    }
    Reply problem = validate(body, false);
    if (problem != null) {
      return problem;
    }
    synchronized (this) {
      Stored current = tracks.get(s.id);
      if (current == null) {
        return errorReply(404, r);
      }
      if (current.projectId != null && current.projectId == LOCKED_PROJECT_ID) {
        return errorReply(403, r);
      }
      String name = body.has("name") ? body.get("name").asText().trim() : current.name;
      if (body.has("name") && nameTaken(name, current.id)) {
        return invalid(422, "Invalid request body", "name", "has already been taken");
      }
      Long project = projectOf(body, current.projectId);
      if (project != null && project == LOCKED_PROJECT_ID) {
        return errorReply(403, r);
      }
      int volume = body.has("volume") ? body.get("volume").asInt() : current.volume;
      String media = body.has("media") ? body.path("media").path("url").asText() : current.mediaUrl;
      Stored next = current.with(name, volume, project, media, later(current.updated));
      tracks.put(current.id, next);
      refresh();
      return Reply.raw(200, new LinkedHashMap<>(), next.json());
    }
  }

  private static Instant later(Instant before) {
    Instant now = Instant.now().with(java.time.temporal.ChronoField.NANO_OF_SECOND, 0);
    return now.isAfter(before) ? now : before.plusSeconds(1);
  }

  private @Nullable Reply validate(JsonNode body, boolean creating) {
    JsonNode name = body.get("name");
    if (creating || name != null) {
      if (name == null || !name.isTextual() || name.asText().isBlank()) {
        return invalid(422, "Invalid request body", "name", "can't be blank");
      }
    }
    JsonNode volume = body.get("volume");
    if (volume != null && (!volume.isIntegralNumber() || volume.asInt() < 0 || volume.asInt() > 100)) {
      return invalid(422, "Invalid request body", "volume", "must be an integer between 0 and 100");
    }
    JsonNode media = body.get("media");
    if (creating || media != null) {
      JsonNode url = media == null ? null : media.get("url");
      if (url == null || !url.isTextual() || url.asText().isBlank()) {
        return invalid(422, "Invalid request body", "media.url", "can't be blank");
      }
      if (!url.asText().matches("https?://\\S+")) {
        return invalid(422, "Invalid request body", "media.url", "is not a valid URL");
      }
    }
    JsonNode project = body.get("project");
    if (project != null && !project.isNull()) {
      JsonNode id = project.get("id");
      if (id == null || !id.isIntegralNumber() || !PROJECTS.containsKey(id.asLong())) {
        return invalid(422, "Invalid request body", "project.id", "does not exist");
      }
    }
    return null;
  }

  private static @Nullable Long projectOf(JsonNode body, @Nullable Long current) {
    if (!body.has("project")) {
      return current;
    }
    JsonNode p = body.get("project");
    return p.isNull() ? null : p.get("id").asLong();
  }

  private boolean nameTaken(String name, long except) {
    for (Stored s : snapshot) {
      if (s.id != except && s.name.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable JsonNode parseBody(RecordedRequest r) {
    try {
      return Json.reader().readTree(r.body());
    } catch (Exception e) {
      return null;
    }
  }

  private static @Nullable Long parseId(String s) {
    try {
      long id = Long.parseLong(s);
      return id > 0 ? id : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** One stored track and its cached JSON. */
  private static final class Stored {
    final long id;
    final String name;
    final int volume;
    final @Nullable Long projectId;
    final @Nullable String mediaUrl;
    final @Nullable Long durationMs;
    final Instant created;
    final Instant updated;
    final boolean custom;
    final String scope;
    private volatile byte @Nullable [] json;

    Stored(long id, String name, int volume, @Nullable Long projectId, @Nullable String mediaUrl,
        @Nullable Long durationMs, Instant created, Instant updated, boolean custom, String scope) {
      this.id = id;
      this.name = name;
      this.volume = volume;
      this.projectId = projectId;
      this.mediaUrl = mediaUrl;
      this.durationMs = durationMs;
      this.created = created;
      this.updated = updated;
      this.custom = custom;
      this.scope = scope;
    }

    Stored with(String name, int volume, @Nullable Long projectId, @Nullable String mediaUrl, Instant updated) {
      return new Stored(id, name, volume, projectId, mediaUrl, Objects.equals(mediaUrl, this.mediaUrl) ? durationMs : null,
          created, updated, projectId != null, scope);
    }

    byte[] json() {
      byte[] j = json;
      if (j == null) {
        json = j = render().getBytes(StandardCharsets.UTF_8);
      }
      return j;
    }

    private String render() {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("id", id);
      o.put("name", name);
      o.put("volume", volume);
      if (projectId == null) {
        o.putNull("project");
      } else {
        o.putObject("project").put("id", projectId).put("name", PROJECTS.get(projectId));
      }
      if (mediaUrl != null) {
        ObjectNode m = o.putObject("media");
        m.put("url", mediaUrl);
        if (durationMs != null) {
          m.put("duration", durationMs);
        }
        m.put("content_type", "audio/mpeg");
      }
      o.put("created", timestamp(created));
      o.put("updated", timestamp(updated));
      o.put("source_id", (String) null);
      o.putArray("tags");
      return o.toString();
    }

    /** Three forms in turn, as the provider's pages and examples disagree. */
    private String timestamp(Instant t) {
      switch ((int) (id % 3)) {
        case 0:
          return PROVIDER_TS.format(t);
        case 1:
          return DateTimeFormatter.ISO_INSTANT.format(t);
        default:
          return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atOffset(ZoneOffset.ofHours(2)));
      }
    }
  }

  /** Builds {@link FakeBeyondWords} servers. */
  public static final class Builder {
    private String apiKey = DEFAULT_API_KEY;
    private int maxPageSize = 50;
    private boolean gzip;
    private int port;
    private long synthetic;
    private boolean recording = true;

    Builder() {}

    /**
     * Serves a read-only listing of {@code n} generated tracks (ids 1..n) instead of a store: for
     * streaming millions of items without holding them. Auth, clamping and the paging headers
     * apply; filters and writes do not.
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
      if (max < 1) {
        throw new IllegalArgumentException("maxPageSize must be >= 1, was " + max);
      }
      this.maxPageSize = max;
      return this;
    }

    /**
     * Whether to gzip responses for clients that accept it. Default false.
     *
     * @param gzip on or off
     * @return this
     */
    public Builder gzip(boolean gzip) {
      this.gzip = gzip;
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
    public FakeBeyondWords start() {
      return new FakeBeyondWords(this);
    }
  }
}
