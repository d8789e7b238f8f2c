package io.trackflow.beyondwords;

import static io.trackflow.beyondwords.Hostile.h;
import static io.trackflow.beyondwords.Hostile.items;
import static io.trackflow.beyondwords.Hostile.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.core.error.ApiException;
import io.trackflow.core.error.BadRequestException;
import io.trackflow.core.error.DecodingException;
import io.trackflow.core.paging.Page;
import io.trackflow.core.paging.PageCursor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class AdversarialListingTest extends HostileServerTest {

    private static List<Long> ids(List<BackgroundTrack> l) {
        return l.stream().map(BackgroundTrack::id).collect(Collectors.toList());
    }

    private static List<Long> range(long from, long toInclusive) {
        return LongStream.rangeClosed(from, toInclusive).boxed().collect(Collectors.toList());
    }

    /** A page of a listing of {@code total} items, served at most {@code clamp} at a time. */
    private static boolean serve(Hostile.Req r, java.io.OutputStream out, long total, int clamp, Map<String, String> hs)
            throws Exception {
        long off = r.offset();
        long n = Math.max(0, Math.min(Math.min(r.limit(), clamp), total - off));
        respond(out, 200, hs, items(off, n));
        return true;
    }

    @Test
    void silentClampWithTotal() {
        BackgroundTracks t = start((r, s, out) ->
                serve(r, out, 30, 7, h("X-Pagination-Total-Count", "30", "X-Pagination-OffSet", "" + r.offset())));
        List<BackgroundTrack> got = t.list().collectList().block(T);
        assertThat(ids(got)).isEqualTo(range(1, 30));
    }

    @Test
    void clampChangesMidListingWithTotalAndConcurrency() {
        AtomicInteger n = new AtomicInteger();
        BackgroundTracks t = start((r, s, out) -> {
            int clamp = n.getAndIncrement() == 0 ? 10 : 6;
            return serve(r, out, 53, clamp, h("X-Pagination-Total-Count", "53", "X-Pagination-Limit", "" + clamp));
        });
        List<BackgroundTrack> got = t.list(
                        BackgroundTrackQuery.builder().concurrency(4).build())
                .collectList()
                .block(T);
        assertThat(ids(got)).isEqualTo(range(1, 53));
    }

    @Test
    void clampChangesMidListingWithoutTotal() {
        AtomicInteger n = new AtomicInteger();
        BackgroundTracks t = start((r, s, out) -> {
            int clamp = n.getAndIncrement() == 0 ? 10 : 6;
            return serve(r, out, 53, clamp, h("X-Pagination-Limit", "" + clamp));
        });
        List<BackgroundTrack> got = t.list().collectList().block(T);
        assertThat(ids(got)).isEqualTo(range(1, 53));
    }

    @Test
    void limitHeaderLiesWithTotal() {
        // says it applied 100, serves 7
        BackgroundTracks t = start(
                (r, s, out) -> serve(r, out, 30, 7, h("X-Pagination-Total-Count", "30", "X-Pagination-Limit", "100")));
        assertThat(ids(t.list().collectList().block(T))).isEqualTo(range(1, 30));
    }

    @Test
    void limitHeaderSaysMoreThanAskedWithoutTotal() {
        // asked 10, says limit 50, serves 10 (full pages), then a short one
        BackgroundTracks t = start((r, s, out) -> serve(r, out, 25, 100, h("X-Pagination-Limit", "50")));
        assertThat(ids(t.list(BackgroundTrackQuery.builder().pageSize(10).build())
                        .collectList()
                        .block(T)))
                .isEqualTo(range(1, 25));
    }

    @Test
    void headerNamesInOddCase() {
        BackgroundTracks t = start((r, s, out) -> serve(
                r,
                out,
                30,
                7,
                h(
                        "x-PAGINATION-total-COUNT",
                        "30",
                        "X-PAGINATION-LIMIT",
                        "7",
                        "x-pagination-offset",
                        "" + r.offset())));
        List<Page<BackgroundTrack>> pages =
                t.pages(BackgroundTrackQuery.all()).collectList().block(T);
        assertThat(pages.get(0).totalCount()).hasValue(30);
        assertThat(pages.get(0).limit()).isEqualTo(7);
        assertThat(pages.stream().flatMap(p -> p.items().stream()).map(BackgroundTrack::id))
                .containsExactlyElementsOf(range(1, 30));
    }

    @Test
    void noTotalHeaderFullPagesThenEmpty() {
        BackgroundTracks t = start((r, s, out) -> serve(r, out, 300, 100, h()));
        assertThat(ids(t.list().collectList().block(T))).isEqualTo(range(1, 300));
        // 3 full pages then one empty
        assertThat(server.listRequests()).hasSize(4);
    }

    @Test
    void reportedOffsetDiffersEndsWithDecodingExceptionNoDuplicate() {
        BackgroundTracks t = start((r, s, out) -> {
            long off = r.offset();
            long served = off == 0 ? 0 : off - 50; // from the second page on, answers 50 items earlier
            respond(
                    out,
                    200,
                    h("X-Pagination-Total-Count", "300", "X-Pagination-OffSet", "" + served),
                    items(served, 100));
            return true;
        });
        List<BackgroundTrack> seen = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> t.list().doOnNext(seen::add).blockLast(T))
                .isInstanceOf(DecodingException.class)
                .satisfies(e -> assertThat(((ApiException) e).resumeCursor())
                        .map(PageCursor::offset)
                        .hasValue(100L));
        assertThat(ids(seen)).isEqualTo(range(1, 100));
    }

    @Test
    void proxyIgnoresOffsetWithTotal() {
        BackgroundTracks t = start((r, s, out) -> {
            respond(out, 200, h("X-Pagination-Total-Count", "250"), items(0, Math.min(r.limit(), 250)));
            return true;
        });
        List<BackgroundTrack> seen = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> t.list().doOnNext(seen::add).blockLast(T)).isInstanceOf(DecodingException.class);
        assertThat(ids(seen)).isEqualTo(range(1, 100));
    }

    @Test
    void proxyIgnoresOffsetWithoutTotalOrHeaders() {
        BackgroundTracks t = start((r, s, out) -> {
            respond(out, 200, h(), items(0, r.limit()));
            return true;
        });
        List<BackgroundTrack> seen = new CopyOnWriteArrayList<>();
        assertThatThrownBy(
                        () -> t.list(BackgroundTrackQuery.builder().pageSize(10).build())
                                .doOnNext(seen::add)
                                .blockLast(T))
                .isInstanceOf(DecodingException.class);
        assertThat(ids(seen)).isEqualTo(range(1, 10));
    }

    @Test
    void proxyIgnoresLimitServesMore() {
        BackgroundTracks t = start((r, s, out) -> {
            long off = r.offset();
            respond(out, 200, h("X-Pagination-Total-Count", "35"), items(off, Math.max(0, Math.min(100, 35 - off))));
            return true;
        });
        assertThat(ids(t.list(BackgroundTrackQuery.builder().pageSize(10).build())
                        .collectList()
                        .block(T)))
                .isEqualTo(range(1, 35));
    }

    @Test
    void proxyIgnoresLimitServesMoreWithoutTotal() {
        BackgroundTracks t = start((r, s, out) -> {
            long off = r.offset();
            respond(out, 200, h(), items(off, Math.max(0, Math.min(100, 35 - off))));
            return true;
        });
        assertThat(ids(t.list(BackgroundTrackQuery.builder().pageSize(10).build())
                        .collectList()
                        .block(T)))
                .isEqualTo(range(1, 35));
    }

    @Test
    void pageStartingWithPreviousPagesFirstItemWhileEchoingOffset() {
        BackgroundTracks t = start((r, s, out) -> {
            respond(out, 200, h("X-Pagination-OffSet", "" + r.offset()), items(0, r.limit()));
            return true;
        });
        List<BackgroundTrack> seen = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> t.list().doOnNext(seen::add).blockLast(T)).isInstanceOf(DecodingException.class);
        assertThat(ids(seen)).isEqualTo(range(1, 100));
    }

    @Test
    void totalGrowsMidListing() {
        AtomicInteger n = new AtomicInteger();
        BackgroundTracks t = start((r, s, out) -> {
            long total = n.getAndIncrement() == 0 ? 250 : 400;
            return serve(r, out, total, 100, h("X-Pagination-Total-Count", "" + total));
        });
        List<Long> got = ids(t.list().collectList().block(T));
        assertThat(new HashSet<>(got)).hasSameSizeAs(got);
        assertThat(got).startsWith(range(1, 250).toArray(new Long[0]));
    }

    @Test
    void totalShrinksMidListing() {
        AtomicInteger n = new AtomicInteger();
        BackgroundTracks t = start((r, s, out) -> {
            long total = n.getAndIncrement() == 0 ? 500 : 230;
            return serve(r, out, total, 100, h("X-Pagination-Total-Count", "" + total));
        });
        List<Long> got =
                ids(t.list(BackgroundTrackQuery.builder().concurrency(4).build())
                        .collectList()
                        .block(T));
        assertThat(got).isEqualTo(range(1, 230));
    }

    @Test
    void takeFiveSendsOneRequest() throws Exception {
        BackgroundTracks t = start((r, s, out) -> serve(r, out, 1000, 100, h("X-Pagination-Total-Count", "1000")));
        assertThat(t.list(BackgroundTrackQuery.builder().concurrency(8).build())
                        .take(5)
                        .collectList()
                        .block(T))
                .hasSize(5);
        Thread.sleep(300);
        assertThat(server.listRequests()).hasSize(1);
    }

    @Test
    void maxItemsExactWithClamp() {
        BackgroundTracks t = start((r, s, out) -> serve(r, out, 1000, 50, h("X-Pagination-Total-Count", "1000")));
        List<BackgroundTrack> got = t.list(BackgroundTrackQuery.builder()
                        .maxItems(237)
                        .concurrency(3)
                        .build())
                .collectList()
                .block(T);
        assertThat(ids(got)).isEqualTo(range(1, 237));
        for (Hostile.Req r : server.listRequests()) {
            assertThat(r.offset() + r.limit()).as(r.toString()).isLessThanOrEqualTo(237);
        }
    }

    @Test
    void resumeFromErrorCursorYieldsExactlyTheRest() {
        AtomicInteger failures = new AtomicInteger();
        BackgroundTracks t = start((r, s, out) -> {
            if (r.offset() == 210 && failures.getAndIncrement() == 0) {
                respond(out, 400, "{\"code\":400,\"message\":\"boom\"}");
                return true;
            }
            return serve(r, out, 500, 30, h("X-Pagination-Total-Count", "500"));
        });
        BackgroundTrackQuery q =
                BackgroundTrackQuery.builder().maxItems(400).concurrency(4).build();
        List<BackgroundTrack> seen = new ArrayList<>();
        Throwable err = null;
        try {
            t.list(q).doOnNext(seen::add).blockLast(T);
        } catch (Throwable e) {
            err = e;
        }
        assertThat(err).isInstanceOf(BadRequestException.class);
        PageCursor c = ((ApiException) err).resumeCursor().orElseThrow();
        PageCursor parsed = PageCursor.parse(c.toString());
        List<BackgroundTrack> rest = t.list(q, parsed).collectList().block(T);
        List<Long> all = new ArrayList<>(ids(seen));
        all.addAll(ids(rest));
        assertThat(all).isEqualTo(range(1, 400));
    }

    @Test
    void retryMidListingRepeatsOnePageOnly() {
        AtomicInteger failures = new AtomicInteger();
        BackgroundTracks t = start((r, s, out) -> {
            if (r.offset() == 100 && failures.getAndIncrement() == 0) {
                respond(out, 503, "{\"message\":\"later\"}");
                return true;
            }
            return serve(r, out, 300, 100, h("X-Pagination-Total-Count", "300"));
        });
        assertThat(ids(t.list().collectList().block(T))).isEqualTo(range(1, 300));
        assertThat(server.listRequests().stream().map(Hostile.Req::offset))
                .containsExactlyInAnyOrder(0L, 100L, 100L, 200L);
    }

    @Test
    void resetMidBodyIsRetriedWithoutDuplicates() {
        AtomicInteger failures = new AtomicInteger();
        BackgroundTracks t = start((r, s, out) -> {
            if (r.offset() == 100 && failures.getAndIncrement() == 0) {
                String body = items(100, 100);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Pagination-Total-Count: 300\r\n"
                                + "Content-Length: " + body.length() + "\r\n\r\n")
                        .getBytes());
                out.write(body.substring(0, body.length() / 2).getBytes());
                out.flush();
                Thread.sleep(50);
                Hostile.reset(s);
                return false;
            }
            return serve(r, out, 300, 100, h("X-Pagination-Total-Count", "300"));
        });
        assertThat(ids(t.list().collectList().block(T))).isEqualTo(range(1, 300));
        assertThat(server.listRequests()).hasSize(4);
    }

    @Test
    void closedMidBodyWithoutResetIsRetried() {
        AtomicInteger failures = new AtomicInteger();
        BackgroundTracks t = start((r, s, out) -> {
            if (r.offset() == 100 && failures.getAndIncrement() == 0) {
                String body = items(100, 100);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Pagination-Total-Count: 300\r\n"
                                + "Content-Length: " + body.length() + "\r\n\r\n")
                        .getBytes());
                out.write(body.substring(0, body.length() / 2).getBytes());
                out.flush();
                return false;
            }
            return serve(r, out, 300, 100, h("X-Pagination-Total-Count", "300"));
        });
        assertThat(ids(t.list().collectList().block(T))).isEqualTo(range(1, 300));
    }

    @Test
    void truncatedJsonIsDecodingExceptionNotRetried() {
        BackgroundTracks t = start((r, s, out) -> {
            String body = items(0, 3);
            respond(out, 200, h("X-Pagination-Total-Count", "3"), body.substring(0, body.length() - 10));
            return true;
        });
        assertThatThrownBy(() -> t.list().blockLast(T)).isInstanceOf(DecodingException.class);
        assertThat(server.listRequests()).hasSize(1);
    }

    @Test
    void htmlTwoHundredIsDecodingException() {
        BackgroundTracks t = start((r, s, out) -> {
            respond(out, 200, h("Content-Type", "text/html"), "<html><body>Login</body></html>");
            return true;
        });
        assertThatThrownBy(() -> t.list().blockLast(T))
                .isInstanceOf(DecodingException.class)
                .satisfies(
                        e -> assertThat(((DecodingException) e).bodyExcerpt()).contains("<html>"));
        assertThat(server.listRequests()).hasSize(1);
    }

    @Test
    void cancellationStopsRequestsInFlight() throws Exception {
        BackgroundTracks t = start((r, s, out) -> {
            if (r.offset() > 0) {
                server.awaitHangUp(s, 10_000);
                return false;
            }
            return serve(r, out, 1000, 100, h("X-Pagination-Total-Count", "1000"));
        });
        var d = t.list(BackgroundTrackQuery.builder().concurrency(2).build()).subscribe();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (server.listRequests().size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(server.listRequests()).hasSize(3);
        d.dispose();
        Thread.sleep(500);
        assertThat(server.listRequests()).hasSize(3);
        // the connections of the two pages in flight are closed by the client
        assertThat(server.hungUpWhileWaiting.get()).isEqualTo(2);
    }

    @Test
    void negativeOrGarbageTotalDoesNotLoseItems() {
        BackgroundTracks t = start((r, s, out) -> serve(r, out, 250, 100, h("X-Pagination-Total-Count", "abc")));
        assertThat(ids(t.list().collectList().block(T))).isEqualTo(range(1, 250));
    }

    @Test
    void pagesFluxNextCursorsChainWithoutGap() {
        BackgroundTracks t = start((r, s, out) -> serve(r, out, 95, 30, h("X-Pagination-Total-Count", "95")));
        List<Page<BackgroundTrack>> pages = t.pages(
                        BackgroundTrackQuery.builder().pageSize(40).build())
                .collectList()
                .block(T);
        long expected = 0;
        for (Page<BackgroundTrack> p : pages) {
            assertThat(p.offset()).isEqualTo(expected);
            expected += p.items().size();
            if (expected < 95) {
                assertThat(p.nextCursor()).map(PageCursor::offset).hasValue(expected);
            } else {
                assertThat(p.nextCursor()).isEmpty();
            }
        }
        assertThat(expected).isEqualTo(95);
    }

    @Test
    void twoSubscriptionsStartAfresh() {
        BackgroundTracks t = start((r, s, out) -> serve(r, out, 15, 100, h("X-Pagination-Total-Count", "15")));
        Flux<BackgroundTrack> f = t.list();
        assertThat(f.count().block(T)).isEqualTo(15);
        assertThat(f.count().block(T)).isEqualTo(15);
        assertThat(server.listRequests()).hasSize(2);
    }
}
