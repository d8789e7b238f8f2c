package io.trackflow.beyondwords;

import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.beyondwords.model.BackgroundTrackRequest;
import io.trackflow.core.client.ApiClient;
import io.trackflow.core.http.HttpMethod;
import io.trackflow.core.http.HttpRequest;
import io.trackflow.core.http.HttpResponse;
import io.trackflow.core.json.Json;
import io.trackflow.core.paging.Listings;
import io.trackflow.core.paging.OffsetPaginator;
import io.trackflow.core.paging.OffsetRange;
import io.trackflow.core.paging.Page;
import io.trackflow.core.paging.PageCursor;
import io.trackflow.core.paging.PageFetcher;
import io.trackflow.core.paging.PageResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The background-tracks endpoints. Every {@code Mono}/{@code Flux} is cold and lazy: nothing is
 * sent before subscription, each subscription starts afresh, and cancelling stops requests in
 * flight. Arguments are validated before any I/O ({@link IllegalArgumentException}); failures are
 * the typed {@link io.trackflow.core.error.ApiException}s.
 */
public final class BackgroundTracks {

    private static final String PATH = "background_tracks";

    static {
        // the models' codecs are registered when this class is loaded, never on an event loop mid-response
        Json.knows(BackgroundTrack.class);
        Json.knows(BackgroundTrackRequest.class);
    }

    private final ApiClient api;

    BackgroundTracks(ApiClient api) {
        this.api = api;
    }

    /** Every background track, paging automatically ({@link BackgroundTrackQuery#all()}). */
    public Flux<BackgroundTrack> list() {
        return list(BackgroundTrackQuery.all());
    }

    /**
     * The tracks matching {@code query}, paging automatically, in listing order. Pages are fetched
     * as items are requested, up to {@code query.concurrency()} at a time. A failure that ends the
     * listing carries {@link io.trackflow.core.error.ApiException#resumeCursor()}: pass it to {@link
     * #list(BackgroundTrackQuery, PageCursor)} (or to the query's {@code startAt}) to continue with no
     * gap and no duplicate.
     *
     * @param query filters and paging
     * @return the tracks
     */
    public Flux<BackgroundTrack> list(BackgroundTrackQuery query) {
        Objects.requireNonNull(query, "query");
        return api.observe(
                "background_tracks.list", paginator(query).items(from(query), query.pageSize(), query.concurrency()));
    }

    /**
     * Resumes a listing of {@code query} where {@code resumeFrom} points (a page's {@code nextCursor()}
     * or a failure's {@code resumeCursor()}): yields exactly the items the original listing had not
     * emitted, up to where it would have ended (its {@code maxItems} included). The query's filters
     * must be those of the original listing; its page size and concurrency apply; its offset and
     * {@code startAt} are ignored, and its {@code maxItems}, counted from the cursor, can only end the
     * listing sooner.
     *
     * @param query the listing's filters and paging
     * @param resumeFrom where to resume
     * @return the tracks
     * @throws IllegalArgumentException when the cursor belongs to a listing with other filters
     */
    public Flux<BackgroundTrack> list(BackgroundTrackQuery query, PageCursor resumeFrom) {
        Objects.requireNonNull(query, "query");
        return api.observe(
                "background_tracks.list",
                paginator(query).items(resumed(query, resumeFrom), query.pageSize(), query.concurrency()));
    }

    /**
     * The pages of the listing, each with its offset, the limit in force, the total count, the cursor
     * of the next page and its response headers (the filters the server applied: {@link
     * #appliedFilter(Page)}).
     *
     * @param query filters and paging
     * @return the pages
     */
    public Flux<Page<BackgroundTrack>> pages(BackgroundTrackQuery query) {
        Objects.requireNonNull(query, "query");
        return api.observe(
                "background_tracks.pages", paginator(query).pages(from(query), query.pageSize(), query.concurrency()));
    }

    /**
     * Resumes the page-level view of a listing where {@code resumeFrom} points (see {@link
     * #list(BackgroundTrackQuery, PageCursor)}).
     *
     * @param query the listing's filters and paging
     * @param resumeFrom where to resume
     * @return the pages
     * @throws IllegalArgumentException when the cursor belongs to a listing with other filters
     */
    public Flux<Page<BackgroundTrack>> pages(BackgroundTrackQuery query, PageCursor resumeFrom) {
        Objects.requireNonNull(query, "query");
        return api.observe(
                "background_tracks.pages",
                paginator(query).pages(resumed(query, resumeFrom), query.pageSize(), query.concurrency()));
    }

    /** Where a query's listing starts and ends: its cursor (bounds kept) or offset, within maxItems. */
    private static PageCursor from(BackgroundTrackQuery q) {
        return Listings.from(q.startAt(), q.offset(), q.maxItems(), q.fingerprint());
    }

    private static PageCursor resumed(BackgroundTrackQuery q, PageCursor resumeFrom) {
        return Listings.resumed(resumeFrom, q.maxItems(), q.fingerprint());
    }

    /**
     * Splits the listing (from the query's offset, at most {@code maxItems}) into at most {@code n}
     * disjoint ranges that cover it, for {@code n} workers to read with {@link #list(BackgroundTrackQuery,
     * OffsetRange)}. Costs one request (a one-item page, to learn the total).
     *
     * @param query filters
     * @param n the number of parts, at least 1
     * @return the ranges, in order
     */
    public Mono<List<OffsetRange>> partitions(BackgroundTrackQuery query, int n) {
        Objects.requireNonNull(query, "query");
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, was " + n);
        }
        PageCursor from = from(query);
        return api.observe("background_tracks.partitions", paginator(query).partitions(from.offset(), from.end(), n));
    }

    /**
     * The tracks of one range of the listing. The range replaces the query's offset, cursor and
     * {@code maxItems}; its filters, page size and concurrency apply.
     *
     * @param query filters and paging
     * @param range the offsets to read
     * @return the tracks
     */
    public Flux<BackgroundTrack> list(BackgroundTrackQuery query, OffsetRange range) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(range, "range");
        return api.observe(
                "background_tracks.list",
                paginator(query).items(range.start(), range.end(), query.pageSize(), query.concurrency()));
    }

    /**
     * One track.
     *
     * @param id the track id, positive
     * @return the track, or a {@link io.trackflow.core.error.NotFoundException}
     */
    public Mono<BackgroundTrack> get(long id) {
        checkId(id);
        HttpRequest req = HttpRequest.get(api.uri(List.of(PATH, Long.toString(id)), List.of()));
        return api.observe(
                "background_tracks.get",
                api.call("background_tracks.get", req, (head, in) -> Json.read(in, BackgroundTrack.class)));
    }

    /**
     * Creates a track ({@code POST}, 201). Never retried once it may have reached the server.
     *
     * @param request the fields; {@code name} is required
     * @return the created track
     */
    public Mono<BackgroundTrack> create(BackgroundTrackRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.name().isEmpty()) {
            throw new IllegalArgumentException("name is required to create a background track");
        }
        return write("background_tracks.create", HttpMethod.POST, List.of(PATH), request);
    }

    /**
     * Updates a track ({@code PUT}); only the fields set are sent.
     *
     * @param id the track id, positive
     * @param request the fields to change
     * @return the updated track
     */
    public Mono<BackgroundTrack> update(long id, BackgroundTrackRequest request) {
        checkId(id);
        Objects.requireNonNull(request, "request");
        return write("background_tracks.update", HttpMethod.PUT, List.of(PATH, Long.toString(id)), request);
    }

    private Mono<BackgroundTrack> write(
            String operation, HttpMethod method, List<String> path, BackgroundTrackRequest request) {
        byte[] body = Json.writeBytes(request);
        HttpRequest req = HttpRequest.builder()
                .method(method)
                .uri(api.uri(path, List.of()))
                .putHeaders("Content-Type", "application/json")
                .body(body)
                .build();
        return api.observe(operation, api.call(operation, req, (head, in) -> Json.read(in, BackgroundTrack.class)));
    }

    private OffsetPaginator<BackgroundTrack> paginator(BackgroundTrackQuery query) {
        return api.paginator(fetcher(query), query.fingerprint()).identifiedBy(BackgroundTrack::id);
    }

    private PageFetcher<BackgroundTrack> fetcher(BackgroundTrackQuery query) {
        List<Map.Entry<String, String>> filters = new ArrayList<>();
        query.name().ifPresent(n -> filters.add(Map.entry("filter[name]", n)));
        query.custom().ifPresent(c -> filters.add(Map.entry("filter[custom]", c.toString())));
        for (String s : query.scopes()) {
            filters.add(Map.entry("filter[scopes][]", s));
        }
        return (offset, limit) -> {
            List<Map.Entry<String, String>> q = new ArrayList<>(filters.size() + 2);
            q.add(Map.entry("pagination[limit]", Integer.toString(limit)));
            q.add(Map.entry("pagination[offset]", Long.toString(offset)));
            q.addAll(filters);
            HttpRequest req = HttpRequest.get(api.uri(List.of(PATH), q));
            return api.call("background_tracks.list", req, BackgroundTracks::page);
        };
    }

    /** One page: the items, and what BeyondWords' paging headers say about them. */
    private static PageResponse<BackgroundTrack> page(HttpResponse head, InputStream body) throws IOException {
        List<BackgroundTrack> items = Json.readList(body, BackgroundTrack.class);
        // names as the response keeps them (lower-case), so that no lookup makes a lower-case copy
        return PageResponse.<BackgroundTrack>builder()
                .totalCount(head.headerAsLong("x-pagination-total-count"))
                .limit(head.headerAsPositiveInt("x-pagination-limit"))
                .offset(head.headerAsLong("x-pagination-offset"))
                .build(items, head.headers());
    }

    /**
     * The filters the server says it applied to a page's listing ({@code X-BeyondWords-Filter}), if it
     * says.
     *
     * @param page a page of {@link #pages(BackgroundTrackQuery)}
     * @return the filters as the server wrote them
     */
    public static Optional<String> appliedFilter(Page<BackgroundTrack> page) {
        return page.header("X-BeyondWords-Filter").filter(s -> !s.isBlank());
    }

    private static void checkId(long id) {
        if (id <= 0) {
            throw new IllegalArgumentException("id must be > 0, was " + id);
        }
    }

    @Override
    public String toString() {
        return "BackgroundTracks{" + api + "}";
    }
}
