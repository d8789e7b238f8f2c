package io.trackflow.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The BeatPass fake's catalogue: tracks in albums with artists, genres and tags, the removed ones,
 * raw bodies put by tests, playlists, and the rendering of a track for a token holder or for the
 * public.
 */
final class BeatPassCatalogue {

    /** Track fields a token-less caller sees: the minimal data of the provider's description. */
    private static final Set<String> PUBLIC_TRACK =
            Set.of("id", "name", "image", "release_date", "model_type", "created_at", "duration_text");

    private static final Set<String> PUBLIC_ARTIST = Set.of("id", "name", "image_small", "model_type");
    private static final Set<String> PUBLIC_ALBUM =
            Set.of("id", "name", "image", "release_date", "description", "model_type");
    private static final String[] GENRES = {"rock", "hip hop", "jazz", "electronic", "lo-fi", "soul", "ambient", "trap"
    };
    private static final Instant EPOCH = Instant.parse("2023-01-01T00:00:00Z");

    private final ConcurrentSkipListMap<Long, ObjectNode> tracks = new ConcurrentSkipListMap<>();
    private final Map<Long, List<Long>> albumTracks = new ConcurrentHashMap<>();
    private final Map<Long, ObjectNode> albums = new ConcurrentHashMap<>();
    private final Set<Long> removed = ConcurrentHashMap.newKeySet();
    private final Map<Long, byte[]> raw = new ConcurrentHashMap<>();
    private final Map<Long, byte[]> rawTracks = new ConcurrentHashMap<>();
    private final Map<Long, List<Long>> playlists = new ConcurrentHashMap<>();
    /** Serialized 200 bodies by "tier:id?with": the catalogue only changes through seed(). */
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();

    private final Random random = new Random(7);

    /** Adds {@code n} tracks in albums of up to 8; deterministic. */
    synchronized void seed(int n) {
        bodies.clear();
        long nextTrack = tracks.isEmpty() ? 1 : tracks.lastKey() + 1;
        long albumId = albums.size() + 1L;
        int left = n;
        while (left > 0) {
            int size = Math.min(left, 1 + random.nextInt(8));
            ArrayNode artists = JsonNodeFactory.instance.arrayNode();
            int artistCount = 1 + random.nextInt(2);
            for (int a = 0; a < artistCount; a++) {
                artists.add(artist(1 + random.nextInt(500)));
            }
            LocalDate released =
                    LocalDate.of(1960 + random.nextInt(65), 1 + random.nextInt(12), 1 + random.nextInt(28));
            ObjectNode album = JsonNodeFactory.instance.objectNode();
            album.put("id", albumId);
            album.put("name", "Album " + albumId);
            album.put("image", "https://img.example.com/albums/" + albumId + ".jpg");
            album.put("release_date", released.toString());
            album.put("description", "The " + albumId + "th album.");
            album.put("model_type", "album");
            album.put("plays", albumId * 7_919 % 250_000);
            album.put("created_at", timestamp(EPOCH.plusSeconds(albumId * 86_400), albumId));
            album.set("_artists", artists);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                long id = nextTrack++;
                ids.add(id);
                tracks.put(id, track(id, released, artists, albumId));
            }
            albums.put(albumId, album);
            albumTracks.put(albumId, ids);
            albumId++;
            left -= size;
        }
    }

    private ObjectNode track(long id, LocalDate released, ArrayNode artists, long albumId) {
        ObjectNode t = JsonNodeFactory.instance.objectNode();
        t.put("id", id);
        t.put("name", "Track " + id);
        t.put("model_type", "track");
        t.put("release_date", released.toString());
        if (random.nextInt(6) == 0) {
            t.putNull("image");
        } else {
            t.put("image", "https://img.example.com/tracks/" + id + ".jpg");
        }
        long duration = 90_000L + random.nextInt(300_000);
        t.put("duration", duration);
        t.put("duration_text", String.format("%d:%02d", duration / 60_000, duration / 1_000 % 60));
        if (random.nextInt(3) == 0) {
            t.putNull("description");
        } else {
            t.put("description", "Track number " + id);
        }
        t.put("plays", random.nextInt(100_000));
        Instant created = EPOCH.plusSeconds(id * 3_600);
        t.put("created_at", timestamp(created, id));
        t.put("updated_at", timestamp(created.plusSeconds(id % 5 * 86_400), id + 1));
        BeatPassOddities.addTokenFields(t, id);
        t.set("_artists", artists);
        t.put("_album", albumId);
        ArrayNode genres = t.putArray("_genres");
        genres.addObject()
                .put("id", 1 + random.nextInt(GENRES.length))
                .put("name", GENRES[random.nextInt(GENRES.length)]);
        ArrayNode tags = t.putArray("_tags");
        int tagCount = random.nextInt(3);
        for (int k = 0; k < tagCount; k++) {
            int tag = 1 + random.nextInt(40);
            tags.addObject().put("id", tag).put("name", "tag-" + tag);
        }
        return t;
    }

    private static ObjectNode artist(long id) {
        ObjectNode artist = JsonNodeFactory.instance.objectNode();
        artist.put("id", id);
        artist.put("name", "Artist " + id);
        artist.put("image_small", "https://img.example.com/artists/" + id + ".jpg");
        artist.put("model_type", "artist");
        if (id % 2 == 1) {
            artist.put("verified", id % 3 == 0 ? 1 : 0); // a MySQL tinyint, as Laravel sends it without a cast
        } else {
            artist.put("verified", id % 3 == 0);
        }
        if (id % 4 == 0) {
            artist.putNull("bio");
        } else {
            artist.put("bio", "Producer #" + id + " from the fake scene.");
        }
        if (id % 5 == 0) {
            artist.putNull("website");
        } else {
            artist.put("website", "https://artist" + id + ".example.com");
        }
        return artist;
    }

    /** Laravel's ISO form and the "UTC" form of the providers' pages, in turn. */
    private static String timestamp(Instant t, long n) {
        return n % 2 == 0 ? WireTimestamps.utcWords(t) : WireTimestamps.laravel(t);
    }

    void remove(long id) {
        removed.add(id);
    }

    void putRaw(long id, String trackJson) {
        rawTracks.put(id, trackJson.getBytes(StandardCharsets.UTF_8));
        raw.put(id, ("{\"status\":\"success\",\"track\":" + trackJson + "}").getBytes(StandardCharsets.UTF_8));
    }

    void putPlaylist(long id, List<Long> trackIds) {
        playlists.put(id, List.copyOf(trackIds));
    }

    /** A playlist's track ids in its order, or null when there is no such playlist. */
    @Nullable
    List<Long> playlist(long id) {
        return playlists.get(id);
    }

    /** The ids of the seeded tracks (removed ones included) that {@code p} accepts, ascending. */
    List<Long> idsWhere(Predicate<ObjectNode> p) {
        List<Long> out = new ArrayList<>();
        tracks.forEach((id, t) -> {
            if (p.test(t)) {
                out.add(id);
            }
        });
        return out;
    }

    int size() {
        return tracks.size();
    }

    /** Whether the id has a track to serve: a seeded one or a raw body (removed or not). */
    boolean has(long id) {
        return tracks.containsKey(id) || rawTracks.containsKey(id);
    }

    boolean isRemoved(long id) {
        return removed.contains(id);
    }

    /** The 200 body for a track, or null when there is no such track. */
    byte @Nullable [] body(long id, Set<String> with, boolean token) {
        byte[] r = raw.get(id);
        if (r != null) {
            return r;
        }
        ObjectNode t = tracks.get(id);
        if (t == null) {
            return null;
        }
        return bodies.computeIfAbsent((token ? "token:" : "public:") + id + "?" + String.join(",", with), k -> {
            ObjectNode envelope = TestkitJson.object();
            envelope.put("status", "success");
            envelope.set("track", render(t, with, token, true));
            return TestkitJson.bytes(envelope);
        });
    }

    /**
     * A list item: the raw text put for the id, or the catalogue's track as a lookup renders it; null
     * when there is neither.
     */
    byte @Nullable [] item(long id, Set<String> with, boolean token) {
        byte[] r = rawTracks.get(id);
        if (r != null) {
            return r;
        }
        ObjectNode t = tracks.get(id);
        if (t == null) {
            return null;
        }
        return bodies.computeIfAbsent(
                (token ? "item:token:" : "item:public:") + id + "?" + String.join(",", with),
                k -> TestkitJson.bytes(render(t, with, token, true)));
    }

    private ObjectNode render(ObjectNode stored, Set<String> with, boolean token, boolean withAlbumTracks) {
        ObjectNode t = copy(stored, token ? null : PUBLIC_TRACK);
        if (with.contains("artists")) {
            t.set("artists", artists(stored.get("_artists"), token));
        }
        if (with.contains("genres")) {
            t.set("genres", stored.get("_genres"));
        }
        if (with.contains("tags") && token) {
            t.set("tags", stored.get("_tags"));
        }
        if (with.contains("album")) {
            ObjectNode stock = albums.get(stored.get("_album").asLong());
            ObjectNode album = copy(stock, token ? null : PUBLIC_ALBUM);
            album.set("artists", artists(stock.get("_artists"), token));
            if (withAlbumTracks && token) {
                ArrayNode list = album.putArray("tracks");
                for (long id : albumTracks.getOrDefault(stock.get("id").asLong(), List.of())) {
                    list.add(render(tracks.get(id), Set.of("artists"), true, false));
                }
            }
            t.set("album", album);
        }
        return t;
    }

    private static ArrayNode artists(JsonNode stored, boolean token) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        stored.forEach(a -> out.add(copy((ObjectNode) a, token ? null : PUBLIC_ARTIST)));
        return out;
    }

    /** The fields of a stored node a tier may see; internal ones (leading {@code _}) never. */
    private static ObjectNode copy(ObjectNode stored, @Nullable Set<String> allowed) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> f : stored.properties()) {
            if (!f.getKey().startsWith("_") && (allowed == null || allowed.contains(f.getKey()))) {
                out.set(f.getKey(), f.getValue());
            }
        }
        return out;
    }
}
