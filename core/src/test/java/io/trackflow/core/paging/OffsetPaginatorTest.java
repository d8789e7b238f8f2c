package io.trackflow.core.paging;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.core.error.ApiException;
import io.trackflow.core.error.DecodingException;
import io.trackflow.core.error.ServerException;
import io.trackflow.core.error.internal.ErrorAccess;
import io.trackflow.core.testing.TestErrors;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class OffsetPaginatorTest {

    private static final long ALL = Long.MAX_VALUE;

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().collect(Collectors.toList());
    }

    private static ApiException serverError() {
        return TestErrors.status(500);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8})
    void wholeListingArrivesOnceAndInOrder(int concurrency) {
        ScriptedFetcher f = new ScriptedFetcher(1_234);
        OffsetPaginator<Integer> p = OffsetPaginator.of(f, "q", ErrorAccess.get());
        StepVerifier.create(p.items(0, ALL, 100, concurrency).collectList())
                .assertNext(items -> assertThat(items).isEqualTo(range(0, 1_234)))
                .verifyComplete();
        assertThat(f.requestCount()).isEqualTo(13);
        assertThat(f.maxInFlight.get()).isLessThanOrEqualTo(concurrency);
    }

    @Test
    void outOfOrderCompletionStillEmitsInOrderWithConcurrency8() {
        ScriptedFetcher f = new ScriptedFetcher(2_000);
        // later pages answer faster than earlier ones
        f.delay = o -> Duration.ofMillis(o == 0 ? 0 : 40 - (o / 100) % 8 * 5);
        OffsetPaginator<Integer> p = OffsetPaginator.of(f, "q", ErrorAccess.get());
        StepVerifier.create(p.items(0, ALL, 100, 8).collectList())
                .assertNext(items -> assertThat(items).isEqualTo(range(0, 2_000)))
                .verifyComplete();
        assertThat(f.maxInFlight.get()).isEqualTo(8);
    }

    @Test
    void takeFiveSendsOneRequest() {
        ScriptedFetcher f = new ScriptedFetcher(10_000);
        StepVerifier.create(OffsetPaginator.of(f, "q", ErrorAccess.get())
                        .items(0, ALL, 100, 8)
                        .take(5))
                .expectNext(0, 1, 2, 3, 4)
                .verifyComplete();
        assertThat(f.requestCount()).isEqualTo(1);
    }

    @Test
    void takeAWholePageSendsOneRequest() {
        ScriptedFetcher f = new ScriptedFetcher(10_000);
        StepVerifier.create(OffsetPaginator.of(f, "q", ErrorAccess.get())
                        .items(0, ALL, 100, 8)
                        .take(100)
                        .count())
                .expectNext(100L)
                .verifyComplete();
        assertThat(f.requestCount()).isEqualTo(1);
    }

    @Test
    void demandDrivesFetchingWithinConcurrencySlack() {
        ScriptedFetcher f = new ScriptedFetcher(10_000);
        StepVerifier.create(OffsetPaginator.of(f, "q", ErrorAccess.get())
                        .items(0, ALL, 100, 4)
                        .take(250)
                        .count())
                .expectNext(250L)
                .verifyComplete();
        // ceil(250/100) = 3 pages needed, at most concurrency - 1 = 3 more in flight
        assertThat(f.requestCount()).isBetween(3, 3 + 3);
    }

    @Test
    void requestCountsFollowSubscriberDemand() {
        ScriptedFetcher f = new ScriptedFetcher(1_000);
        StepVerifier.create(OffsetPaginator.of(f, "q", ErrorAccess.get()).items(0, ALL, 10, 1), 0)
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(50))
                .then(() -> assertThat(f.requestCount()).isZero())
                .thenRequest(5)
                .expectNextCount(5)
                .then(() -> assertThat(f.requestCount()).isEqualTo(1))
                .thenRequest(5)
                .expectNextCount(5)
                // a page consumed to its end may start the next page's fetch (concurrency 1: one page)
                .then(() -> assertThat(f.requestCount()).isBetween(1, 2))
                .thenRequest(1)
                .expectNext(10)
                .thenCancel()
                .verify();
        assertThat(f.requestCount()).isEqualTo(2);
    }

    @Test
    void cancellationStopsRequestsInFlightAndSendsNoMore() {
        ScriptedFetcher f = new ScriptedFetcher(100_000);
        f.delay = o -> o == 0 ? Duration.ZERO : Duration.ofSeconds(5);
        StepVerifier.create(OffsetPaginator.of(f, "q", ErrorAccess.get()).items(0, ALL, 100, 4))
                .expectNextCount(100)
                .expectNoEvent(Duration.ofMillis(100))
                .thenCancel()
                .verify();
        int sent = f.requestCount();
        assertThat(sent).isEqualTo(1 + 4);
        assertThat(f.cancelled.get()).isGreaterThanOrEqualTo(4);
        assertThat(f.inFlight.get()).isZero();
        Flux.just(1).delayElements(Duration.ofMillis(100)).blockLast();
        assertThat(f.requestCount()).isEqualTo(sent);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void clampedPageSizeAdvancesByItemsReturned(boolean reportLimit) {
        ScriptedFetcher f = new ScriptedFetcher(1_000);
        f.clampTo = 30;
        f.reportLimit = reportLimit;
        StepVerifier.create(OffsetPaginator.of(f, "q", ErrorAccess.get())
                        .items(0, ALL, 100, 4)
                        .collectList())
                .assertNext(items -> assertThat(items).isEqualTo(range(0, 1_000)))
                .verifyComplete();
        // the clamp is learnt from the first page; later pages are asked at 30
        assertThat(f.requestCount()).isEqualTo(34);
    }

    @Test
    void shortPagesMidListingAreCompletedBeforeMovingOn() {
        ScriptedFetcher f = new ScriptedFetcher(500);
        OffsetPaginator<Integer> p = OffsetPaginator.of(f, "q", ErrorAccess.get());
        // first page full, then the server starts clamping at 40 (e.g. a rolling deploy)
        Flux<Integer> items = p.items(0, ALL, 100, 3).doOnNext(i -> f.clampTo = 40);
        StepVerifier.create(items.collectList())
                .assertNext(list -> assertThat(list).isEqualTo(range(0, 500)))
                .verifyComplete();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void aListingShorterThanItsTotalEndsAtTheFirstEmptyPage(int concurrency) {
        ScriptedFetcher f = new ScriptedFetcher(530);
        f.reportedTotal = 5_000; // items were deleted after the count
        f.delay = o -> Duration.ofMillis(o == 0 ? 0 : 10); // pages past the end are in flight together
        StepVerifier.create(OffsetPaginator.of(f, "q", ErrorAccess.get())
                        .items(0, ALL, 100, concurrency)
                        .collectList())
                .assertNext(items -> assertThat(items).isEqualTo(range(0, 530)))
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        // no request runs on past the end for long: at most the pages in flight when it was found
        assertThat(f.requestCount()).isLessThanOrEqualTo(6 + concurrency + 1);
    }

    @Test
    void unknownTotalStopsOnShortPage() {
        ScriptedFetcher f = new ScriptedFetcher(250);
        f.reportTotal = false;
        StepVerifier.create(OffsetPaginator.of(f, "q", ErrorAccess.get())
                        .items(0, ALL, 100, 8)
                        .collectList())
                .assertNext(items -> assertThat(items).isEqualTo(range(0, 250)))
                .verifyComplete();
        assertThat(f.requestCount()).isEqualTo(3);
    }

    @Test
    void unknownTotalAndUnreportedLimitReadUntilAnEmptyPageSoASilentClampLosesNothing() {
        ScriptedFetcher f = new ScriptedFetcher(250);
        f.reportTotal = false;
        f.reportLimit = false;
        f.clampTo = 40;
        StepVerifier.create(OffsetPaginator.of(f, "q", ErrorAccess.get())
                        .items(0, ALL, 100, 8)
                        .collectList())
                .assertNext(items -> assertThat(items).isEqualTo(range(0, 250)))
                .verifyComplete();
        // 7 pages of up to 40, then the empty page that proves the end
        assertThat(f.requestCount()).isEqualTo(8);
    }

    @Test
    void unknownTotalStopsOnEmptyPage() {
        ScriptedFetcher f = new ScriptedFetcher(200);
        f.reportTotal = false;
        StepVerifier.create(OffsetPaginator.of(f, "q", ErrorAccess.get())
                        .items(0, ALL, 100, 8)
                        .count())
                .expectNext(200L)
                .verifyComplete();
        assertThat(f.requestCount()).isEqualTo(3);
    }

    @Test
    void aPageThatDoesNotAdvanceFailsInsteadOfLooping() {
        ScriptedFetcher f = new ScriptedFetcher(1_000);
        f.reportTotal = false;
        f.ignoreOffset = true;
        StepVerifier.create(OffsetPaginator.of(f, "q", ErrorAccess.get()).items(0, ALL, 100, 2))
                .expectNextCount(100)
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(DecodingException.class).hasMessageContaining("ignores");
                    assertThat(((ApiException) e).resumeCursor()).contains(PageCursor.of(100, "q"));
                })
                .verify();
        assertThat(f.requestCount()).isEqualTo(2);
    }

    @Test
    void emptyListingCompletesAfterOneRequest() {
        ScriptedFetcher f = new ScriptedFetcher(0);
        StepVerifier.create(OffsetPaginator.of(f, "q", ErrorAccess.get()).items(0, ALL, 100, 8))
                .verifyComplete();
        StepVerifier.create(OffsetPaginator.of(f, "q", ErrorAccess.get()).pages(0, ALL, 100, 8))
                .assertNext(page -> {
                    assertThat(page.items()).isEmpty();
                    assertThat(page.totalCount()).hasValue(0);
                    assertThat(page.nextCursor()).isEmpty();
                })
                .verifyComplete();
    }

    @Test
    void pagesCarryCursorsAndTotals() {
        ScriptedFetcher f = new ScriptedFetcher(250);
        StepVerifier.create(OffsetPaginator.of(f, "abc", ErrorAccess.get()).pages(0, ALL, 100, 2))
                .assertNext(pg -> {
                    assertThat(pg.offset()).isZero();
                    assertThat(pg.items()).hasSize(100);
                    assertThat(pg.totalCount()).hasValue(250);
                    assertThat(pg.nextCursor()).contains(PageCursor.of(100, "abc"));
                })
                .assertNext(pg -> assertThat(pg.nextCursor()).contains(PageCursor.of(200, "abc")))
                .assertNext(pg -> {
                    assertThat(pg.items()).isEqualTo(range(200, 250));
                    assertThat(pg.nextCursor()).isEmpty();
                })
                .verifyComplete();
    }

    @Test
    void errorCarriesResumeCursorAndResumingCompletesWithoutGapOrDuplicate() {
        ScriptedFetcher f = new ScriptedFetcher(1_000);
        ServerException boom = (ServerException) serverError();
        ApiException[] failure = {null};
        f.failAt.put(500L, boom);
        OffsetPaginator<Integer> p = OffsetPaginator.of(f, "q", ErrorAccess.get());
        List<Integer> seen = new java.util.ArrayList<>();
        StepVerifier.create(p.items(0, ALL, 100, 4).doOnNext(seen::add))
                .expectNextCount(500)
                .expectErrorSatisfies(e -> {
                    // a copy of the failure (never the failure changed), saying where to resume
                    assertThat(e)
                            .isNotSameAs(boom)
                            .isInstanceOf(ServerException.class)
                            .hasMessage(boom.getMessage());
                    assertThat(e.getStackTrace()).isEqualTo(boom.getStackTrace());
                    assertThat(boom.resumeCursor()).isEmpty();
                    failure[0] = (ApiException) e;
                })
                .verify();
        PageCursor resume = failure[0].resumeCursor().orElseThrow();
        assertThat(resume.offset()).isEqualTo(500);
        StepVerifier.create(p.items(resume.offset(), ALL, 100, 4).doOnNext(seen::add))
                .expectNextCount(500)
                .verifyComplete();
        assertThat(seen).isEqualTo(range(0, 1_000));
    }

    @Test
    void resumeCursorCountsItemsEmittedNotPagesFetched() {
        ScriptedFetcher f = new ScriptedFetcher(1_000);
        ServerException boom = (ServerException) serverError();
        f.failAt.put(300L, boom);
        ApiException[] failure = {null};
        f.delay = o -> o == 0 ? Duration.ZERO : Duration.ofMillis(10);
        // the downstream is slow: the error arrives while page 0 is still being consumed
        StepVerifier.create(OffsetPaginator.of(f, "q", ErrorAccess.get()).items(0, ALL, 100, 4), 0)
                .thenRequest(150)
                .expectNextCount(150)
                .thenAwait(Duration.ofMillis(200))
                .thenRequest(1000)
                .thenConsumeWhile(x -> true)
                .expectErrorSatisfies(e -> failure[0] = (ServerException) e)
                .verify();
        long resumeAt = failure[0].resumeCursor().orElseThrow().offset();
        assertThat(resumeAt).isBetween(150L, 300L);
    }

    @Test
    void maxItemsAndRangesBoundTheListing() {
        ScriptedFetcher f = new ScriptedFetcher(1_000);
        OffsetPaginator<Integer> p = OffsetPaginator.of(f, "q", ErrorAccess.get());
        StepVerifier.create(p.items(250, 400, 100, 4).collectList())
                .assertNext(items -> assertThat(items).isEqualTo(range(250, 400)))
                .verifyComplete();
        assertThat(f.requests).allSatisfy(r -> assertThat(r[0] + r[1]).isLessThanOrEqualTo(400));
    }

    @Test
    void partitionsCoverTheListingExactly() {
        ScriptedFetcher f = new ScriptedFetcher(1_003);
        OffsetPaginator<Integer> p = OffsetPaginator.of(f, "q", ErrorAccess.get());
        List<OffsetRange> ranges = p.partitions(0, ALL, 4).block();
        assertThat(ranges).hasSize(4);
        assertThat(ranges.get(0).start()).isZero();
        assertThat(ranges.get(3).end()).isEqualTo(1_003);
        List<Integer> all = Flux.fromIterable(ranges)
                .concatMap(r -> p.items(r.start(), r.end(), 100, 2))
                .collectList()
                .block();
        assertThat(all).isEqualTo(range(0, 1_003));
    }

    @Test
    void eachSubscriptionStartsAfresh() {
        ScriptedFetcher f = new ScriptedFetcher(150);
        Flux<Integer> items = OffsetPaginator.of(f, "q", ErrorAccess.get()).items(0, ALL, 100, 2);
        assertThat(f.requestCount()).isZero();
        assertThat(items.count().block()).isEqualTo(150);
        assertThat(items.count().block()).isEqualTo(150);
        assertThat(f.requestCount()).isEqualTo(4);
    }

    @Test
    void invalidArgumentsAreRejectedBeforeAnyRequest() {
        ScriptedFetcher f = new ScriptedFetcher(10);
        OffsetPaginator<Integer> p = OffsetPaginator.of(f, "q", ErrorAccess.get());
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> p.items(0, ALL, 0, 1))
                .withMessageContaining("pageSize");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> p.items(0, ALL, 10, 0))
                .withMessageContaining("concurrency");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> p.items(-1, ALL, 10, 1))
                .withMessageContaining("start");
        assertThat(f.requestCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8})
    void aServerIgnoringTheOffsetWithATotalFailsInsteadOfRepeatingItems(int concurrency) {
        ScriptedFetcher f = new ScriptedFetcher(1_234);
        f.ignoreOffset = true;
        List<Integer> seen = new java.util.ArrayList<>();
        StepVerifier.create(OffsetPaginator.of(f, "q", ErrorAccess.get())
                        .items(0, ALL, 100, concurrency)
                        .doOnNext(seen::add))
                .expectNextCount(100)
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(DecodingException.class).hasMessageContaining("ignores");
                    assertThat(((ApiException) e).resumeCursor()).contains(PageCursor.of(100, "q"));
                })
                .verify();
        assertThat(seen).isEqualTo(range(0, 100));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8})
    void aRepeatedFirstItemFailsTheListingEvenWithoutAReportedOffset(int concurrency) {
        ScriptedFetcher f = new ScriptedFetcher(1_234);
        f.ignoreOffset = true;
        f.reportOffset = false;
        List<Integer> seen = new java.util.ArrayList<>();
        StepVerifier.create(OffsetPaginator.of(f, "q", ErrorAccess.get())
                        .pages(0, ALL, 100, concurrency)
                        .doOnNext(p -> seen.addAll(p.items())))
                .expectNextCount(1)
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(DecodingException.class).hasMessageContaining("same item");
                    assertThat(((ApiException) e).resumeCursor()).contains(PageCursor.of(100, "q"));
                })
                .verify();
        assertThat(seen).isEqualTo(range(0, 100));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void resumingABoundedListingCompletesExactlyItsOriginalBounds(int concurrency) {
        ScriptedFetcher f = new ScriptedFetcher(1_000);
        ServerException boom = (ServerException) serverError();
        f.failAt.put(200L, boom);
        ApiException[] failure = {null};
        OffsetPaginator<Integer> p = OffsetPaginator.of(f, "q", ErrorAccess.get());
        List<Integer> seen = new java.util.ArrayList<>();
        StepVerifier.create(p.items(0, 300, 100, concurrency).doOnNext(seen::add))
                .expectNextCount(200)
                .expectErrorSatisfies(e -> failure[0] = (ServerException) e)
                .verify();
        PageCursor resume =
                PageCursor.parse(failure[0].resumeCursor().orElseThrow().toString());
        assertThat(resume).isEqualTo(PageCursor.of(0, 200, 300, "q"));
        StepVerifier.create(p.items(resume, 100, concurrency).doOnNext(seen::add))
                .expectNextCount(100)
                .verifyComplete();
        assertThat(seen).isEqualTo(range(0, 300));
    }

    @Test
    void cursorsOfAResumedListingKeepTheOriginalBounds() {
        ScriptedFetcher f = new ScriptedFetcher(1_000);
        StepVerifier.create(
                        OffsetPaginator.of(f, "q", ErrorAccess.get()).pages(PageCursor.of(50, 150, 450, "q"), 100, 2))
                .assertNext(pg -> assertThat(pg.nextCursor()).contains(PageCursor.of(50, 250, 450, "q")))
                .assertNext(pg -> assertThat(pg.nextCursor()).contains(PageCursor.of(50, 350, 450, "q")))
                .assertNext(pg -> assertThat(pg.nextCursor()).isEmpty())
                .verifyComplete();
    }

    @Test
    void aCursorOfAnotherQueryIsRejectedBeforeAnyRequest() {
        ScriptedFetcher f = new ScriptedFetcher(10);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> OffsetPaginator.of(f, "q", ErrorAccess.get()).items(PageCursor.of(5, "other"), 10, 1))
                .withMessageContaining("from");
        assertThat(f.requestCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 8})
    void pagesFetchedBeyondAnEmptyPageAreNotEmittedAfterTheGap(int concurrency) {
        ScriptedFetcher f = new ScriptedFetcher(1_000);
        f.emptyAt.add(300L); // the listing shrank under page 3 while later pages still answer
        f.delay = o -> Duration.ofMillis(o == 300 ? 30 : 0);
        StepVerifier.create(OffsetPaginator.of(f, "q", ErrorAccess.get())
                        .items(0, ALL, 100, concurrency)
                        .collectList())
                .assertNext(items -> assertThat(items).isEqualTo(range(0, 300)))
                .verifyComplete();
    }
}
