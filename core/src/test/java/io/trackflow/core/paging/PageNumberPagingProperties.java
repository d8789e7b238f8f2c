package io.trackflow.core.paging;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.core.error.ApiException;
import io.trackflow.core.error.internal.ErrorAccess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import reactor.core.publisher.Flux;

/**
 * Property-based tests of page-number paging against random Laravel-like listings: totals, page
 * sizes, clamps (stated or silent), concurrency, figures left out, failures of random pages, resumed
 * listings and ranges that start mid-page, random cancellation. Invariants: ordered, no duplicate, no
 * gap; resuming from every error's cursor completes exactly the original bounds; a stable listing
 * never asks a page twice unless a failure or a resumption mid-page makes it.
 */
class PageNumberPagingProperties {

    @Property(tries = 300)
    void aListingResumedAfterEveryFailureYieldsExactlyItsBounds(
            @ForAll @IntRange(min = 0, max = 600) int total,
            @ForAll @IntRange(min = 0, max = 650) int start,
            @ForAll @IntRange(min = 1, max = 700) int maxItems,
            @ForAll @IntRange(min = 1, max = 100) int pageSize,
            @ForAll @IntRange(min = 1, max = 120) int maxPerPage,
            @ForAll @IntRange(min = 1, max = 8) int concurrency,
            @ForAll boolean statesPerPage,
            @ForAll boolean statesTotal,
            @ForAll @Size(max = 6) List<@IntRange(min = 1, max = 60) Integer> failingPages) {
        LaravelServer server = new LaravelServer(total);
        server.maxPerPage = maxPerPage;
        server.statesPerPage = statesPerPage;
        server.statesTotal = statesTotal;
        for (int f : failingPages) {
            server.failOnce.add((long) f);
        }
        OffsetPaginator<Integer> paginator = OffsetPaginator.ofPageNumbers(server, "p", ErrorAccess.get());
        long end = (long) start + maxItems;
        List<Integer> seen = new ArrayList<>();
        PageCursor at = PageCursor.of(start, start, end, "p");
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
        assertThat(seen).isEqualTo(LaravelServer.range(start, Math.min(total, end)));
    }

    @Property(tries = 300)
    void aStableListingFromItsStartAsksEveryPageOnceAtTheSizeInForce(
            @ForAll @IntRange(min = 0, max = 600) int total,
            @ForAll @IntRange(min = 1, max = 100) int pageSize,
            @ForAll @IntRange(min = 1, max = 120) int maxPerPage,
            @ForAll @IntRange(min = 1, max = 8) int concurrency,
            @ForAll boolean statesPerPage,
            @ForAll boolean pagesView) {
        LaravelServer server = new LaravelServer(total);
        server.maxPerPage = maxPerPage;
        server.statesPerPage = statesPerPage;
        OffsetPaginator<Integer> paginator = OffsetPaginator.ofPageNumbers(server, "p", ErrorAccess.get());
        List<Integer> seen = (pagesView
                        ? paginator
                                .pages(0, Long.MAX_VALUE, pageSize, concurrency)
                                .concatMapIterable(Page::items)
                        : paginator.items(0, Long.MAX_VALUE, pageSize, concurrency))
                .collectList()
                .block(Duration.ofSeconds(10));
        assertThat(seen).isEqualTo(LaravelServer.range(0, total));
        int inForce = Math.min(pageSize, maxPerPage);
        // a silent clamp cannot be told on a listing that fits on the first page
        long pages = Math.max(1, (total + inForce - 1) / inForce);
        assertThat(server.pagesAsked()).doesNotHaveDuplicates().hasSize((int) pages);
    }

    @Property(tries = 300)
    void aServerWhoseSizeIsNotTheOneAskedOrChangesMidListingLosesNothingAndRepeatsNothing(
            @ForAll @IntRange(min = 0, max = 400) int total,
            @ForAll @IntRange(min = 0, max = 300) int start,
            @ForAll @IntRange(min = 1, max = 100) int pageSize,
            @ForAll @IntRange(min = 1, max = 60) int firstSize,
            @ForAll @IntRange(min = 1, max = 60) int laterSize,
            @ForAll @IntRange(min = 0, max = 5) int switchAfter,
            @ForAll @IntRange(min = 1, max = 6) int concurrency,
            @ForAll boolean statesTotal) {
        LaravelServer server = new LaravelServer(total);
        server.statesTotal = statesTotal;
        server.sizing = (n, asked) -> n < switchAfter ? firstSize : laterSize;
        List<Integer> seen = OffsetPaginator.ofPageNumbers(server, "p", ErrorAccess.get())
                .items(start, Long.MAX_VALUE, pageSize, concurrency)
                .collectList()
                .block(Duration.ofSeconds(10));
        assertThat(seen).isEqualTo(LaravelServer.range(start, Math.max(start, total)));
    }

    @Property(tries = 200)
    void cancellingAtAnyPointEmitsThePrefixAsked(
            @ForAll @IntRange(min = 0, max = 600) int total,
            @ForAll @IntRange(min = 0, max = 650) int take,
            @ForAll @IntRange(min = 1, max = 100) int pageSize,
            @ForAll @IntRange(min = 1, max = 120) int maxPerPage,
            @ForAll @IntRange(min = 1, max = 8) int concurrency,
            @ForAll boolean statesTotal) {
        LaravelServer server = new LaravelServer(total);
        server.maxPerPage = maxPerPage;
        server.statesTotal = statesTotal;
        List<Integer> seen = OffsetPaginator.ofPageNumbers(server, "p", ErrorAccess.get())
                .items(0, Long.MAX_VALUE, pageSize, concurrency)
                .take(take)
                .collectList()
                .block(Duration.ofSeconds(10));
        assertThat(seen).isEqualTo(LaravelServer.range(0, Math.min(take, total)));
    }
}
