package io.trackflow.beatpass;

import static io.trackflow.beatpass.Hostile.envelope;
import static io.trackflow.beatpass.Hostile.honest;
import static io.trackflow.beatpass.Hostile.json;
import static io.trackflow.beatpass.Hostile.laravel;
import static io.trackflow.beatpass.Hostile.obj;
import static io.trackflow.beatpass.Hostile.range;
import static io.trackflow.beatpass.Hostile.tracks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trackflow.beatpass.Hostile.Raw;
import io.trackflow.beatpass.Hostile.Req;
import io.trackflow.beatpass.Hostile.Resp;
import io.trackflow.beatpass.model.Track;
import io.trackflow.beatpass.model.TrackQuery;
import io.trackflow.core.error.ApiException;
import io.trackflow.core.error.DecodingException;
import io.trackflow.core.error.RateLimitException;
import io.trackflow.core.error.ServerException;
import io.trackflow.core.paging.OffsetRange;
import io.trackflow.core.paging.Page;
import io.trackflow.core.paging.PageCursor;
import io.trackflow.core.retry.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** The BeatPass catalogue against hostile servers. */
class AdversarialCatalogueTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static List<Long> ids(Flux<Track> f) {
        return f.map(Track::id).collectList().block(WAIT);
    }

    /** Collects ids until the error; returns the ids and stores the error. */
    private static List<Long> idsUntilError(Flux<Track> f, AtomicReference<Throwable> err) {
        List<Long> seen = new CopyOnWriteArrayList<>();
        try {
            f.take(10_000).doOnNext(t -> seen.add(t.id())).then().block(WAIT);
        } catch (RuntimeException e) {
            err.set(e);
        }
        return seen;
    }

    private static TrackQuery.Builder q() {
        return TrackQuery.builder();
    }

    private static TrackQuery.Builder source(String source) {
        switch (source) {
            case "tracks":
                return q();
            case "artist":
                return q().artist(42);
            case "tag":
                return q().tag("lofi");
            case "playlist":
                return q().playlist(9);
            default:
                throw new IllegalArgumentException(source);
        }
    }

    // ------------------------------------------------------------------ clamps

    @ParameterizedTest
    @ValueSource(strings = {"tracks", "artist", "tag", "playlist"})
    void clampAsked100Got15AllItemsOnceInOrder(String src) {
        try (Hostile s = new Hostile(r -> honest(r, 120, 15));
                BeatPassClient c = s.client()) {
            assertThat(ids(c.tracks()
                            .list(source(src).pageSize(100).concurrency(4).build())))
                    .isEqualTo(range(1, 120));
            String sizeName = src.equals("tracks") ? "per_page" : "perPage";
            String other = src.equals("tracks") ? "perPage" : "per_page";
            assertThat(s.requests()).allSatisfy(r -> {
                assertThat(r.param(sizeName)).isPresent();
                assertThat(r.param(other)).isEmpty();
                assertThat(r.headers().get("accept"))
                        .anySatisfy(v -> assertThat(v).contains("application/json"));
            });
            assertThat(Hostile.sorted(Hostile.pagesAsked(s.requests())).subList(0, 8))
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        }
    }

    @Test
    void clampChangesMidListing() {
        AtomicInteger n = new AtomicInteger();
        try (Hostile s = new Hostile(r -> honest(r, 120, n.getAndIncrement() < 2 ? 15 : 10));
                BeatPassClient c = s.client()) {
            assertThat(ids(c.tracks().list(q().pageSize(100).concurrency(3).build())))
                    .isEqualTo(range(1, 120));
        }
    }

    @Test
    void clampRisesMidListingServerIgnoresPerPage() {
        // pages 1..: 15 a page at first; after 2 requests the server ignores per_page and serves 25
        AtomicInteger n = new AtomicInteger();
        try (Hostile s = new Hostile(r -> {
                    int i = n.getAndIncrement();
                    return envelope(
                            "tracks",
                            laravel(120, r.page(), i < 2 ? Math.min(15, r.size().get()) : 25));
                });
                BeatPassClient c = s.client()) {
            assertThat(ids(c.tracks().list(q().pageSize(100).concurrency(3).build())))
                    .isEqualTo(range(1, 120));
        }
    }

    @Test
    void silentClampWithoutPerPageInBody() {
        try (Hostile s = new Hostile(r -> {
                    Map<String, Object> p =
                            laravel(120, r.page(), Math.min(15, r.size().get()));
                    p.remove("per_page");
                    return envelope("tracks", p);
                });
                BeatPassClient c = s.client()) {
            assertThat(ids(c.tracks().list(q().pageSize(50).concurrency(4).build())))
                    .isEqualTo(range(1, 120));
        }
    }

    /**
     * The server clamps to 15 but echoes the per_page asked in its body. Contract silent on a lying
     * per_page; "Stop at the total, on an empty page" and "never loop": a user expects all 120 tracks
     * or an error, never a listing that silently completes at 15 of 120.
     */
    @Test
    void perPageEchoedButDataClampedIsFollowedToTheLastPageItStates() {
        try (Hostile s = new Hostile(r -> {
                    int asked = r.size().get();
                    Map<String, Object> p = laravel(120, r.page(), Math.min(15, asked));
                    p.put("per_page", asked);
                    p.put("last_page", (120 + asked - 1) / asked);
                    return envelope("tracks", p);
                });
                BeatPassClient c = s.client()) {
            // the server contradicts itself (per_page 100, 15 items, last_page 2): its page numbers are
            // followed to its last page, each page once, and nothing repeats (docs/decisions.md, Paging)
            AtomicReference<Throwable> err = new AtomicReference<>();
            List<Long> got = idsUntilError(c.tracks().list(q().pageSize(100).build()), err);
            assertThat(err.get()).isNull();
            assertThat(got).doesNotHaveDuplicates().isEqualTo(range(1, 30));
            assertThat(s.requests().stream().map(Hostile.Req::page)).containsExactly(1L, 2L);
        }
    }

    // ------------------------------------------------------------------ totals

    @Test
    void totalShrinksMidListing() {
        AtomicInteger n = new AtomicInteger();
        try (Hostile s = new Hostile(r -> honest(r, n.getAndIncrement() == 0 ? 120 : 100, 15));
                BeatPassClient c = s.client()) {
            assertThat(ids(c.tracks().list(q().pageSize(15).concurrency(4).build())))
                    .isEqualTo(range(1, 100));
        }
    }

    @Test
    void totalGrowsMidListing() {
        AtomicInteger n = new AtomicInteger();
        try (Hostile s = new Hostile(r -> honest(r, n.getAndIncrement() == 0 ? 120 : 140, 15));
                BeatPassClient c = s.client()) {
            List<Long> got = ids(c.tracks().list(q().pageSize(15).concurrency(4).build()));
            assertThat(got).doesNotHaveDuplicates().startsWith(range(1, 120).toArray(new Long[0]));
        }
    }

    @Test
    void lastPageInconsistentWithTotal() {
        try (Hostile s = new Hostile(r -> {
                    Map<String, Object> p = honestPage(r, 120, 50);
                    p.put("last_page", 2);
                    return envelope("tracks", p);
                });
                BeatPassClient c = s.client()) {
            assertThat(ids(c.tracks().list(q().pageSize(50).build()))).isEqualTo(range(1, 120));
        }
    }

    private static Map<String, Object> honestPage(Req r, long total, int clamp) {
        return laravel(total, r.page(), Math.min(clamp, r.size().orElse(15)));
    }

    // ------------------------------------------------------------------ proxies ignoring page

    @ParameterizedTest
    @ValueSource(strings = {"tracks", "artist", "tag", "playlist"})
    void proxyIgnoresPageFailsWithDecodingExceptionAndResumeCursor(String src) {
        try (Hostile s = new Hostile(r -> {
                    String key = Hostile.keyOf(r);
                    return envelope(key, laravel(120, 1, r.size().get()));
                });
                BeatPassClient c = s.client()) {
            AtomicReference<Throwable> err = new AtomicReference<>();
            List<Long> got = idsUntilError(
                    c.tracks().list(source(src).pageSize(50).concurrency(3).build()), err);
            assertThat(got).isEqualTo(range(1, 50));
            assertThat(err.get()).isInstanceOf(DecodingException.class);
            assertThat(((ApiException) err.get()).resumeCursor())
                    .hasValueSatisfying(cur -> assertThat(cur.offset()).isEqualTo(50));
        }
    }

    @Test
    void proxyIgnoresPageAndMetaStrippedIdenticalBodies() {
        try (Hostile s = new Hostile(r -> envelope("tracks", obj("total", 120, "data", tracks(range(1, 50)))));
                BeatPassClient c = s.client()) {
            AtomicReference<Throwable> err = new AtomicReference<>();
            List<Long> got = idsUntilError(c.tracks().list(q().pageSize(50).build()), err);
            assertThat(got).doesNotHaveDuplicates();
            assertThat(err.get()).isInstanceOf(DecodingException.class);
        }
    }

    /**
     * A backend that ignores page and sends no pagination meta, whose items carry a live counter (plays).
     * DESIGN §4: "a first item equal to the previous page's, ends the listing with a DecodingException —
     * never a duplicate item, with or without a total"; the brief: never loop forever.
     */
    @Test
    void serverIgnoresPageNoMetaLiveCounterNeverLoopsNorDuplicates() {
        AtomicInteger n = new AtomicInteger();
        try (Hostile s = new Hostile(r -> {
                    int i = n.incrementAndGet();
                    List<Object> data = range(1, 50).stream()
                            .map(id -> new Raw(
                                    "{\"id\":" + id + ",\"name\":\"T" + id + "\",\"plays\":" + (id * 1000 + i) + "}"))
                            .collect(Collectors.toList());
                    return envelope("tracks", obj("data", data));
                });
                BeatPassClient c = s.client()) {
            AtomicReference<Throwable> err = new AtomicReference<>();
            List<Long> got = idsUntilError(c.tracks().list(q().pageSize(50).build()), err);
            assertThat(got).as("ids emitted").doesNotHaveDuplicates();
            assertThat(err.get()).isInstanceOf(DecodingException.class);
        }
    }

    @Test
    void serverIgnoresPageWithTotalLiveCounterNeverDuplicates() {
        AtomicInteger n = new AtomicInteger();
        try (Hostile s = new Hostile(r -> {
                    int i = n.incrementAndGet();
                    List<Object> data = range(1, 50).stream()
                            .map(id -> new Raw(
                                    "{\"id\":" + id + ",\"name\":\"T" + id + "\",\"plays\":" + (id * 1000 + i) + "}"))
                            .collect(Collectors.toList());
                    return envelope("tracks", obj("total", 120, "data", data));
                });
                BeatPassClient c = s.client()) {
            AtomicReference<Throwable> err = new AtomicReference<>();
            List<Long> got = idsUntilError(c.tracks().list(q().pageSize(50).build()), err);
            assertThat(got).as("ids emitted").doesNotHaveDuplicates();
            assertThat(err.get()).isInstanceOf(DecodingException.class);
        }
    }

    @Test
    void currentPageDiffersFromPageAsked() {
        try (Hostile s = new Hostile(r -> {
                    Map<String, Object> p = honestPage(r, 120, 50);
                    if (r.page() == 2) {
                        p.put("current_page", 3);
                    }
                    return envelope("tracks", p);
                });
                BeatPassClient c = s.client()) {
            AtomicReference<Throwable> err = new AtomicReference<>();
            List<Long> got = idsUntilError(
                    c.tracks().list(q().pageSize(50).concurrency(1).build()), err);
            assertThat(got).isEqualTo(range(1, 50));
            assertThat(err.get()).isInstanceOf(DecodingException.class);
            assertThat(((ApiException) err.get()).resumeCursor())
                    .map(PageCursor::offset)
                    .hasValue(50L);
        }
    }

    @Test
    void proxyIgnoresPerPage() {
        try (Hostile s = new Hostile(r -> envelope("tracks", laravel(120, r.page(), 20)));
                BeatPassClient c = s.client()) {
            assertThat(ids(c.tracks().list(q().pageSize(50).concurrency(3).build())))
                    .isEqualTo(range(1, 120));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"artist", "tag", "playlist"})
    void sourceEndpointsIgnoringPerPageSpellingStillWork(String src) {
        // a server that reads only per_page on these (the wrong name) falls back to its default 20
        try (Hostile s = new Hostile(r -> envelope("pagination", laravel(70, r.page(), 20)));
                BeatPassClient c = s.client()) {
            assertThat(ids(c.tracks().list(source(src).pageSize(50).build()))).isEqualTo(range(1, 70));
        }
    }

    // ------------------------------------------------------------------ odd bodies

    @Test
    void emptyListingWithNullFromTo() {
        try (Hostile s = new Hostile(r -> envelope(
                        "tracks",
                        obj(
                                "current_page",
                                1,
                                "data",
                                List.of(),
                                "from",
                                null,
                                "last_page",
                                1,
                                "per_page",
                                50,
                                "to",
                                null,
                                "total",
                                0)));
                BeatPassClient c = s.client()) {
            StepVerifier.create(c.tracks().pages(q().build()))
                    .assertNext(p -> {
                        assertThat(p.items()).isEmpty();
                        assertThat(p.totalCount()).hasValue(0);
                        assertThat(p.nextCursor()).isEmpty();
                    })
                    .verifyComplete();
            assertThat(s.requests()).hasSize(1);
        }
    }

    @Test
    void emptyListingLastPageZero() {
        try (Hostile s = new Hostile(r -> envelope(
                        "tracks",
                        obj(
                                "current_page",
                                1,
                                "data",
                                List.of(),
                                "from",
                                null,
                                "last_page",
                                0,
                                "per_page",
                                50,
                                "to",
                                null,
                                "total",
                                0)));
                BeatPassClient c = s.client()) {
            assertThat(ids(c.tracks().list(q().build()))).isEmpty();
        }
    }

    @Test
    void emptyPageMidListingEndsItWithoutItemsAfterTheGap() {
        try (Hostile s = new Hostile(r -> {
                    Map<String, Object> p = honestPage(r, 200, 50);
                    if (r.page() == 2) {
                        p.put("data", List.of());
                        p.put("from", null);
                        p.put("to", null);
                    }
                    return envelope("tracks", p);
                });
                BeatPassClient c = s.client()) {
            assertThat(ids(c.tracks().list(q().pageSize(50).concurrency(4).build())))
                    .isEqualTo(range(1, 50));
        }
    }

    @Test
    void dataLongerThanPerPage() {
        // per_page 15, but each page carries 5 more (the next page's first 5)
        try (Hostile s = new Hostile(r -> {
                    int size = Math.min(15, r.size().get());
                    Map<String, Object> p = laravel(120, r.page(), size);
                    long first = (r.page() - 1) * size;
                    p.put("data", tracks(range(first + 1, Math.min(120, first + size + 5))));
                    return envelope("tracks", p);
                });
                BeatPassClient c = s.client()) {
            assertThat(ids(c.tracks().list(q().pageSize(50).concurrency(3).build())))
                    .isEqualTo(range(1, 120));
        }
    }

    /** Page past the last one, without total, answered with the last page again (current_page honest). */
    @Test
    void pagePastLastPageNonEmpty() {
        try (Hostile s = new Hostile(r -> {
                    long page = Math.min(r.page(), 2);
                    Map<String, Object> p = laravel(100, page, 50);
                    p.put("current_page", r.page());
                    p.remove("total");
                    p.remove("last_page");
                    p.put("from", (r.page() - 1) * 50 + 1);
                    return envelope("tracks", p);
                });
                BeatPassClient c = s.client()) {
            AtomicReference<Throwable> err = new AtomicReference<>();
            List<Long> got = idsUntilError(c.tracks().list(q().pageSize(50).build()), err);
            assertThat(got).isEqualTo(range(1, 100));
            if (err.get() != null) {
                assertThat(err.get()).isInstanceOf(DecodingException.class);
            }
        }
    }

    @Test
    void numbersAsStrings() {
        try (Hostile s = new Hostile(r -> {
                    Map<String, Object> p = honestPage(r, 120, 15);
                    for (String k : List.of("current_page", "from", "to", "per_page", "last_page", "total")) {
                        if (p.get(k) != null) {
                            p.put(k, String.valueOf(p.get(k)));
                        }
                    }
                    return envelope("tracks", p);
                });
                BeatPassClient c = s.client()) {
            assertThat(ids(c.tracks().list(q().pageSize(100).concurrency(3).build())))
                    .isEqualTo(range(1, 120));
        }
    }

    @Test
    void simplePaginateWithoutTotalNorLastPage() {
        try (Hostile s = new Hostile(r -> {
                    Map<String, Object> p = honestPage(r, 120, 50);
                    p.remove("total");
                    p.remove("last_page");
                    p.remove("last_page_url");
                    return envelope("tracks", p);
                });
                BeatPassClient c = s.client()) {
            assertThat(ids(c.tracks().list(q().pageSize(50).build()))).isEqualTo(range(1, 120));
            assertThat(s.requests()).hasSize(3);
        }
    }

    @Test
    void onlyDataNoMetaAtAll() {
        try (Hostile s = new Hostile(r -> {
                    Map<String, Object> p = honestPage(r, 120, 50);
                    return envelope("tracks", obj("data", p.get("data")));
                });
                BeatPassClient c = s.client()) {
            assertThat(ids(c.tracks().list(q().pageSize(50).build()))).isEqualTo(range(1, 120));
        }
    }

    @Test
    void extraFieldsEverywhere() {
        try (Hostile s = new Hostile(r -> {
                    Map<String, Object> p = honestPage(r, 120, 15);
                    p.put("links", List.of(obj("url", null, "label", "&laquo; Previous", "active", false)));
                    p.put("meta", obj("x", 1));
                    List<Object> data = ((List<?>) p.get("data"))
                            .stream()
                                    .map(t -> new Raw(
                                            ((Raw) t).json().replace("{", "{\"weird\":{\"a\":[1,2]},\"bpm\":120.5,")))
                                    .collect(Collectors.toList());
                    p.put("data", data);
                    return Resp.json(
                            json(obj("status", "success", "seo", obj("title", "x"), "tracks", p, "query", null)));
                });
                BeatPassClient c = s.client()) {
            assertThat(ids(c.tracks().list(q().pageSize(100).build()))).isEqualTo(range(1, 120));
        }
    }

    @Test
    void statusErrorWith200IsADecodingExceptionNotRetried() {
        try (Hostile s = new Hostile(r -> r.page() == 2
                        ? Resp.json("{\"status\":\"error\",\"message\":\"boom\"}")
                        : envelope("tracks", honestPage(r, 120, 50)));
                BeatPassClient c = s.client()) {
            AtomicReference<Throwable> err = new AtomicReference<>();
            List<Long> got = idsUntilError(
                    c.tracks().list(q().pageSize(50).concurrency(1).build()), err);
            assertThat(got).isEqualTo(range(1, 50));
            assertThat(err.get()).isInstanceOf(DecodingException.class);
            assertThat(((ApiException) err.get()).resumeCursor())
                    .map(PageCursor::offset)
                    .hasValue(50L);
            assertThat(Hostile.pagesAsked(s.requests()).stream().filter(p -> p == 2))
                    .hasSize(1);
        }
    }

    @Test
    void htmlBodyWith200IsADecodingExceptionNotRetried() {
        try (Hostile s = new Hostile(r -> r.page() == 2
                        ? new Resp(200, Map.of("Content-Type", "text/html"), "<html><body>Login</body></html>", 0)
                        : envelope("tracks", honestPage(r, 120, 50)));
                BeatPassClient c = s.client()) {
            AtomicReference<Throwable> err = new AtomicReference<>();
            List<Long> got = idsUntilError(
                    c.tracks().list(q().pageSize(50).concurrency(1).build()), err);
            assertThat(got).isEqualTo(range(1, 50));
            assertThat(err.get()).isInstanceOf(DecodingException.class);
            assertThat(Hostile.pagesAsked(s.requests()).stream().filter(p -> p == 2))
                    .hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"per_page=0", "current_page=0", "total=-1", "from=0", "total=1e400", "per_page=-5"})
    void absurdCountsAreDecodingExceptions(String spec) {
        String k = spec.substring(0, spec.indexOf('='));
        String v = spec.substring(spec.indexOf('=') + 1);
        try (Hostile s = new Hostile(r -> {
                    Map<String, Object> p = honestPage(r, 120, 50);
                    p.put(k, new Raw(v));
                    return envelope("tracks", p);
                });
                BeatPassClient c = s.client()) {
            AtomicReference<Throwable> err = new AtomicReference<>();
            List<Long> got = idsUntilError(c.tracks().list(q().pageSize(50).build()), err);
            assertThat(got).isEmpty();
            assertThat(err.get()).isInstanceOf(DecodingException.class);
        }
    }

    @Test
    void trackWithoutNameFailsThePageNothingSkipped() {
        try (Hostile s = new Hostile(r -> {
                    Map<String, Object> p = honestPage(r, 120, 50);
                    if (r.page() == 2) {
                        List<Object> data = new ArrayList<>((List<?>) p.get("data"));
                        data.set(3, new Raw("{\"id\":54}"));
                        p.put("data", data);
                    }
                    return envelope("tracks", p);
                });
                BeatPassClient c = s.client()) {
            AtomicReference<Throwable> err = new AtomicReference<>();
            List<Long> got = idsUntilError(c.tracks().list(q().pageSize(50).build()), err);
            assertThat(got).isEqualTo(range(1, 50));
            assertThat(err.get()).isInstanceOf(DecodingException.class);
            assertThat(((ApiException) err.get()).resumeCursor())
                    .map(PageCursor::offset)
                    .hasValue(50L);
        }
    }

    @Test
    void otherEnvelopeKeyAccepted() {
        try (Hostile s = new Hostile(r -> envelope("pagination", honestPage(r, 60, 50)));
                BeatPassClient c = s.client()) {
            assertThat(ids(c.tracks().list(q().pageSize(50).build()))).isEqualTo(range(1, 60));
        }
    }

    // ------------------------------------------------------------------ errors, retries, rate limits

    @Test
    void status429WithRetryAfterMidListingRepeatsOnePage() {
        AtomicInteger twos = new AtomicInteger();
        try (Hostile s = new Hostile(r -> {
                    if (r.page() == 2 && twos.getAndIncrement() == 0) {
                        return new Resp(
                                429,
                                Map.of(
                                        "Content-Type",
                                        "application/json",
                                        "Retry-After",
                                        "1",
                                        "X-RateLimit-Limit",
                                        "300",
                                        "X-RateLimit-Remaining",
                                        "0",
                                        "X-RateLimit-Reset",
                                        String.valueOf(System.currentTimeMillis() / 1000 + 1)),
                                "{\"message\":\"Too Many Attempts.\",\"retry_after\":1}",
                                0);
                    }
                    return envelope("tracks", honestPage(r, 200, 50))
                            .header("X-RateLimit-Limit", "300")
                            .header("X-RateLimit-Remaining", "250");
                });
                BeatPassClient c = s.client()) {
            assertThat(ids(c.tracks().list(q().pageSize(50).concurrency(3).build())))
                    .isEqualTo(range(1, 200));
            assertThat(Hostile.pagesAsked(s.requests()).stream().filter(p -> p == 2))
                    .hasSize(2);
        }
    }

    @Test
    void status500ThenSuccessRepeatsOnePage() {
        AtomicInteger threes = new AtomicInteger();
        try (Hostile s = new Hostile(r -> r.page() == 3 && threes.getAndIncrement() < 2
                        ? new Resp(500, Map.of("Content-Type", "application/json"), "{\"message\":\"Server Error\"}", 0)
                        : envelope("tracks", honestPage(r, 200, 50)));
                BeatPassClient c = s.client()) {
            assertThat(ids(c.tracks().list(q().pageSize(50).concurrency(3).build())))
                    .isEqualTo(range(1, 200));
            assertThat(Hostile.pagesAsked(s.requests()).stream().filter(p -> p == 3))
                    .hasSize(3);
        }
    }

    @Test
    void rateLimitWindowHoldsTheNextPageUntilTheReset() {
        long reset = System.currentTimeMillis() / 1000 + 2;
        try (Hostile s = new Hostile(r -> {
                    Resp ok = envelope("tracks", honestPage(r, 100, 50)).header("X-RateLimit-Limit", "300");
                    if (r.index() == 0) {
                        return ok.header("X-RateLimit-Remaining", "0")
                                .header("X-RateLimit-Reset", String.valueOf(reset));
                    }
                    if (r.atMillis() < reset * 1000) {
                        return new Resp(429, Map.of("Retry-After", "1"), "{\"message\":\"Too Many Attempts.\"}", 0);
                    }
                    return ok.header("X-RateLimit-Remaining", "298")
                            .header("X-RateLimit-Reset", String.valueOf(reset + 60));
                });
                BeatPassClient c = s.client(RetryPolicy.none())) {
            assertThat(ids(c.tracks().list(q().pageSize(50).build()))).isEqualTo(range(1, 100));
            assertThat(s.requests()).hasSize(2);
            assertThat(s.requests().get(1).atMillis()).isGreaterThanOrEqualTo(reset * 1000 - 50);
        }
    }

    @Test
    void retryAfterBeyondCapSurfacesWithResumeCursor() {
        try (Hostile s = new Hostile(r -> r.page() == 2
                        ? new Resp(
                                429,
                                Map.of("Retry-After", "120", "Content-Type", "application/json"),
                                "{\"message\":\"Too Many Attempts.\",\"retry_after\":120}",
                                0)
                        : envelope("tracks", honestPage(r, 200, 50)));
                BeatPassClient c = s.client()) {
            long t0 = System.nanoTime();
            AtomicReference<Throwable> err = new AtomicReference<>();
            List<Long> got = idsUntilError(
                    c.tracks().list(q().pageSize(50).concurrency(1).build()), err);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
            assertThat(got).isEqualTo(range(1, 50));
            assertThat(err.get()).isInstanceOf(RateLimitException.class);
            assertThat(((RateLimitException) err.get()).retryAfter()).hasValue(Duration.ofSeconds(120));
            assertThat(((ApiException) err.get()).resumeCursor())
                    .map(PageCursor::offset)
                    .hasValue(50L);
        }
    }

    // ------------------------------------------------------------------ demand, cancellation, bounds

    @Test
    void takeFiveSendsExactlyOneRequest() throws Exception {
        try (Hostile s = new Hostile(r -> honest(r, 500, 100));
                BeatPassClient c = s.client()) {
            assertThat(ids(c.tracks().list(q().concurrency(8).build()).take(5))).isEqualTo(range(1, 5));
            Thread.sleep(300);
            assertThat(s.requests()).hasSize(1);
        }
    }

    @Test
    void pagesTakeOneSendsExactlyOneRequest() throws Exception {
        try (Hostile s = new Hostile(r -> honest(r, 500, 100));
                BeatPassClient c = s.client()) {
            List<Page<Track>> pages = c.tracks()
                    .pages(q().concurrency(8).build())
                    .take(1)
                    .collectList()
                    .block(WAIT);
            assertThat(pages).hasSize(1);
            Thread.sleep(300);
            assertThat(s.requests()).hasSize(1);
        }
    }

    @Test
    void nothingSentBeforeSubscriptionAndEachSubscriptionStartsAfresh() throws Exception {
        try (Hostile s = new Hostile(r -> honest(r, 120, 50));
                BeatPassClient c = s.client()) {
            Flux<Track> f = c.tracks().list(q().pageSize(50).build());
            c.tracks().pages(q().build());
            c.tracks().partitions(q().build(), 3);
            Thread.sleep(200);
            assertThat(s.requests()).isEmpty();
            assertThat(ids(f)).isEqualTo(range(1, 120));
            assertThat(ids(f)).isEqualTo(range(1, 120));
            assertThat(s.requests()).hasSize(6);
        }
    }

    @Test
    void cancellationStopsRequests() throws Exception {
        try (Hostile s = new Hostile(r -> honest(r, 10_000, 10).delay(150));
                BeatPassClient c = s.client()) {
            List<Long> seen = new CopyOnWriteArrayList<>();
            Disposable d =
                    c.tracks().list(q().pageSize(10).concurrency(4).build()).subscribe(t -> seen.add(t.id()));
            Thread.sleep(700);
            d.dispose();
            Thread.sleep(300);
            int after = s.requests().size();
            Thread.sleep(800);
            assertThat(s.requests()).hasSize(after);
            assertThat(s.maxInFlight.get()).isLessThanOrEqualTo(4);
        }
    }

    @Test
    void concurrencyBoundsRequestsInFlight() {
        try (Hostile s = new Hostile(r -> honest(r, 400, 20).delay(50));
                BeatPassClient c = s.client()) {
            assertThat(ids(c.tracks().list(q().pageSize(20).concurrency(3).build())))
                    .isEqualTo(range(1, 400));
            assertThat(s.maxInFlight.get()).isBetween(2, 3);
        }
    }

    @Test
    void maxItemsHonouredExactlyUnderClamp() {
        try (Hostile s = new Hostile(r -> honest(r, 500, 15));
                BeatPassClient c = s.client()) {
            assertThat(ids(c.tracks()
                            .list(q().pageSize(100).maxItems(37).concurrency(4).build())))
                    .isEqualTo(range(1, 37));
            assertThat(s.requests()).hasSizeLessThanOrEqualTo(4);
        }
    }

    @Test
    void maxItemsSmallerThanAPageAsksThatSize() {
        try (Hostile s = new Hostile(r -> honest(r, 500, 100));
                BeatPassClient c = s.client()) {
            assertThat(ids(c.tracks().list(q().pageSize(50).maxItems(5).build())))
                    .isEqualTo(range(1, 5));
            assertThat(s.requests()).hasSize(1);
            assertThat(s.requests().get(0).param("per_page")).hasValue("5");
        }
    }

    // ------------------------------------------------------------------ resuming

    @Test
    void resumeFromErrorCursorYieldsExactlyTheRest() {
        AtomicInteger broken = new AtomicInteger(1);
        try (Hostile s = new Hostile(
                        r -> r.page() == 5 && broken.get() == 1 ? new Resp(503, Map.of(), "", 0) : honest(r, 200, 15));
                BeatPassClient c = s.client()) {
            TrackQuery query = q().pageSize(100).maxItems(170).concurrency(4).build();
            AtomicReference<Throwable> err = new AtomicReference<>();
            List<Long> first = idsUntilError(c.tracks().list(query), err);
            assertThat(err.get()).isInstanceOf(ServerException.class);
            PageCursor cur = ((ApiException) err.get()).resumeCursor().orElseThrow();
            assertThat(cur.offset()).isEqualTo(first.size());
            broken.set(0);
            PageCursor parsed = PageCursor.parse(cur.toString());
            List<Long> rest =
                    ids(c.tracks().list(q().pageSize(40).concurrency(2).build(), parsed));
            List<Long> all = new ArrayList<>(first);
            all.addAll(rest);
            assertThat(all).isEqualTo(range(1, 170));
        }
    }

    @Test
    void resumeMidPageFromNextCursorWithAnotherPageSize() {
        try (Hostile s = new Hostile(r -> honest(r, 200, 15));
                BeatPassClient c = s.client()) {
            // maxItems 7 makes the first page a 7-item page: its cursor points mid-page at 7
            Page<Track> p = c.tracks().pages(q().pageSize(7).build()).blockFirst(WAIT);
            PageCursor next = p.nextCursor().orElseThrow();
            assertThat(next.offset()).isEqualTo(7);
            List<Long> rest =
                    ids(c.tracks().list(q().pageSize(50).concurrency(3).build(), next));
            assertThat(rest).isEqualTo(range(8, 200));
        }
    }

    @Test
    void pagesOffsetsAndCursorsUnderClamp() {
        try (Hostile s = new Hostile(r -> honest(r, 50, 15));
                BeatPassClient c = s.client()) {
            List<Page<Track>> pages =
                    c.tracks().pages(q().pageSize(100).build()).collectList().block(WAIT);
            assertThat(pages).extracting(Page::offset).containsExactly(0L, 15L, 30L, 45L);
            assertThat(pages).extracting(Page::limit).containsExactly(15, 15, 15, 15);
            assertThat(pages.get(0).nextCursor()).map(PageCursor::offset).hasValue(15L);
            assertThat(pages.get(3).nextCursor()).isEmpty();
        }
    }

    // ------------------------------------------------------------------ partitions

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4, 7, 200})
    void partitionsCoverTheListingDisjointly(int n) {
        try (Hostile s = new Hostile(r -> honest(r, 121, 15));
                BeatPassClient c = s.client()) {
            TrackQuery query = q().pageSize(50).concurrency(2).build();
            List<OffsetRange> parts = c.tracks().partitions(query, n).block(WAIT);
            assertThat(s.requests()).hasSize(1);
            List<Long> all = new ArrayList<>();
            for (OffsetRange part : parts) {
                all.addAll(ids(c.tracks().list(query, part)));
            }
            assertThat(all).isEqualTo(range(1, 121));
        }
    }

    @Test
    void partitionsHonourMaxItems() {
        try (Hostile s = new Hostile(r -> honest(r, 121, 15));
                BeatPassClient c = s.client()) {
            TrackQuery query = q().pageSize(50).maxItems(50).build();
            List<OffsetRange> parts = c.tracks().partitions(query, 3).block(WAIT);
            assertThat(parts.get(0).start()).isEqualTo(0);
            assertThat(parts.get(parts.size() - 1).end()).isEqualTo(50);
        }
    }

    @Test
    void partitionsWithTotalAsString() {
        try (Hostile s = new Hostile(r -> {
                    Map<String, Object> p = honestPage(r, 121, 15);
                    p.put("total", "121");
                    return envelope("tracks", p);
                });
                BeatPassClient c = s.client()) {
            List<OffsetRange> parts = c.tracks().partitions(q().build(), 4).block(WAIT);
            assertThat(parts).hasSize(4);
            assertThat(parts.get(3).end()).isEqualTo(121);
        }
    }

    // ------------------------------------------------------------------ validation and encoding

    @Test
    void invalidInputFailsBeforeAnyIo() {
        try (Hostile s = new Hostile(r -> honest(r, 10, 10));
                BeatPassClient c = s.client()) {
            assertThatThrownBy(() -> q().artist(1).tag("x").build()).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> q().artist(1).playlist(2).build()).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> q().query("x").artist(1).build()).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> q().artist(0).build()).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> q().playlist(-3).build()).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> q().pageSize(0).build()).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> q().pageSize(101).build()).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> q().tag(" ").build()).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> q().tag("").build()).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> q().query("\t").build()).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> q().maxItems(0).build()).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> q().concurrency(0).build()).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> c.tracks().partitions(q().build(), 0))
                    .isInstanceOf(IllegalArgumentException.class);
            PageCursor other = PageCursor.of(5, q().artist(3).build().fingerprint());
            assertThatThrownBy(() -> c.tracks().list(q().build(), other)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> q().startAt(other).build()).isInstanceOf(IllegalArgumentException.class);
            assertThat(s.requests()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hip hop", "a/b", "what?", "c#", "100%", "rock+roll", "ünï", "a&b=c"})
    void tagIsOnePathSegment(String tag) {
        try (Hostile s = new Hostile(r -> envelope("pagination", laravel(3, r.page(), 20)));
                BeatPassClient c = s.client()) {
            assertThat(ids(c.tracks().list(q().tag(tag).build()))).isEqualTo(range(1, 3));
            Req r = s.requests().get(0);
            assertThat(r.rawPath()).startsWith("/api/v1/tags/").endsWith("/tracks");
            String seg =
                    r.rawPath().substring("/api/v1/tags/".length(), r.rawPath().length() - "/tracks".length());
            assertThat(seg).doesNotContain("/");
            assertThat(java.net.URLDecoder.decode(seg.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(tag);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rock & roll=1+2", "50% off", "a#b", "ünï code", "x;y"})
    void searchQueryIsEncoded(String text) {
        try (Hostile s = new Hostile(r -> envelope("tracks", laravel(3, r.page(), 20)));
                BeatPassClient c = s.client()) {
            assertThat(ids(c.tracks().list(q().query(text).build()))).isEqualTo(range(1, 3));
            assertThat(s.requests().get(0).param("query")).hasValue(text);
            assertThat(s.requests().get(0).query().keySet()).containsExactlyInAnyOrder("page", "per_page", "query");
        }
    }

    // ------------------------------------------------------------------ round 2

    /**
     * Laravel filters a page after paginating (unavailable tracks dropped): page 2 holds 48 of its 50
     * while the total and per_page say more follow. DESIGN §4 "Stop at the total, on an empty page";
     * no page was empty, pages 3 and 4 exist: the listing must not silently end at 98 of 200.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void shortPageMidListingDoesNotTruncateTheListing(int concurrency) {
        try (Hostile s = new Hostile(r -> {
                    Map<String, Object> p = honestPage(r, 200, 50);
                    if (r.page() == 2) {
                        List<Long> ids = new ArrayList<>(range(51, 100));
                        ids.remove(Long.valueOf(60));
                        ids.remove(Long.valueOf(70));
                        p.put("data", tracks(ids));
                    }
                    return envelope("tracks", p);
                });
                BeatPassClient c = s.client()) {
            AtomicReference<Throwable> err = new AtomicReference<>();
            List<Long> got = idsUntilError(
                    c.tracks().list(q().pageSize(50).concurrency(concurrency).build()), err);
            assertThat(got).doesNotHaveDuplicates();
            if (err.get() == null) {
                assertThat(got)
                        .as("requests %s", Hostile.pagesAsked(s.requests()))
                        .contains(101L, 150L, 200L);
            } else {
                assertThat(err.get()).isInstanceOf(DecodingException.class);
            }
        }
    }

    @Test
    void shortFirstPageDoesNotTruncateTheListing() {
        try (Hostile s = new Hostile(r -> {
                    Map<String, Object> p = honestPage(r, 200, 50);
                    if (r.page() == 1) {
                        List<Long> ids = new ArrayList<>(range(1, 50));
                        ids.remove(Long.valueOf(7));
                        p.put("data", tracks(ids));
                    }
                    return envelope("tracks", p);
                });
                BeatPassClient c = s.client()) {
            AtomicReference<Throwable> err = new AtomicReference<>();
            List<Long> got = idsUntilError(c.tracks().list(q().pageSize(50).build()), err);
            assertThat(got).doesNotHaveDuplicates();
            if (err.get() == null) {
                assertThat(got)
                        .as("requests %s", Hostile.pagesAsked(s.requests()))
                        .contains(51L, 200L);
            } else {
                assertThat(err.get()).isInstanceOf(DecodingException.class);
            }
        }
    }

    /** Laravel serializes a filtered collection with holes as an object: {"0":{..},"2":{..}}. */
    @Test
    void dataAsObjectIsADecodingException() {
        try (Hostile s = new Hostile(r -> {
                    Map<String, Object> p = honestPage(r, 3, 50);
                    p.put("data", obj("0", Hostile.track(1), "2", Hostile.track(3)));
                    return envelope("tracks", p);
                });
                BeatPassClient c = s.client()) {
            AtomicReference<Throwable> err = new AtomicReference<>();
            List<Long> got = idsUntilError(c.tracks().list(q().build()), err);
            assertThat(got).isEmpty();
            assertThat(err.get()).isInstanceOf(DecodingException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "{}",
                "{\"status\":\"success\"}",
                "{\"status\":\"success\",\"tracks\":null}",
                "{\"status\":\"success\",\"tracks\":{\"data\":null}}",
                "[]",
                "null",
                "{\"status\":\"success\",\"tracks\":{\"total\":5,\"data\":[{\"id\":1,\"name\":\"a\"}, null]}}",
                "{\"status\":\"success\",\"tracks\":{\"data\":[{\"id\":1,\"name\":\"a\"}]"
            })
    void malformedBodiesAreDecodingExceptions(String body) {
        try (Hostile s = new Hostile(r -> Resp.json(body));
                BeatPassClient c = s.client()) {
            AtomicReference<Throwable> err = new AtomicReference<>();
            List<Long> got = idsUntilError(c.tracks().list(q().build()), err);
            assertThat(got).isEmpty();
            assertThat(err.get()).isInstanceOf(DecodingException.class);
            assertThat(s.requests()).hasSize(1);
        }
    }

    @Test
    void lastPageWithoutTotalStopsThere() {
        try (Hostile s = new Hostile(r -> {
                    Map<String, Object> p = honestPage(r, 100, 50);
                    p.remove("total");
                    return envelope("tracks", p);
                });
                BeatPassClient c = s.client()) {
            assertThat(ids(c.tracks().list(q().pageSize(50).build()))).isEqualTo(range(1, 100));
            assertThat(s.requests()).hasSize(2);
        }
    }

    @Test
    void hugeCurrentPageIsADecodingException() {
        try (Hostile s = new Hostile(r -> {
                    Map<String, Object> p = honestPage(r, 100, 50);
                    if (r.page() == 2) {
                        p.put("current_page", Long.MAX_VALUE);
                    }
                    return envelope("tracks", p);
                });
                BeatPassClient c = s.client()) {
            AtomicReference<Throwable> err = new AtomicReference<>();
            List<Long> got = idsUntilError(c.tracks().list(q().pageSize(50).build()), err);
            assertThat(got).isEqualTo(range(1, 50));
            assertThat(err.get()).isInstanceOf(DecodingException.class);
        }
    }

    @Test
    void takeSixtyBoundedRequests() throws Exception {
        try (Hostile s = new Hostile(r -> honest(r, 5000, 50));
                BeatPassClient c = s.client()) {
            assertThat(ids(c.tracks()
                            .list(q().pageSize(50).concurrency(8).build())
                            .take(60)))
                    .isEqualTo(range(1, 60));
            Thread.sleep(300);
            assertThat(s.requests()).hasSizeLessThanOrEqualTo(2 + 8 - 1);
        }
    }

    @Test
    void rangeBeyondTotalIsEmpty() {
        try (Hostile s = new Hostile(r -> honest(r, 100, 50));
                BeatPassClient c = s.client()) {
            assertThat(ids(c.tracks().list(q().pageSize(50).build(), OffsetRange.of(150, 300))))
                    .isEmpty();
        }
    }

    @Test
    void unauthorizedMidListingCarriesResumeCursor() {
        try (Hostile s = new Hostile(r -> r.page() == 3
                        ? new Resp(
                                401,
                                Map.of("Content-Type", "application/json"),
                                "{\"message\":\"Unauthenticated.\"}",
                                0)
                        : honest(r, 200, 50));
                BeatPassClient c = s.client()) {
            AtomicReference<Throwable> err = new AtomicReference<>();
            List<Long> got = idsUntilError(
                    c.tracks().list(q().pageSize(50).concurrency(4).build()), err);
            assertThat(got).isEqualTo(range(1, 100));
            assertThat(err.get()).isInstanceOf(io.trackflow.core.error.UnauthorizedException.class);
            assertThat(((ApiException) err.get()).resumeCursor())
                    .map(PageCursor::offset)
                    .hasValue(100L);
        }
    }

    @Test
    void resumeAfterClampChangeYieldsExactlyTheRest() {
        AtomicInteger clamp = new AtomicInteger(15);
        AtomicInteger broken = new AtomicInteger(1);
        try (Hostile s = new Hostile(r -> r.page() == 4 && broken.get() == 1
                        ? new Resp(500, Map.of(), "", 0)
                        : honest(r, 200, clamp.get()));
                BeatPassClient c = s.client(RetryPolicy.none())) {
            TrackQuery query = q().pageSize(100).concurrency(1).build();
            AtomicReference<Throwable> err = new AtomicReference<>();
            List<Long> first = idsUntilError(c.tracks().list(query), err);
            assertThat(first).isEqualTo(range(1, 45));
            PageCursor cur = ((ApiException) err.get()).resumeCursor().orElseThrow();
            broken.set(0);
            clamp.set(20);
            assertThat(ids(c.tracks().list(query, cur))).isEqualTo(range(46, 200));
        }
    }
}
