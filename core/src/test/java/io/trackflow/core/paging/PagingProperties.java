package io.trackflow.core.paging;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.core.error.ApiException;
import io.trackflow.core.error.internal.ErrorAccess;
import io.trackflow.core.testing.TestErrors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Property-based tests of the paginator against random servers: totals, page sizes, clamps,
 * concurrency, whether the server reports a total and its limit, listings that shrink or grow at
 * their tail after the first page, failures at random offsets, random cancellation. Invariants:
 * what a listing emits is ordered and free of duplicates, and resuming from every error's cursor
 * completes exactly the original bounds with no gap and no duplicate.
 */
class PagingProperties {

    /** A listing of the integers {@code 0..size-1} that may change size and fail at given offsets. */
    static final class RandomServer implements PageFetcher<Integer> {
        volatile int size;
        final int clampTo;
        final boolean reportTotal;
        final boolean reportLimit;
        final int sizeAfterFirstPage;
        final Set<Long> failOnce = ConcurrentHashMap.newKeySet();
        final AtomicBoolean changed = new AtomicBoolean();

        RandomServer(int size, int clampTo, boolean reportTotal, boolean reportLimit, int sizeAfterFirstPage) {
            this.size = size;
            this.clampTo = clampTo;
            this.reportTotal = reportTotal;
            this.reportLimit = reportLimit;
            this.sizeAfterFirstPage = sizeAfterFirstPage;
        }

        @Override
        public Mono<PageResponse<Integer>> fetch(long offset, int limit) {
            return Mono.defer(() -> {
                if (failOnce.remove(offset)) {
                    return Mono.error(TestErrors.status(503));
                }
                int n = size;
                int effective = Math.min(limit, clampTo);
                List<Integer> items = new ArrayList<>();
                for (long i = offset; i < Math.min(n, offset + effective); i++) {
                    items.add((int) i);
                }
                PageResponse<Integer> page = PageResponse.<Integer>builder()
                        .items(items)
                        .totalCount(reportTotal ? OptionalLong.of(n) : OptionalLong.empty())
                        .limit(reportLimit ? OptionalInt.of(effective) : OptionalInt.empty())
                        .offset(OptionalLong.of(offset))
                        .build();
                if (changed.compareAndSet(false, true)) {
                    size = sizeAfterFirstPage; // the listing shrinks or grows at its tail once the count is known
                }
                return Mono.just(page);
            });
        }
    }

    @Property(tries = 300)
    void aStableListingResumedAfterEveryFailureYieldsExactlyItsBounds(
            @ForAll @IntRange(min = 0, max = 600) int total,
            @ForAll @IntRange(min = 0, max = 650) int start,
            @ForAll @IntRange(min = 1, max = 700) int maxItems,
            @ForAll @IntRange(min = 1, max = 100) int pageSize,
            @ForAll @IntRange(min = 1, max = 120) int clampTo,
            @ForAll @IntRange(min = 1, max = 8) int concurrency,
            @ForAll boolean reportTotal,
            @ForAll boolean reportLimit,
            @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 600) Integer> failures) {
        RandomServer server = new RandomServer(total, clampTo, reportTotal, reportLimit, total);
        OffsetPaginator<Integer> paginator = OffsetPaginator.of(server, "p", ErrorAccess.get());
        long end = (long) start + maxItems;
        List<Integer> seen = new ArrayList<>();
        PageCursor at = PageCursor.of(start, start, end, "p");
        for (int f : failures) {
            server.failOnce.add((long) f); // each of these offsets fails once, wherever the listing is
        }
        for (int round = 0; round < 50 && at != null; round++) {
            ApiException[] failure = {null};
            paginator
                    .items(at, pageSize, concurrency)
                    .doOnNext(seen::add)
                    .onErrorResume(ApiException.class, e -> {
                        failure[0] = e;
                        return Flux.empty();
                    })
                    .blockLast(Duration.ofSeconds(10));
            at = failure[0] == null
                    ? null
                    : PageCursor.parse(failure[0].resumeCursor().orElseThrow().toString());
            if (at != null) {
                assertThat(at.start()).isEqualTo(start);
                assertThat(at.end()).isEqualTo(end);
            }
        }
        assertThat(at).as("the listing completed").isNull();
        List<Integer> expected = new ArrayList<>();
        for (int i = start; i < Math.min(total, end); i++) {
            expected.add(i);
        }
        assertThat(seen).isEqualTo(expected);
    }

    @Property(tries = 300)
    void aListingThatShrinksOrGrowsAfterItsCountEmitsAnOrderedPrefixWithoutDuplicates(
            @ForAll @IntRange(min = 0, max = 600) int total,
            @ForAll @IntRange(min = 0, max = 900) int sizeAfterFirstPage,
            @ForAll @IntRange(min = 1, max = 100) int pageSize,
            @ForAll @IntRange(min = 1, max = 120) int clampTo,
            @ForAll @IntRange(min = 1, max = 8) int concurrency,
            @ForAll boolean reportTotal,
            @ForAll boolean reportLimit,
            @ForAll boolean pagesView) {
        RandomServer server = new RandomServer(total, clampTo, reportTotal, reportLimit, sizeAfterFirstPage);
        OffsetPaginator<Integer> paginator = OffsetPaginator.of(server, "p", ErrorAccess.get());
        List<Integer> seen = (pagesView
                        ? paginator
                                .pages(0, Long.MAX_VALUE, pageSize, concurrency)
                                .concatMapIterable(Page::items)
                        : paginator.items(0, Long.MAX_VALUE, pageSize, concurrency))
                .collectList()
                .block(Duration.ofSeconds(10));
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i)).as("item %d", i).isEqualTo(i); // a prefix: ordered, no gap, no duplicate
        }
        int bound = reportTotal ? total : Math.max(total, sizeAfterFirstPage);
        assertThat(seen.size()).isLessThanOrEqualTo(bound);
        if (sizeAfterFirstPage >= total && reportTotal) {
            assertThat(seen).hasSize(total); // a listing that grew is read to the total it announced
        }
    }

    @Property(tries = 200)
    void cancellingAtAnyPointEmitsThePrefixAsked(
            @ForAll @IntRange(min = 0, max = 600) int total,
            @ForAll @IntRange(min = 0, max = 650) int take,
            @ForAll @IntRange(min = 1, max = 100) int pageSize,
            @ForAll @IntRange(min = 1, max = 120) int clampTo,
            @ForAll @IntRange(min = 1, max = 8) int concurrency,
            @ForAll boolean reportTotal) {
        RandomServer server = new RandomServer(total, clampTo, reportTotal, true, total);
        List<Integer> seen = OffsetPaginator.of(server, "p", ErrorAccess.get())
                .items(0, Long.MAX_VALUE, pageSize, concurrency)
                .take(take)
                .collectList()
                .block(Duration.ofSeconds(10));
        assertThat(seen).hasSize(Math.min(take, total));
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i)).isEqualTo(i);
        }
    }
}
