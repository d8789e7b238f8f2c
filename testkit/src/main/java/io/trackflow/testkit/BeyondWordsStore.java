package io.trackflow.testkit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The BeyondWords fake's tracks, in id order (the listing order), with an immutable snapshot for
 * readers and a cache of serialized unfiltered pages. Writers hold the store's lock.
 */
final class BeyondWordsStore {

    private static final String[] WORDS = {
        "Rain", "Ocean", "Forest", "Cafe", "Night", "Piano", "Lo-fi", "Breeze", "Storm", "Vinyl", "Dawn", "Fire"
    };

    private final ConcurrentSkipListMap<Long, BeyondWordsTrack> tracks = new ConcurrentSkipListMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final Random random = new Random(42);
    /** The tracks as of the last write, with their serialized unfiltered pages by "from:to". */
    private volatile View view = new View(List.of(), new ConcurrentHashMap<>());

    /** Adds {@code n} tracks with varied, deterministic fields. */
    synchronized void seed(int n) {
        Instant base = Instant.parse("2023-01-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            long id = nextId.getAndIncrement();
            String name = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " #" + id;
            Long project = random.nextInt(4) == 0 ? null : (long) (1 + random.nextInt(4));
            boolean media = random.nextInt(5) != 0;
            Instant created = base.plusSeconds(id * 3_600L + random.nextInt(3_600));
            tracks.put(
                    id,
                    new BeyondWordsTrack(
                            id,
                            name,
                            random.nextInt(101),
                            project,
                            media ? "https://cdn.example.com/bg/" + id + ".mp3" : null,
                            media && random.nextBoolean() ? Long.valueOf(30_000 + random.nextInt(600_000)) : null,
                            created,
                            created.plusSeconds(random.nextInt(86_400)),
                            project != null,
                            random.nextInt(3) == 0 ? "secondary" : "primary"));
        }
        refresh();
    }

    /** Adds a track with the given fields and a fresh id (media at a URL of its own when null); returns it. */
    synchronized BeyondWordsTrack add(
            String name, int volume, @Nullable Long project, @Nullable String mediaUrl, Instant now) {
        long id = nextId.getAndIncrement();
        String media = mediaUrl != null ? mediaUrl : "https://cdn.example.com/bg/" + id + ".mp3";
        BeyondWordsTrack t =
                new BeyondWordsTrack(id, name, volume, project, media, null, now, now, project != null, "primary");
        tracks.put(id, t);
        refresh();
        return t;
    }

    /** Replaces a track. */
    synchronized void put(BeyondWordsTrack t) {
        tracks.put(t.id, t);
        refresh();
    }

    synchronized void rename(long id, String name) {
        BeyondWordsTrack s = Objects.requireNonNull(tracks.get(id), "no track " + id);
        put(s.with(name, s.volume, s.projectId, s.mediaUrl, later(s.updated)));
    }

    synchronized void remove(long id) {
        tracks.remove(id);
        refresh();
    }

    @Nullable
    BeyondWordsTrack get(long id) {
        return tracks.get(id);
    }

    int size() {
        return tracks.size();
    }

    List<Long> ids() {
        return new ArrayList<>(tracks.keySet());
    }

    /** Every track, in listing order, as of the last write. */
    List<BeyondWordsTrack> snapshot() {
        return view.tracks;
    }

    /** Whether another track has this name (ignoring case). */
    boolean nameTaken(String name, long except) {
        for (BeyondWordsTrack s : view.tracks) {
            if (s.id != except && s.name.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** The JSON array of {@code tracks[from, to)}, cached when {@code tracks} is the whole snapshot. */
    byte[] page(List<BeyondWordsTrack> tracks, int from, int to) {
        View v = view;
        if (tracks == v.tracks) {
            return v.pages.computeIfAbsent(from + ":" + to, k -> render(tracks, from, to));
        }
        return render(tracks, from, to);
    }

    private static byte[] render(List<BeyondWordsTrack> tracks, int from, int to) {
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

    /** Now to the second, or a second after {@code before} if the clock has not moved past it. */
    static Instant later(Instant before) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return now.isAfter(before) ? now : before.plusSeconds(1);
    }

    private void refresh() {
        view = new View(List.copyOf(tracks.values()), new ConcurrentHashMap<>());
    }

    private record View(List<BeyondWordsTrack> tracks, Map<String, byte[]> pages) {}
}
