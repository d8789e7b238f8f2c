package io.trackflow.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The BeatPass fake's track lists, Laravel page-number pages: {@code GET /api/v1/tracks} (envelope
 * key {@code tracks}, size {@code per_page}, filter {@code query}) and {@code
 * /api/v1/{artists|tags|playlists}/{key}/tracks} (envelope key {@code pagination}, size {@code
 * perPage}). The other spelling of the size is ignored. Tracks come in ascending id order (a
 * playlist in its own order), removed ones left out; the size is clamped to the largest page.
 *
 * @param catalogue the tracks listed
 * @param maxPageSize the largest page
 * @param stringCounts whether the page's counts are sent as strings
 * @param ignorePage whether {@code page} is ignored (every request gets page 1)
 * @param removedAfterPaging whether removed tracks are left out of a page after it is cut (pages then
 *     fall short, the counts still include them) rather than before paging
 */
record BeatPassLists(
        BeatPassCatalogue catalogue,
        int maxPageSize,
        boolean stringCounts,
        boolean ignorePage,
        boolean removedAfterPaging) {

    /** The page size when the request names none (the provider documents 20 for the three others). */
    static final int DEFAULT_PAGE_SIZE = 20;

    private static final String BASE = "/api/v1";
    private static final Pattern NESTED = Pattern.compile(BASE + "/(artists|tags|playlists)/([^/]+)/tracks");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");

    /** Whether a path is one of the lists. */
    static boolean handles(String path) {
        return path.equals(BASE + "/tracks") || NESTED.matcher(path).matches();
    }

    /** The 404 message for a path's missing resource. */
    static String notFound(String path) {
        Matcher m = NESTED.matcher(path);
        if (!m.matches()) {
            return path.equals(BASE + "/tracks") ? "Not Found" : "Track not found";
        }
        switch (m.group(1)) {
            case "artists":
                return "Artist not found";
            case "tags":
                return "Tag not found";
            default:
                return "Playlist not found";
        }
    }

    /** Answers a list request (a path {@link #handles} accepts); auth is already checked. */
    Reply list(RecordedRequest r, boolean token) {
        String path = r.path();
        String key = "pagination";
        String sizeParam = "perPage";
        List<Long> ids;
        if (path.equals(BASE + "/tracks")) {
            key = "tracks";
            sizeParam = "per_page";
            String q = param(r, "query");
            String needle = q == null ? "" : q.toLowerCase(Locale.ROOT);
            ids = catalogue.idsWhere(
                    t -> t.get("name").asString().toLowerCase(Locale.ROOT).contains(needle));
        } else {
            Matcher m = NESTED.matcher(path);
            if (!m.matches()) {
                throw new IllegalArgumentException(path);
            }
            String arg = m.group(2);
            long id = arg.matches("\\d{1,18}") ? Long.parseLong(arg) : 0;
            boolean known;
            switch (m.group(1)) {
                case "artists":
                    ids = id < 1 ? List.of() : catalogue.idsWhere(t -> hasArtist(t.get("_artists"), id));
                    known = !ids.isEmpty(); // an artist is known by its tracks, removed ones included
                    break;
                case "tags":
                    ids = catalogue.idsWhere(t -> hasTag(t.get("_tags"), arg));
                    known = !ids.isEmpty();
                    break;
                default:
                    List<Long> playlist = id < 1 ? null : catalogue.playlist(id);
                    ids = playlist == null ? List.of() : playlist;
                    known = playlist != null;
            }
            if (!known) {
                return BeatPassErrors.message(404, notFound(path));
            }
        }
        Set<String> with = BeatPassErrors.relations(r);
        if (with == null) {
            return BeatPassErrors.invalidWith();
        }
        long page = 1;
        String p = ignorePage ? null : param(r, "page");
        if (p != null) {
            if (!INTEGER.matcher(p).matches()) {
                return BeatPassErrors.invalid("page", "The page must be an integer.");
            }
            page = Long.parseLong(p);
            if (page < 1) {
                return BeatPassErrors.invalid("page", "The page must be at least 1.");
            }
        }
        long size = DEFAULT_PAGE_SIZE;
        String s = param(r, sizeParam);
        if (s != null) {
            if (!INTEGER.matcher(s).matches()) {
                return BeatPassErrors.invalid(sizeParam, "The per page must be an integer.");
            }
            size = Long.parseLong(s);
            if (size < 1) {
                return BeatPassErrors.invalid(sizeParam, "The per page must be at least 1.");
            }
        }
        size = Math.min(size, maxPageSize);
        List<Long> visible = new ArrayList<>();
        for (long id : ids) {
            if (catalogue.has(id) && (removedAfterPaging || !catalogue.isRemoved(id))) {
                visible.add(id);
            }
        }
        return Reply.raw(200, Map.of(), page(key, visible, page, (int) size, with, token));
    }

    /** The body, written by hand so that raw track texts go in verbatim; Laravel's field order. */
    private byte[] page(String key, List<Long> ids, long page, int size, Set<String> with, boolean token) {
        int total = ids.size();
        long lastPage = Math.max(1, (total + size - 1) / size);
        boolean inRange = total > 0 && page <= lastPage;
        int from = inRange ? (int) ((page - 1) * size) : 0;
        int to = inRange ? Math.min(from + size, total) : 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + (to - from) * 600);
        write(out, "{\"status\":\"success\",\"" + key + "\":{\"current_page\":" + count(page) + ",\"data\":[");
        boolean any = false;
        for (int i = from; i < to; i++) {
            if (removedAfterPaging && catalogue.isRemoved(ids.get(i))) {
                continue; // filtered out of the page after it was cut
            }
            if (any) {
                out.write(',');
            }
            any = true;
            byte[] item = catalogue.item(ids.get(i), with, token);
            out.writeBytes(item == null ? "null".getBytes(StandardCharsets.UTF_8) : item);
        }
        write(out, "],\"from\":" + (inRange ? count(from + 1) : "null"));
        write(out, ",\"last_page\":" + count(lastPage) + ",\"per_page\":" + count(size));
        write(out, ",\"to\":" + (inRange ? count(to) : "null") + ",\"total\":" + count(total) + "}}");
        return out.toByteArray();
    }

    private String count(long n) {
        return stringCounts ? "\"" + n + "\"" : String.valueOf(n);
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean hasArtist(@Nullable JsonNode artists, long id) {
        if (artists != null) {
            for (JsonNode a : artists) {
                if (a.get("id").asLong() == id) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Tag names are matched ignoring case, as MySQL's default collation does. */
    private static boolean hasTag(@Nullable JsonNode tags, String name) {
        if (tags != null) {
            for (JsonNode t : tags) {
                if (t.get("name").asString().equalsIgnoreCase(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A query parameter's first value, trimmed; null when absent or blank (Laravel makes "" null). */
    private static @Nullable String param(RecordedRequest r, String name) {
        String v = r.queryParam(name).map(String::trim).orElse("");
        return v.isEmpty() ? null : v;
    }
}
