package io.trackflow.core.paging;

import io.trackflow.core.testing.TestErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/**
 * A listing of the integers {@code 0..size-1} served as Laravel's {@code paginate} serves it, with the
 * awkward options of real deployments: a clamped {@code per_page}, figures left out, a proxy that
 * ignores {@code page}, failures of chosen pages. Records every request as {@code [page, perPage]}.
 */
final class LaravelServer implements PageNumberFetcher<Integer> {

    volatile int size;
    int maxPerPage = Integer.MAX_VALUE;
    boolean statesPerPage = true;
    boolean statesPlace = true;
    boolean statesTotal = true;
    boolean ignoresPage;
    /** Sends {@code last_page} (with or without a total). */
    boolean statesLastPage = true;
    /** Answers a page past the last one with the last page (a "worse" server), not an empty one. */
    boolean answersPastEndWithLastPage;
    /** Omits {@code from} (but still sends {@code current_page} when it states its place). */
    boolean omitsFrom;
    /** The size the server applies to its n-th request (from 0) for a size asked; default: clamped. */
    java.util.function.IntBinaryOperator sizing = (n, asked) -> Math.min(asked, maxPerPage);
    /**
     * Items left out of their page after it is cut (a deployment that filters a page's items): the page
     * falls short while the counts still include them. Default: none.
     */
    java.util.function.IntPredicate hidden = i -> false;
    /** Pages that fail once with a 503, by number. */
    final Set<Long> failOnce = ConcurrentHashMap.newKeySet();

    final List<long[]> requests = new CopyOnWriteArrayList<>();

    LaravelServer(int size) {
        this.size = size;
    }

    @Override
    public Mono<PageNumberResponse<Integer>> fetch(long page, int perPage) {
        return Mono.defer(() -> {
            requests.add(new long[] {page, perPage});
            if (failOnce.remove(page)) {
                return Mono.error(TestErrors.status(503));
            }
            int inForce = sizing.applyAsInt(requests.size() - 1, perPage);
            long last = Math.max(1, (size + inForce - 1) / inForce);
            long served = ignoresPage ? 1 : answersPastEndWithLastPage ? Math.min(page, last) : page;
            long first = (served - 1) * inForce;
            List<Integer> items = new ArrayList<>();
            for (long i = first; i < Math.min(size, first + inForce); i++) {
                if (!hidden.test((int) i)) {
                    items.add((int) i);
                }
            }
            PageNumberResponse.Builder<Integer> b =
                    PageNumberResponse.<Integer>builder().items(items).headers(Map.of());
            if (statesPerPage) {
                b.perPage(inForce);
            }
            if (statesPlace) {
                b.currentPage(served);
                if (!items.isEmpty() && !omitsFrom) {
                    b.from(first + 1);
                }
            }
            if (statesTotal) {
                b.totalCount(size);
            }
            if (statesLastPage) {
                b.lastPage(last);
            }
            return Mono.just(b.build());
        });
    }

    /** The page numbers asked, in order. */
    List<Long> pagesAsked() {
        List<Long> out = new ArrayList<>();
        for (long[] r : requests) {
            out.add(r[0]);
        }
        return out;
    }

    /** The sizes asked, in order. */
    List<Long> sizesAsked() {
        List<Long> out = new ArrayList<>();
        for (long[] r : requests) {
            out.add(r[1]);
        }
        return out;
    }

    static List<Integer> range(long from, long to) {
        List<Integer> out = new ArrayList<>();
        for (long i = from; i < to; i++) {
            out.add((int) i);
        }
        return out;
    }
}
