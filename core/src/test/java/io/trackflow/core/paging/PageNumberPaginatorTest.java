package io.trackflow.core.paging;

import static io.trackflow.core.paging.LaravelServer.range;
import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.core.error.ApiException;
import io.trackflow.core.error.DecodingException;
import io.trackflow.core.error.HttpStatusException;
import io.trackflow.core.error.internal.ErrorAccess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Page-number paging ({@link OffsetPaginator#ofPageNumbers}) against a Laravel-like listing. */
class PageNumberPaginatorTest {

    private static final long ALL = Long.MAX_VALUE;
    private static final Duration WAIT = Duration.ofSeconds(10);

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8})
    void wholeListingArrivesOnceAndInOrderOneRequestPerPage(int concurrency) {
        LaravelServer s = new LaravelServer(1_000);
        List<Integer> items = OffsetPaginator.ofPageNumbers(s, "q", ErrorAccess.get())
                .items(0, ALL, 50, concurrency)
                .collectList()
                .block(WAIT);
        assertThat(items).isEqualTo(range(0, 1_000));
        assertThat(s.pagesAsked()).containsExactlyInAnyOrderElementsOf(longs(1, 20));
        assertThat(s.sizesAsked()).containsOnly(50L);
    }

    @Test
    void takeFiveSendsOneRequest() {
        LaravelServer s = new LaravelServer(1_000);
        StepVerifier.create(OffsetPaginator.ofPageNumbers(s, "q", ErrorAccess.get())
                        .items(0, ALL, 50, 8)
                        .take(5))
                .expectNext(0, 1, 2, 3, 4)
                .verifyComplete();
        assertThat(s.pagesAsked()).containsExactly(1L);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aClampedSizeIsReadFromThePageAndEveryLaterRequestIsOneWholePage(boolean statesPerPage) {
        LaravelServer s = new LaravelServer(205);
        s.maxPerPage = 20;
        s.statesPerPage = statesPerPage;
        List<Integer> items = OffsetPaginator.ofPageNumbers(s, "q", ErrorAccess.get())
                .items(0, ALL, 100, 4)
                .collectList()
                .block(WAIT);
        assertThat(items).isEqualTo(range(0, 205));
        assertThat(s.pagesAsked()).containsExactlyInAnyOrderElementsOf(longs(1, 11));
        assertThat(s.sizesAsked().get(0)).isEqualTo(100L);
        assertThat(s.sizesAsked().subList(1, s.requests.size())).containsOnly(20L);
    }

    @Test
    void aServerThatIgnoresThePageFailsTheListingWithoutRepeatingAnItem() {
        LaravelServer s = new LaravelServer(100);
        s.ignoresPage = true;
        List<Integer> seen = new ArrayList<>();
        StepVerifier.create(OffsetPaginator.ofPageNumbers(s, "q", ErrorAccess.get())
                        .items(0, ALL, 10, 1)
                        .doOnNext(seen::add))
                .expectNextCount(10)
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(DecodingException.class);
                    assertThat(((ApiException) e).resumeCursor())
                            .hasValueSatisfying(c -> assertThat(c.offset()).isEqualTo(10));
                })
                .verify(WAIT);
        assertThat(seen).isEqualTo(range(0, 10));
    }

    @Test
    void aServerThatIgnoresThePageAndSaysNothingOfItsPlaceIsCaughtByItsFirstItem() {
        LaravelServer s = new LaravelServer(100);
        s.ignoresPage = true;
        s.statesPlace = false;
        s.statesTotal = false;
        StepVerifier.create(
                        OffsetPaginator.ofPageNumbers(s, "q", ErrorAccess.get()).items(0, ALL, 10, 1))
                .expectNextCount(10)
                .expectError(DecodingException.class)
                .verify(WAIT);
        assertThat(s.requests).hasSize(2);
    }

    @Test
    void withoutATotalTheListingEndsOnAShortPage() {
        LaravelServer s = new LaravelServer(95);
        s.statesTotal = false;
        StepVerifier.create(OffsetPaginator.ofPageNumbers(s, "q", ErrorAccess.get())
                        .items(0, ALL, 10, 4)
                        .collectList())
                .assertNext(l -> assertThat(l).isEqualTo(range(0, 95)))
                .verifyComplete();
        assertThat(s.pagesAsked()).isEqualTo(longs(1, 10));
    }

    @Test
    void anEmptyListingIsOneRequestAndOneEmptyPage() {
        LaravelServer s = new LaravelServer(0);
        StepVerifier.create(
                        OffsetPaginator.ofPageNumbers(s, "q", ErrorAccess.get()).pages(0, ALL, 10, 2))
                .assertNext(p -> {
                    assertThat(p.items()).isEmpty();
                    assertThat(p.totalCount()).hasValue(0);
                    assertThat(p.nextCursor()).isEmpty();
                })
                .verifyComplete();
        assertThat(s.requests).hasSize(1);
    }

    @Test
    void pagesCarryTheirOffsetTheSizeInForceAndTheNextCursor() {
        LaravelServer s = new LaravelServer(45);
        s.maxPerPage = 20;
        StepVerifier.create(
                        OffsetPaginator.ofPageNumbers(s, "q", ErrorAccess.get()).pages(0, ALL, 50, 2))
                .assertNext(p -> {
                    assertThat(p.offset()).isZero();
                    assertThat(p.limit()).isEqualTo(20);
                    assertThat(p.items()).isEqualTo(range(0, 20));
                    assertThat(p.nextCursor())
                            .hasValueSatisfying(c -> assertThat(c.offset()).isEqualTo(20));
                })
                .assertNext(p -> assertThat(p.offset()).isEqualTo(20))
                .assertNext(p -> {
                    assertThat(p.offset()).isEqualTo(40);
                    assertThat(p.items()).isEqualTo(range(40, 45));
                    assertThat(p.nextCursor()).isEmpty();
                })
                .verifyComplete();
    }

    @Test
    void aFailureMidListingResumesFromItsCursorWithNoGapNoDuplicateAndNoExtraRequest() {
        LaravelServer s = new LaravelServer(100);
        s.failOnce.add(4L);
        OffsetPaginator<Integer> p = OffsetPaginator.ofPageNumbers(s, "q", ErrorAccess.get());
        List<Integer> seen = new ArrayList<>();
        ApiException[] failure = {null};
        p.items(0, ALL, 10, 1)
                .doOnNext(seen::add)
                .onErrorResume(ApiException.class, e -> {
                    failure[0] = e;
                    return Flux.empty();
                })
                .blockLast(WAIT);
        assertThat(failure[0]).isInstanceOf(HttpStatusException.class);
        PageCursor at = failure[0].resumeCursor().orElseThrow();
        assertThat(at.offset()).isEqualTo(30);
        s.requests.clear();
        p.items(at, 10, 1).doOnNext(seen::add).blockLast(WAIT);
        assertThat(seen).isEqualTo(range(0, 100));
        assertThat(s.pagesAsked()).isEqualTo(longs(4, 10));
    }

    @Test
    void aListingResumedMidPageReadsTheRestOfThatPageThenWholePages() {
        LaravelServer s = new LaravelServer(100);
        OffsetPaginator<Integer> p = OffsetPaginator.ofPageNumbers(s, "q", ErrorAccess.get());
        List<Integer> items =
                p.items(PageCursor.of(0, 37, 90, "q"), 10, 2).collectList().block(WAIT);
        assertThat(items).isEqualTo(range(37, 90));
        assertThat(s.pagesAsked()).containsExactlyInAnyOrder(4L, 5L, 6L, 7L, 8L, 9L);
    }

    @Test
    void aRangeReadsExactlyItsItems() {
        LaravelServer s = new LaravelServer(1_000);
        s.maxPerPage = 30;
        OffsetPaginator<Integer> p = OffsetPaginator.ofPageNumbers(s, "q", ErrorAccess.get());
        List<OffsetRange> parts = p.partitions(0, ALL, 3).block(WAIT);
        assertThat(s.sizesAsked()).containsExactly(1L);
        List<Integer> all = new ArrayList<>();
        for (OffsetRange r : parts) {
            all.addAll(p.items(r.start(), r.end(), 50, 2).collectList().block(WAIT));
        }
        assertThat(all).isEqualTo(range(0, 1_000));
    }

    @Test
    void aResumedListingFindsTheClampAgainAndReadsThePageOfItsOffset() {
        LaravelServer s = new LaravelServer(200);
        s.maxPerPage = 20;
        OffsetPaginator<Integer> p = OffsetPaginator.ofPageNumbers(s, "q", ErrorAccess.get());
        List<Integer> items =
                p.items(PageCursor.of(0, 60, ALL, "q"), 50, 2).collectList().block(WAIT);
        assertThat(items).isEqualTo(range(60, 200));
        // page 2 at the size asked is items 20..39: the page of offset 60 at the size in force follows
        assertThat(s.pagesAsked().subList(0, 2)).containsExactly(2L, 4L);
        assertThat(s.requests).hasSize(2 + 6);
    }

    @Test
    void pagesPastTheEndOfAShrunkListingEndItWithoutAGap() {
        LaravelServer s = new LaravelServer(100);
        List<Integer> seen = new ArrayList<>();
        OffsetPaginator.ofPageNumbers(s, "q", ErrorAccess.get())
                .items(0, ALL, 10, 4)
                .doOnNext(i -> {
                    seen.add(i);
                    if (i == 5) {
                        s.size = 42; // the listing shrinks while it is read
                    }
                })
                .blockLast(WAIT);
        assertThat(seen).isEqualTo(range(0, seen.size()));
        assertThat(seen.size()).isLessThanOrEqualTo(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"always 15 of 10", "20 then 15", "20 then 30", "2 then 21"})
    void withoutATotalASizeOtherThanAskedOrChangingMidListingLosesNothing(String how) {
        LaravelServer s = new LaravelServer(107);
        s.statesTotal = false;
        int asked;
        switch (how) {
            case "always 15 of 10":
                asked = 10;
                s.sizing = (n, a) -> 15;
                break;
            case "20 then 15":
                asked = 20;
                s.sizing = (n, a) -> n == 0 ? 20 : 15;
                break;
            case "20 then 30":
                asked = 20;
                s.sizing = (n, a) -> n == 0 ? 20 : 30;
                break;
            default:
                asked = 10;
                s.sizing = (n, a) -> n == 0 ? 2 : 21;
                break;
        }
        assertThat(OffsetPaginator.ofPageNumbers(s, "q", ErrorAccess.get())
                        .items(0, ALL, asked, 2)
                        .collectList()
                        .block(WAIT))
                .as(how)
                .isEqualTo(range(0, 107));
        assertThat(s.requests.size()).as("requests for 107 items, %s", how).isLessThanOrEqualTo(16);
    }

    @Test
    void aServerPageLargerThanAskedIsTakenWholeAndEachServerPageIsAskedOnce() {
        LaravelServer s = new LaravelServer(100);
        s.sizing = (n, a) -> 20; // ignores the size asked
        List<Page<Integer>> pages = OffsetPaginator.ofPageNumbers(s, "q", ErrorAccess.get())
                .pages(0, ALL, 10, 1)
                .collectList()
                .block(WAIT);
        assertThat(pages).flatMap(Page::items).isEqualTo(range(0, 100));
        assertThat(pages).allSatisfy(p -> assertThat(p.size()).isEqualTo(20));
        assertThat(s.pagesAsked()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aResumedListingOnASilentClampWithoutFromOrPerPageFindsThePageOfItsOffset() {
        LaravelServer s = new LaravelServer(100);
        s.maxPerPage = 5;
        s.statesPerPage = false;
        s.omitsFrom = true;
        assertThat(OffsetPaginator.ofPageNumbers(s, "q", ErrorAccess.get())
                        .items(37, ALL, 10, 1)
                        .collectList()
                        .block(WAIT))
                .isEqualTo(range(37, 100));
    }

    @Test
    void aListingShorterThanAPageAsksNoBiggerAPage() {
        LaravelServer s = new LaravelServer(1_000);
        assertThat(OffsetPaginator.ofPageNumbers(s, "q", ErrorAccess.get())
                        .items(0, 5, 50, 2)
                        .collectList()
                        .block(WAIT))
                .isEqualTo(range(0, 5));
        assertThat(s.sizesAsked()).containsExactly(5L);
    }

    @Test
    void withoutATotalTheLastPageSaysWhereTheListingEndsEvenWhenItIsFull() {
        LaravelServer s = new LaravelServer(100);
        s.statesTotal = false;
        s.answersPastEndWithLastPage = true; // asked past the end, it would repeat its last page
        assertThat(OffsetPaginator.ofPageNumbers(s, "q", ErrorAccess.get())
                        .items(0, ALL, 10, 2)
                        .collectList()
                        .block(WAIT))
                .isEqualTo(range(0, 100));
        assertThat(s.pagesAsked()).isEqualTo(longs(1, 10));
    }

    @Test
    void aPagePastTheLastSaysNothingOfTheTotal() {
        LaravelServer s = new LaravelServer(250);
        s.statesTotal = false;
        Page<Integer> first = OffsetPaginator.ofPageNumbers(s, "q", ErrorAccess.get())
                .pages(500, ALL, 100, 2)
                .blockFirst(WAIT);
        assertThat(first.items()).isEmpty();
        assertThat(first.totalCount()).isEmpty();
        // a server that ignores the size asked: the one-item probe lands past the last page
        LaravelServer t = new LaravelServer(100);
        t.statesTotal = false;
        t.statesPerPage = false;
        t.sizing = (n, asked) -> 20;
        assertThat(OffsetPaginator.ofPageNumbers(t, "q", ErrorAccess.get())
                        .partitions(45, ALL, 4)
                        .block(WAIT))
                .containsExactly(OffsetRange.of(45, ALL));
    }

    private static List<Long> longs(long from, long toInclusive) {
        List<Long> out = new ArrayList<>();
        for (long i = from; i <= toInclusive; i++) {
            out.add(i);
        }
        return out;
    }

    /** Every page loses its last 5 of 50 after it is cut: the pages are slots, followed one by one. */
    private static LaravelServer filteredAfterPaging() {
        LaravelServer s = new LaravelServer(1_000);
        s.hidden = i -> i % 50 >= 45;
        return s;
    }

    private static List<Integer> visible(int from, int to) {
        List<Integer> out = new java.util.ArrayList<>();
        for (int i = from; i < to; i++) {
            if (i % 50 < 45) {
                out.add(i);
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8})
    void pagesFilteredShortAreFollowedByTheNextPageEachAskedOnce(int concurrency) {
        LaravelServer s = filteredAfterPaging();
        assertThat(OffsetPaginator.ofPageNumbers(s, "q", ErrorAccess.get())
                        .items(0, ALL, 50, concurrency)
                        .collectList()
                        .block(WAIT))
                .isEqualTo(visible(0, 1_000));
        assertThat(s.pagesAsked()).containsExactlyInAnyOrderElementsOf(longs(1, 20));
    }

    /** A listing, range or cursor that starts past what a short page holds goes on at the next page. */
    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void aListingThatStartsInsideAPagesMissingTailGoesOnAtTheNextPage(int concurrency) {
        LaravelServer s = filteredAfterPaging();
        OffsetPaginator<Integer> p = OffsetPaginator.ofPageNumbers(s, "q", ErrorAccess.get());
        assertThat(p.items(47, ALL, 50, concurrency).collectList().block(WAIT)).isEqualTo(visible(50, 1_000));
        List<Integer> halves = new java.util.ArrayList<>(
                p.items(0, 48, 50, concurrency).collectList().block(WAIT));
        halves.addAll(p.items(48, ALL, 50, concurrency).collectList().block(WAIT));
        assertThat(halves).isEqualTo(visible(0, 1_000));
        StepVerifier.create(p.pages(47, ALL, 50, 1)
                        .take(2)
                        .map(pg -> pg.offset() + ":" + pg.items().size() + ":"
                                + pg.nextCursor().map(PageCursor::offset).orElse(-1L)))
                .expectNext("47:0:50", "50:45:100")
                .verifyComplete();
    }
}
