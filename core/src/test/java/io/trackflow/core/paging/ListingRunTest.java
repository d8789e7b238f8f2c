package io.trackflow.core.paging;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.core.error.ApiException;
import io.trackflow.core.error.internal.ErrorAccess;
import io.trackflow.core.testing.TestErrors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The listing engine's run under attack (an adversarial review of the state machine that replaced the
 * per-page operators): threads racing, fetchers and subscribers that throw, answers that never come.
 */
class ListingRunTest {

    private static final long ALL = Long.MAX_VALUE;

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().collect(Collectors.toList());
    }

    /** An empty page at 300; the page after it is slow: the listing should end at 300 without waiting for it. */
    @Test
    void aListingThatShrankCompletesWithoutWaitingForAPageBeyondTheGap() {
        ScriptedFetcher f = new ScriptedFetcher(1_000);
        f.emptyAt.add(300L);
        f.delay = o -> o == 400 ? Duration.ofSeconds(20) : o == 300 ? Duration.ofMillis(50) : Duration.ZERO;
        completesWithTheItemsBeforeTheGap(f);
        assertThat(f.inFlight.get()).isZero();
    }

    /** An empty page at 300; the page after it fails: the listing ended at 300, so it should complete. */
    @Test
    void aFailedPageBeyondTheGapDoesNotFailAListingThatShrank() {
        ScriptedFetcher f = new ScriptedFetcher(1_000);
        f.emptyAt.add(300L);
        f.failAt.put(400L, TestErrors.status(500));
        f.delay = o -> o == 300 ? Duration.ofMillis(50) : o == 400 ? Duration.ofMillis(100) : Duration.ZERO;
        completesWithTheItemsBeforeTheGap(f);
    }

    /** A listing of 1,000 with four pages in flight, empty at 300: it completes with the 300 items before. */
    private static void completesWithTheItemsBeforeTheGap(ScriptedFetcher f) {
        StepVerifier.create(OffsetPaginator.of(f, "q", ErrorAccess.get())
                        .items(0, ALL, 100, 4)
                        .collectList())
                .assertNext(items -> assertThat(items).isEqualTo(range(0, 300)))
                .expectComplete()
                .verify(Duration.ofSeconds(3));
    }

    /** A fetcher that throws is signalled like one whose Mono fails: in order, after the items before it. */
    @Test
    void aFetcherThatThrowsIsSignalledInOrderLikeAFailedAnswer() {
        ScriptedFetcher f = new ScriptedFetcher(1_000);
        PageFetcher<Integer> throwing = (offset, limit) -> {
            if (offset == 500) {
                throw TestErrors.status(500);
            }
            return f.fetch(offset, limit);
        };
        List<Integer> seen = new ArrayList<>();
        StepVerifier.create(OffsetPaginator.of(throwing, "q", ErrorAccess.get())
                        .items(0, ALL, 100, 4)
                        .doOnNext(seen::add))
                .thenConsumeWhile(x -> true)
                .expectErrorSatisfies(
                        e -> assertThat(((ApiException) e).resumeCursor()).contains(PageCursor.of(500, "q")))
                .verify(Duration.ofSeconds(3));
        assertThat(seen).isEqualTo(range(0, 500));
    }

    /** A fetch whose Mono completes empty: the listing fails in order rather than skipping the page. */
    @Test
    void anEmptyAnswerFailsTheListingInOrder() {
        ScriptedFetcher f = new ScriptedFetcher(1_000);
        PageFetcher<Integer> empty = (offset, limit) -> offset == 500 ? Mono.empty() : f.fetch(offset, limit);
        List<Integer> seen = new ArrayList<>();
        AtomicReference<Throwable> err = new AtomicReference<>();
        StepVerifier.create(OffsetPaginator.of(empty, "q", ErrorAccess.get())
                        .items(0, ALL, 100, 4)
                        .doOnNext(seen::add))
                .thenConsumeWhile(x -> true)
                .expectErrorSatisfies(err::set)
                .verify(Duration.ofSeconds(3));
        assertThat(seen).isEqualTo(range(0, 500));
        assertThat(err.get())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no answer for the page at offset 500");
    }

    /**
     * Rule 1.3 and 1.1 with several threads requesting while answers arrive on timer threads: no overlapping
     * signals, never more items than requested, every item once and in order, exactly one terminal signal.
     */
    @RepeatedTest(30)
    void concurrentRequestsWhileAnswersArriveOnOtherThreads() throws Exception {
        ScriptedFetcher f = new ScriptedFetcher(2_000);
        f.recordRequests = false;
        f.delay = o -> Duration.ofNanos(ThreadLocalRandom.current().nextInt(1, 300_000));
        if (ThreadLocalRandom.current().nextBoolean()) {
            f.clampTo = 5; // short pages and requests for the rest of a segment
            f.reportLimit = false;
        }
        Flux<Integer> items = OffsetPaginator.of(f, "q", ErrorAccess.get()).items(0, ALL, 7, 4);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicLong requested = new AtomicLong();
        AtomicInteger overflow = new AtomicInteger();
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger terminals = new AtomicInteger();
        AtomicReference<Throwable> error = new AtomicReference<>();
        AtomicReference<Subscription> sub = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        items.subscribe(new CoreSubscriber<Integer>() {
            @Override
            public void onSubscribe(Subscription s) {
                sub.set(s);
            }

            @Override
            public void onNext(Integer x) {
                if (inside.getAndIncrement() != 0) {
                    overlaps.incrementAndGet();
                }
                seen.add(x);
                if (seen.size() > requested.get()) {
                    overflow.incrementAndGet();
                }
                inside.decrementAndGet();
            }

            @Override
            public void onError(Throwable t) {
                error.set(t);
                terminals.incrementAndGet();
                done.countDown();
            }

            @Override
            public void onComplete() {
                terminals.incrementAndGet();
                done.countDown();
            }
        });
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            Thread th = new Thread(() -> {
                while (done.getCount() > 0) {
                    long n = ThreadLocalRandom.current().nextInt(1, 6);
                    if (requested.get() < 2_100) {
                        requested.addAndGet(n);
                        sub.get().request(n);
                    }
                    Thread.yield();
                }
            });
            th.start();
            threads.add(th);
        }
        assertThat(done.await(20, TimeUnit.SECONDS)).as("terminated").isTrue();
        for (Thread th : threads) {
            th.join();
        }
        Thread.sleep(20);
        assertThat(error.get()).isNull();
        assertThat(overlaps.get()).isZero();
        assertThat(overflow.get()).isZero();
        assertThat(terminals.get()).isEqualTo(1);
        assertThat(seen).isEqualTo(range(0, 2_000));
        assertThat(f.maxInFlight.get()).isLessThanOrEqualTo(4);
    }

    /** Cancel from another thread while answers race: nothing is left in flight and nothing is asked after. */
    @RepeatedTest(30)
    void cancelRacingAnswersLeavesNothingInFlight() throws Exception {
        ScriptedFetcher f = new ScriptedFetcher(100_000);
        f.delay = o -> Duration.ofNanos(ThreadLocalRandom.current().nextInt(1, 200_000));
        AtomicReference<Subscription> sub = new AtomicReference<>();
        AtomicInteger terminals = new AtomicInteger();
        AtomicInteger afterCancel = new AtomicInteger();
        AtomicInteger cancelledFlag = new AtomicInteger();
        OffsetPaginator.of(f, "q", ErrorAccess.get()).items(0, ALL, 10, 4).subscribe(new CoreSubscriber<Integer>() {
            @Override
            public void onSubscribe(Subscription s) {
                sub.set(s);
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(Integer x) {
                if (cancelledFlag.get() == 2) {
                    afterCancel.incrementAndGet();
                }
            }

            @Override
            public void onError(Throwable t) {
                terminals.incrementAndGet();
            }

            @Override
            public void onComplete() {
                terminals.incrementAndGet();
            }
        });
        Thread.sleep(ThreadLocalRandom.current().nextInt(1, 20));
        cancelledFlag.set(1);
        sub.get().cancel();
        cancelledFlag.set(2);
        Thread.sleep(50);
        int sent = f.requestCount();
        assertThat(f.inFlight.get()).isZero();
        Thread.sleep(50);
        assertThat(f.requestCount()).isEqualTo(sent);
        assertThat(terminals.get()).isZero();
        assertThat(afterCancel.get()).isLessThanOrEqualTo(10); // at most the rest of the page being emitted
    }

    @Test
    void takeNStaysWithinItsRequestBound() {
        for (int c = 1; c <= 4; c++) {
            for (int n = 1; n <= 650; n += 7) {
                ScriptedFetcher f = new ScriptedFetcher(10_000);
                long got = OffsetPaginator.of(f, "q", ErrorAccess.get())
                        .items(0, ALL, 100, c)
                        .take(n)
                        .count()
                        .block();
                assertThat(got).isEqualTo(n);
                int bound = (n + 99) / 100 + c - 1;
                assertThat(f.requestCount()).as("c=%d n=%d", c, n).isLessThanOrEqualTo(bound);
            }
        }
    }

    /** A fetcher that throws an Error (not a RuntimeException) at a later page. */
    @RepeatedTest(5)
    void aFetcherThatThrowsAnErrorEndsTheListing() {
        ScriptedFetcher f = new ScriptedFetcher(1_000);
        f.delay = o -> o == 0 ? Duration.ZERO : Duration.ofMillis(5);
        PageFetcher<Integer> throwing = (offset, limit) -> {
            if (offset == 500) {
                throw new AssertionError("boom");
            }
            return f.fetch(offset, limit);
        };
        StepVerifier.create(OffsetPaginator.of(throwing, "q", ErrorAccess.get()).items(0, ALL, 100, 4))
                .recordWith(ArrayList::new)
                .thenConsumeWhile(x -> true)
                .consumeRecordedWith(r -> assertThat(r).hasSize(500)) // in order, as a failed answer
                .expectErrorSatisfies(
                        e -> assertThat(e).isInstanceOf(AssertionError.class).hasMessage("boom"))
                .verify(Duration.ofSeconds(3));
    }

    /** A subscriber whose onNext throws: the listing ends with onError, the requests in flight cancelled. */
    @Test
    void aSubscriberThatThrowsEndsTheListing() throws Exception {
        ScriptedFetcher f = new ScriptedFetcher(1_000);
        f.delay = o -> o == 0 ? Duration.ZERO : Duration.ofSeconds(5);
        AtomicReference<Throwable> err = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        OffsetPaginator.of(f, "q", ErrorAccess.get()).items(0, ALL, 100, 4).subscribe(new CoreSubscriber<Integer>() {
            @Override
            public void onSubscribe(Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(Integer x) {
                if (x == 50) {
                    throw new IllegalStateException("subscriber");
                }
            }

            @Override
            public void onError(Throwable t) {
                err.set(t);
                done.countDown();
            }

            @Override
            public void onComplete() {
                done.countDown();
            }
        });
        assertThat(done.await(3, TimeUnit.SECONDS)).isTrue();
        assertThat(err.get()).isInstanceOf(IllegalStateException.class).hasMessage("subscriber");
        Thread.sleep(100);
        assertThat(f.inFlight.get()).isZero(); // the requests in flight were cancelled
    }

    /** After a fetcher threw an Error, cancelling must still cancel the requests in flight. */
    @Test
    void afterAFetcherThrewAnErrorCancelStillCancelsWhatIsInFlight() throws Exception {
        ScriptedFetcher f = new ScriptedFetcher(1_000);
        f.delay = o -> o == 0 ? Duration.ZERO : o == 100 ? Duration.ofMillis(5) : Duration.ofSeconds(10);
        PageFetcher<Integer> throwing = (offset, limit) -> {
            if (offset == 500) {
                throw new AssertionError("boom");
            }
            return f.fetch(offset, limit);
        };
        AtomicReference<Throwable> err = new AtomicReference<>();
        Disposable d = OffsetPaginator.of(throwing, "q", ErrorAccess.get())
                .items(0, ALL, 100, 4)
                .subscribe(x -> {}, err::set);
        Thread.sleep(300);
        d.dispose();
        Thread.sleep(100);
        assertThat(f.inFlight.get()).isZero();
    }
}
