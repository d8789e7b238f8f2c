package io.trackflow.core.paging;

import io.trackflow.core.error.ApiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import reactor.core.publisher.Mono;

/** An in-memory listing of the integers {@code 0..size-1}, with knobs for server behaviour. */
final class ScriptedFetcher implements PageFetcher<Integer> {

    final int size;
    int clampTo = Integer.MAX_VALUE;
    boolean reportLimit = true;
    boolean reportTotal = true;
    boolean ignoreOffset = false;
    boolean reportOffset = true;
    /** Offsets answered with an empty page whatever the data (a listing that shrank under one page). */
    final java.util.Set<Long> emptyAt = ConcurrentHashMap.newKeySet();
    /** A total to report instead of the real size (a listing that shrank after the count). */
    long reportedTotal = -1;

    /** Whether {@link #requests} records the requests (off for listings of millions of pages). */
    boolean recordRequests = true;

    LongFunction<Duration> delay = o -> Duration.ZERO;
    final Map<Long, ApiException> failAt = new ConcurrentHashMap<>();
    final List<long[]> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final AtomicInteger cancelled = new AtomicInteger();

    ScriptedFetcher(int size) {
        this.size = size;
    }

    @Override
    public Mono<PageResponse<Integer>> fetch(long offset, int limit) {
        // like an HTTP call: nothing is sent before the result is requested
        return Mono.just(offset)
                .flatMap(o -> Mono.defer(() -> {
                    if (recordRequests) {
                        requests.add(new long[] {offset, limit});
                    }
                    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    ApiException failure = failAt.remove(offset);
                    Mono<PageResponse<Integer>> page =
                            failure != null ? Mono.error(failure) : Mono.fromCallable(() -> page(offset, limit));
                    Duration d = delay.apply(offset);
                    java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
                    Runnable finish = () -> {
                        if (done.compareAndSet(false, true)) {
                            inFlight.decrementAndGet();
                        }
                    };
                    return (d.isZero() ? page : Mono.delay(d).then(page))
                            .doOnSuccess(x -> finish.run())
                            .doOnError(x -> finish.run())
                            .doOnCancel(() -> {
                                cancelled.incrementAndGet();
                                finish.run();
                            });
                }));
    }

    private PageResponse<Integer> page(long offset, int limit) {
        int effective = Math.min(limit, clampTo);
        long from = ignoreOffset ? 0 : offset;
        List<Integer> items = new ArrayList<>();
        for (long i = from; !emptyAt.contains(offset) && i < Math.min(size, from + effective); i++) {
            items.add((int) i);
        }
        return PageResponse.<Integer>builder()
                .items(items)
                .totalCount(
                        reportTotal ? OptionalLong.of(reportedTotal >= 0 ? reportedTotal : size) : OptionalLong.empty())
                .limit(reportLimit ? OptionalInt.of(effective) : OptionalInt.empty())
                .offset(reportOffset ? OptionalLong.of(from) : OptionalLong.empty())
                .build();
    }

    int requestCount() {
        return requests.size();
    }
}
