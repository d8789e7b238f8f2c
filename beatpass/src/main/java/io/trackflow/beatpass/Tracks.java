package io.trackflow.beatpass;

import io.trackflow.beatpass.model.Track;
import io.trackflow.beatpass.model.TrackInclude;
import io.trackflow.beatpass.model.TrackLookupOptions;
import io.trackflow.beatpass.model.TrackQuery;
import io.trackflow.core.client.ApiClient;
import io.trackflow.core.error.HttpStatusException;
import io.trackflow.core.error.NotFoundException;
import io.trackflow.core.http.HttpRequest;
import io.trackflow.core.json.FieldType;
import io.trackflow.core.json.Json;
import io.trackflow.core.json.ModelCodec;
import io.trackflow.core.json.RawJson;
import io.trackflow.core.paging.OffsetPaginator;
import io.trackflow.core.paging.OffsetRange;
import io.trackflow.core.paging.Page;
import io.trackflow.core.paging.PageCursor;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;

/**
 * The track endpoints: lookups by id, and the catalogue (the whole of it, a search, an artist's, a
 * tag's or a playlist's tracks) as auto-paging streams. Every {@code Mono}/{@code Flux} is cold and lazy; arguments are validated
 * before any I/O; failures are the typed {@link io.trackflow.core.error.ApiException}s (a removed
 * track is a plain {@link HttpStatusException} with status 410, not retried).
 */
public final class Tracks {

    private static final Envelope ENVELOPE = new Envelope();

    static {
        // the models' codecs are registered when this class is loaded, never on an event loop mid-response
        Json.knows(Track.class);
    }

    private final ApiClient api;

    Tracks(ApiClient api) {
        this.api = api;
    }

    /**
     * One track: {@code GET /tracks/{id}?with=...} (no {@code with} when nothing is included).
     *
     * @param id the track id, positive
     * @param with relations to include, in the order given (duplicates dropped)
     * @return the track
     */
    public Mono<Track> get(long id, TrackInclude... with) {
        checkId(id);
        return api.observe("tracks.get", fetch(id, includes(Arrays.asList(Objects.requireNonNull(with, "with")))));
    }

    /**
     * Looks up many tracks, 8 at a time, emitting them in the order of {@code ids}. Lookups run ahead
     * of downstream demand: up to 8 are in flight, and up to 8 looked-up tracks wait for demand, so
     * memory stays bounded by the concurrency, not by the number of ids. The first failing id fails the
     * stream (its error names the id in its URI); see {@link #getAll(Publisher, TrackLookupOptions)} to
     * skip missing ids.
     *
     * @param ids the ids
     * @param with relations to include
     * @return the tracks, in input order
     */
    public Flux<Track> getAll(Publisher<Long> ids, TrackInclude... with) {
        return getAll(
                ids,
                TrackLookupOptions.builder()
                        .includes(Arrays.asList(Objects.requireNonNull(with, "with")))
                        .build());
    }

    /**
     * Looks up many tracks with the given options, emitting them in the order of {@code ids}. Up to
     * {@code options.concurrency()} lookups run at once, ahead of downstream demand (so that a slow
     * consumer still keeps the lookups busy); at most that many finished tracks wait for demand. With
     * {@link TrackLookupOptions#skipMissing()}, ids answered 404 or 410 are left out; any other
     * failure still fails the stream. An id that is not positive fails the stream with an {@link
     * IllegalArgumentException} naming it, before its lookup.
     *
     * @param ids the ids
     * @param options includes, concurrency, skipping
     * @return the tracks, in input order
     */
    public Flux<Track> getAll(Publisher<Long> ids, TrackLookupOptions options) {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(options, "options");
        String with = includes(options.includes());
        // each lookup's outcome is materialized so that a failure surfaces in input order, after the
        // tracks of the ids before it, and cancels the lookups after it
        return api.observe(
                "tracks.get_all",
                Flux.from(ids)
                        .flatMapSequential(
                                id -> {
                                    if (id == null || id <= 0) {
                                        return Mono.just(Signal.<Track>error(
                                                new IllegalArgumentException("ids must be > 0, got " + id)));
                                    }
                                    Mono<Track> one = fetch(id, with);
                                    return (options.skipMissing()
                                                    ? one.onErrorResume(Tracks::isMissing, e -> Mono.empty())
                                                    : one)
                                            .materialize();
                                },
                                options.concurrency(),
                                1)
                        .handle((signal, sink) -> {
                            if (signal.isOnNext()) {
                                sink.next(Objects.requireNonNull(signal.get()));
                            } else if (signal.isOnError()) {
                                sink.error(Objects.requireNonNull(signal.getThrowable()));
                            }
                        }));
    }

    /**
     * The tracks of a part of the catalogue ({@link TrackQuery}), paging automatically through its
     * Laravel pages, in listing order. Pages are fetched as items are requested ({@code take(5)} sends
     * one request), up to {@code query.concurrency()} at a time once the total is known; memory stays
     * bounded by {@code (concurrency + 1)} pages. The page size the server applies (it may clamp the one
     * asked) is read from its pages. A page that does not advance (a server or proxy that ignores {@code
     * page}) fails the listing with a {@link io.trackflow.core.error.DecodingException} instead of
     * repeating items. A failure that ends the listing carries {@link
     * io.trackflow.core.error.ApiException#resumeCursor()}: pass it to {@link #list(TrackQuery,
     * PageCursor)} to continue with no gap and no duplicate. Items are read by the same rule as
     * lookups (relations absent unless the server adds them). Observed as {@code tracks.list}.
     *
     * @param query the source, search and paging
     * @return the tracks
     */
    public Flux<Track> list(TrackQuery query) {
        Objects.requireNonNull(query, "query");
        return api.observe(
                CataloguePages.OPERATION,
                paginator(query).items(CataloguePages.from(query), query.pageSize(), query.concurrency()));
    }

    /**
     * Resumes a listing of {@code query} where {@code resumeFrom} points (a page's {@code nextCursor()}
     * or a failure's {@code resumeCursor()}): yields exactly the items the original listing had not
     * emitted, up to where it would have ended (its {@code maxItems} included). The query's source and
     * search must be those of the original listing; its page size and concurrency apply; its {@code
     * startAt} is ignored, and its {@code maxItems}, counted from the cursor, can only end the listing
     * sooner.
     *
     * @param query the listing's source, search and paging
     * @param resumeFrom where to resume
     * @return the tracks
     * @throws IllegalArgumentException when the cursor belongs to a listing of another query
     */
    public Flux<Track> list(TrackQuery query, PageCursor resumeFrom) {
        Objects.requireNonNull(query, "query");
        return api.observe(
                CataloguePages.OPERATION,
                paginator(query)
                        .items(CataloguePages.resumed(query, resumeFrom), query.pageSize(), query.concurrency()));
    }

    /**
     * The pages of a catalogue listing: each with the offset of its first item (counted from 0 across
     * the listing), the page size in force, the total, the cursor of the next page and its response
     * headers. The first page is always emitted, even when empty. Observed as {@code tracks.pages}.
     *
     * @param query the source, search and paging
     * @return the pages
     */
    public Flux<Page<Track>> pages(TrackQuery query) {
        Objects.requireNonNull(query, "query");
        return api.observe(
                "tracks.pages",
                paginator(query).pages(CataloguePages.from(query), query.pageSize(), query.concurrency()));
    }

    /**
     * Splits a catalogue listing (at most {@code maxItems}) into at most {@code n} disjoint ranges of
     * item offsets that cover it, for {@code n} workers to read with {@link #list(TrackQuery,
     * OffsetRange)}. Costs one request (a one-item page, to learn the total); without a total, the one
     * range {@code [start, maxItems)}. Observed as {@code tracks.partitions}.
     *
     * @param query the source and search
     * @param n the number of parts, at least 1
     * @return the ranges, in order
     */
    public Mono<List<OffsetRange>> partitions(TrackQuery query, int n) {
        Objects.requireNonNull(query, "query");
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, was " + n);
        }
        PageCursor from = CataloguePages.from(query);
        return api.observe("tracks.partitions", paginator(query).partitions(from.offset(), from.end(), n));
    }

    /**
     * The tracks of one range of a catalogue listing (item offsets from 0). The range replaces the
     * query's cursor and {@code maxItems}; its source, search, page size and concurrency apply. A range
     * that starts mid-page reads the rest of that page first, then whole pages.
     *
     * @param query the source, search and paging
     * @param range the offsets to read
     * @return the tracks
     */
    public Flux<Track> list(TrackQuery query, OffsetRange range) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(range, "range");
        return api.observe(
                CataloguePages.OPERATION,
                paginator(query).items(range.start(), range.end(), query.pageSize(), query.concurrency()));
    }

    private OffsetPaginator<Track> paginator(TrackQuery query) {
        return api.pageNumberPaginator(CataloguePages.fetcher(api, query), query.fingerprint())
                .identifiedBy(Track::id);
    }

    private static boolean isMissing(Throwable e) {
        return e instanceof NotFoundException
                || (e instanceof HttpStatusException && ((HttpStatusException) e).status() == 410);
    }

    private Mono<Track> fetch(long id, String with) {
        List<Map.Entry<String, String>> query = with.isEmpty() ? List.of() : List.of(Map.entry("with", with));
        HttpRequest req = HttpRequest.get(api.uri(List.of("tracks", Long.toString(id)), query));
        return api.call("tracks.get", req, (head, body) -> ENVELOPE.read(body));
    }

    /**
     * Fails a body whose {@code status} is present and not {@code "success"} (null or absent passes): the
     * rule of the lookup's envelope and of the catalogue's pages. Kept here, in a class every client
     * loads, so that a lookup never initializes the catalogue's codecs on an event loop.
     */
    static void checkStatus(@Nullable RawJson status) {
        if (status != null
                && !status.isNull()
                && !status.asString().filter("success"::equals).isPresent()) {
            throw new IllegalStateException(
                    "status is \"" + status.asString().orElse(status.toJson()) + "\", not \"success\"");
        }
    }

    /** The {@code {status, track}} envelope, read in one pass: a {@code status} other than success fails. */
    private static final class Envelope extends ModelCodec<Envelope.Builder, Track> {
        Envelope() {
            super(Track.class, Builder::new, Builder::build);
            optional("status", FieldType.RAW, (b, v) -> b.status = v);
            // optional here so that a status other than success is what the error names; build() requires it
            optional("track", FieldType.model(Track.class), (b, v) -> b.track = v);
        }

        static final class Builder {
            @Nullable
            RawJson status;

            @Nullable
            Track track;

            Track build() {
                checkStatus(status);
                if (track == null) {
                    throw new IllegalStateException("no track object in the body");
                }
                return track;
            }
        }
    }

    private static String includes(Collection<TrackInclude> with) {
        // each name once, in the order first given: a loop, as this runs for every lookup
        StringBuilder names = new StringBuilder();
        EnumSet<TrackInclude> seen = EnumSet.noneOf(TrackInclude.class);
        for (TrackInclude i : with) {
            if (seen.add(Objects.requireNonNull(i, "with must not contain null"))) {
                if (names.length() > 0) {
                    names.append(',');
                }
                names.append(i.wireName());
            }
        }
        return names.toString();
    }

    private static void checkId(long id) {
        if (id <= 0) {
            throw new IllegalArgumentException("id must be > 0, was " + id);
        }
    }

    @Override
    public String toString() {
        return "Tracks{" + api + "}";
    }
}
