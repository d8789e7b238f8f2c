package io.trackflow.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /v1/background_tracks}: paging clamped at the largest page, filters, the paging
 * headers; or, in synthetic mode, a listing generated on the fly. With {@code ignoreOffset} it is a
 * caching proxy keyed on the path: every page is the one at offset 0.
 *
 * @param store the tracks listed (not in synthetic mode)
 * @param maxPageSize the largest page
 * @param ignoreOffset whether every page is the one at offset 0
 * @param synthetic how many generated tracks are listed instead of the store's; 0: the store's
 */
record BeyondWordsListing(BeyondWordsStore store, int maxPageSize, boolean ignoreOffset, long synthetic) {

    /** The offset and the limit in force, or the 400 explaining why there are none. */
    private record Paging(long offset, int limit, @Nullable Reply problem) {}

    private Paging paging(RecordedRequest r) {
        Optional<String> l = r.queryParam("pagination[limit]");
        Optional<String> o = r.queryParam("pagination[offset]");
        int limit = 10;
        long offset = 0;
        try {
            if (l.isPresent()) {
                limit = Integer.parseInt(l.get().trim());
            }
            if (o.isPresent()) {
                offset = Long.parseLong(o.get().trim());
            }
        } catch (NumberFormatException e) {
            String bad =
                    l.isPresent() && !l.get().trim().matches("-?\\d+") ? "pagination[limit]" : "pagination[offset]";
            return new Paging(0, 0, BeyondWordsErrors.invalidParameter(bad, "must be an integer"));
        }
        if (limit < 1) {
            return new Paging(0, 0, BeyondWordsErrors.invalidParameter("pagination[limit]", "must be greater than 0"));
        }
        if (offset < 0) {
            return new Paging(
                    0,
                    0,
                    BeyondWordsErrors.invalidParameter("pagination[offset]", "must be greater than or equal to 0"));
        }
        return new Paging(ignoreOffset ? 0 : offset, Math.min(limit, maxPageSize), null);
    }

    private static Map<String, String> headers(long total, int limit, long offset) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Pagination-Total-Count", String.valueOf(total));
        headers.put("X-Pagination-Limit", String.valueOf(limit));
        headers.put("X-Pagination-OffSet", String.valueOf(offset));
        return headers;
    }

    Reply list(RecordedRequest r) {
        Paging p = paging(r);
        if (p.problem() != null) {
            return p.problem();
        }
        if (synthetic > 0) {
            return synthetic(p);
        }
        Map<String, Object> applied = new LinkedHashMap<>();
        String name = r.queryParam("filter[name]").orElse(null);
        if (name != null) {
            applied.put("name", name);
        }
        Boolean custom = null;
        Optional<String> c = r.queryParam("filter[custom]");
        if (c.isPresent()) {
            if (!c.get().equals("true") && !c.get().equals("false")) {
                return BeyondWordsErrors.invalidParameter("filter[custom]", "must be true or false");
            }
            custom = Boolean.valueOf(c.get());
            applied.put("custom", custom);
        }
        Set<String> scopes = new TreeSet<>();
        for (Map.Entry<String, List<String>> q : r.query().entrySet()) {
            if (q.getKey().equals("filter[scopes]") || q.getKey().startsWith("filter[scopes][")) {
                scopes.addAll(q.getValue());
            }
        }
        if (!scopes.isEmpty()) {
            applied.put("scopes", List.copyOf(scopes));
        }
        List<BeyondWordsTrack> matching = store.snapshot();
        if (!applied.isEmpty()) {
            String needle = name == null ? null : name.toLowerCase(Locale.ROOT);
            List<BeyondWordsTrack> all = matching;
            matching = new ArrayList<>();
            for (BeyondWordsTrack s : all) {
                if ((needle == null || s.name.toLowerCase(Locale.ROOT).contains(needle))
                        && (custom == null || s.custom == custom)
                        && (scopes.isEmpty() || scopes.contains(s.scope))) {
                    matching.add(s);
                }
            }
        }
        int total = matching.size();
        int from = (int) Math.min(p.offset(), total);
        int to = (int) Math.min((long) from + p.limit(), total);
        Map<String, String> headers = headers(total, p.limit(), p.offset());
        if (!applied.isEmpty()) {
            headers.put("X-BeyondWords-Filter", TestkitJson.text(applied));
        }
        return Reply.raw(200, headers, store.page(matching, from, to));
    }

    /** Synthetic mode: a read-only listing of ids 1..n generated on the fly, nothing stored. */
    private Reply synthetic(Paging p) {
        long offset = p.offset();
        int limit = p.limit();
        StringBuilder b = new StringBuilder(limit * 200).append('[');
        for (long id = offset + 1; id <= Math.min(synthetic, offset + limit); id++) {
            if (id > offset + 1) {
                b.append(',');
            }
            Instant created = Instant.ofEpochSecond(1_672_531_200L + id * 60);
            b.append("{\"id\":")
                    .append(id)
                    .append(",\"name\":\"Synthetic track ")
                    .append(id)
                    .append("\",\"volume\":")
                    .append(id % 101)
                    .append(",\"project\":")
                    .append(id % 4 == 0 ? "null" : "{\"id\":" + (id % 4) + ",\"name\":\"Project " + (id % 4) + "\"}")
                    .append(",\"media\":{\"url\":\"https://cdn.example.com/bg/")
                    .append(id)
                    .append(".mp3\",\"duration\":")
                    .append(30_000 + id % 600_000)
                    .append("},\"created\":\"")
                    .append(WireTimestamps.utcWords(created))
                    .append("\",\"updated\":\"")
                    .append(WireTimestamps.utcWords(created.plusSeconds(5)))
                    .append("\"}");
        }
        b.append(']');
        return Reply.raw(200, headers(synthetic, limit, offset), b.toString().getBytes(StandardCharsets.UTF_8));
    }
}
