package io.trackflow.beatpass;

import io.trackflow.beatpass.model.Track;
import io.trackflow.beatpass.model.TrackQuery;
import io.trackflow.core.client.ApiClient;
import io.trackflow.core.http.HttpRequest;
import io.trackflow.core.json.FieldType;
import io.trackflow.core.json.Json;
import io.trackflow.core.json.ModelCodec;
import io.trackflow.core.json.RawFields;
import io.trackflow.core.json.RawJson;
import io.trackflow.core.paging.Listings;
import io.trackflow.core.paging.PageCursor;
import io.trackflow.core.paging.PageNumberFetcher;
import io.trackflow.core.paging.PageNumberResponse;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The catalogue's Laravel pages: which endpoint a {@link TrackQuery} lists, how its size
 * parameter is spelled there ({@code per_page} on {@code /tracks}, {@code perPage} on the others), and
 * the page envelope {@code {"status":"success", <key>: {current_page, from, to, per_page, last_page,
 * total, data}}}, whose key ({@code tracks} or {@code pagination}) is accepted on any endpoint. Counts
 * may come as strings; {@code from}/{@code to} are {@code null} on an empty page. A body without the
 * page object or its {@code data}, or with an item that is not a track, is a {@link
 * io.trackflow.core.error.DecodingException}: nothing is skipped silently.
 */
final class CataloguePages {

    /** The operation of every request of a catalogue listing. */
    static final String OPERATION = "tracks.list";

    /** The envelope of {@code /tracks} (key {@code tracks}) and of the others (key {@code pagination}). */
    static final Envelope TRACKS;

    static final Envelope PAGINATION;

    static {
        // loaded by fetcher(..), when a listing is assembled on the caller's thread: the codecs are
        // registered before any page is read on an event loop
        Json.register(new PageCodec());
        TRACKS = new Envelope("tracks", "pagination");
        PAGINATION = new Envelope("pagination", "tracks");
    }

    private CataloguePages() {}

    /** Fetches the numbered pages of a query's listing. */
    static PageNumberFetcher<Track> fetcher(ApiClient api, TrackQuery q) {
        List<String> path;
        if (q.artist().isPresent()) {
            path = List.of("artists", Long.toString(q.artist().getAsLong()), "tracks");
        } else if (q.tag().isPresent()) {
            path = List.of("tags", q.tag().get(), "tracks");
        } else if (q.playlist().isPresent()) {
            path = List.of("playlists", Long.toString(q.playlist().getAsLong()), "tracks");
        } else {
            path = List.of("tracks");
        }
        // /tracks spells its size per_page and keys its page "tracks"; the lists of a source, perPage and
        // "pagination"
        boolean catalogue = path.size() == 1;
        String size = catalogue ? "per_page" : "perPage";
        Envelope envelope = catalogue ? TRACKS : PAGINATION;
        return (page, perPage) -> {
            List<Map.Entry<String, String>> query = q.query().isPresent()
                    ? List.of(
                            Map.entry("page", Long.toString(page)),
                            Map.entry(size, Integer.toString(perPage)),
                            Map.entry("query", q.query().get()))
                    : List.of(Map.entry("page", Long.toString(page)), Map.entry(size, Integer.toString(perPage)));
            HttpRequest req = HttpRequest.get(api.uri(path, query));
            return api.call(OPERATION, req, (head, body) -> read(envelope, body, head.headers()));
        };
    }

    /** Where a query's listing starts and ends: its cursor (bounds kept) or the first track, within maxItems. */
    static PageCursor from(TrackQuery q) {
        return Listings.from(q.startAt(), 0, q.maxItems(), q.fingerprint());
    }

    static PageCursor resumed(TrackQuery q, PageCursor resumeFrom) {
        return Listings.resumed(resumeFrom, q.maxItems(), q.fingerprint());
    }

    static PageNumberResponse<Track> read(Envelope envelope, InputStream body, Map<String, List<String>> headers) {
        PageFields p = envelope.read(body);
        PageNumberResponse.Builder<Track> b = PageNumberResponse.builder();
        if (p.currentPage != null) {
            b.currentPage(p.currentPage);
        }
        if (p.perPage != null) {
            b.perPage(p.perPage);
        }
        if (p.from != null) {
            b.from(p.from);
        }
        if (p.to != null) {
            b.to(p.to);
        }
        if (p.total != null) {
            b.totalCount(p.total);
        }
        if (p.lastPage != null && p.lastPage >= 1) { // some paginators send 0 for an empty listing
            b.lastPage(p.lastPage);
        }
        return b.build(Objects.requireNonNull(p.data, "data"), headers); // not null: PageFields.build checks
    }

    /** The page object of the envelope, as read. */
    static final class PageFields {
        @Nullable
        Long currentPage;

        @Nullable
        Integer perPage;

        @Nullable
        Long from;

        @Nullable
        Long to;

        @Nullable
        Long total;

        @Nullable
        Long lastPage;

        @Nullable
        List<Track> data;

        PageFields build() {
            if (data == null) {
                throw new IllegalStateException("the page has no data array");
            }
            return this;
        }
    }

    private static @Nullable Long wholeNumber(RawJson v) {
        try {
            return v.asDecimal()
                    .or(() -> v.asString().map(t -> new BigDecimal(t.trim())))
                    .map(BigDecimal::longValueExact)
                    .orElse(null);
        } catch (ArithmeticException | NumberFormatException notWhole) {
            return null;
        }
    }

    /** Reads the page object strictly: a field that is sent must read (counts as numbers or strings). */
    private static final class PageCodec extends ModelCodec<PageFields, PageFields> {
        PageCodec() {
            super(PageFields.class, PageFields::new, PageFields::build);
            optional("current_page", FieldType.LONG, (b, v) -> b.currentPage = v);
            optional("per_page", FieldType.INT, (b, v) -> b.perPage = v);
            optional("from", FieldType.LONG, (b, v) -> b.from = v);
            // only a hint (which slots the page covers): read when it is a whole number, never failing the page
            optional("to", FieldType.RAW, (b, v) -> b.to = wholeNumber(v));
            optional("total", FieldType.LONG, (b, v) -> b.total = v);
            optional("last_page", FieldType.LONG, (b, v) -> b.lastPage = v);
            optional("data", FieldType.listOf(Track.class), (b, v) -> b.data = v);
        }
    }

    /**
     * The {@code {status, tracks|pagination}} envelope: the endpoint's own key is the page, the other is
     * read only when the own key is absent; a status other than success fails. Other keys (and a
     * sibling that is not a page) are ignored.
     */
    static final class Envelope extends ModelCodec<Envelope.Builder, PageFields> {
        Envelope(String own, String other) {
            super(
                    PageFields.class,
                    () -> new Builder(own, other),
                    Builder::build,
                    (b, raw) -> b.unread = raw,
                    page -> RawFields.empty());
            optional("status", FieldType.RAW, (b, v) -> b.status = v);
            optional("tracks", FieldType.model(PageFields.class), (b, v) -> b.tracks = v);
            optional("pagination", FieldType.model(PageFields.class), (b, v) -> b.pagination = v);
        }

        static final class Builder {
            private final String own;
            private final String other;

            @Nullable
            RawJson status;

            @Nullable
            PageFields tracks;

            @Nullable
            PageFields pagination;

            @Nullable
            RawFields unread;

            Builder(String own, String other) {
                this.own = own;
                this.other = other;
            }

            PageFields build() {
                Tracks.checkStatus(status);
                PageFields page = own.equals("tracks") ? tracks : pagination;
                if (page != null) {
                    return page;
                }
                RawFields raw = unread;
                RawJson unreadable = raw == null ? null : raw.get(own);
                if (unreadable != null && !unreadable.isNull()) {
                    throw new IllegalStateException("the page object '" + own + "' does not read: " + why(unreadable));
                }
                PageFields fallback = own.equals("tracks") ? pagination : tracks;
                if (fallback == null) {
                    throw new IllegalStateException("no page object ('" + own + "' or '" + other + "') in the body");
                }
                return fallback;
            }
        }
    }

    /** Why a page object does not read, as its strict reading says (a cold path: the body fails). */
    private static String why(RawJson page) {
        try {
            Json.read(page.toJson(), PageFields.class);
            return "unknown";
        } catch (RuntimeException e) {
            return String.valueOf(e.getMessage());
        }
    }
}
