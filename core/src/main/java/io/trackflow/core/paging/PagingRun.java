package io.trackflow.core.paging;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One subscription to a listing: fetches its pages as they are asked for and lets them through in
 * order, checked. See {@link OffsetPaginator} for the rules.
 *
 * @param <T> the item type
 */
final class PagingRun<T> {

    /** How pages are asked and read (offsets, or numbered pages): the engine's one variable part. */
    private final PagingStyle<T> style;

    private final String fingerprint;
    /** Where the listing began: kept in every cursor so that resuming completes the same listing. */
    private final long origin;

    private final long start;
    private final long end;
    private final int pageSize;
    private final int concurrency;
    private final ListingFailures failures;
    /** The lowest offset at which an empty page was seen: no data beyond it. */
    private final AtomicLong dataEnd = new AtomicLong(Long.MAX_VALUE);
    /** The offset of the first item (or page) not yet emitted; written by the serialized emitter. */
    volatile long next;
    /** The first item of the last page let through, to catch a page that does not advance. */
    private @Nullable Object previousFirst;

    PagingRun(
            PagingStyle<T> style,
            String fingerprint,
            PageCursor from,
            int pageSize,
            int concurrency,
            ListingFailures failures) {
        this.style = style;
        this.failures = failures;
        this.fingerprint = fingerprint;
        this.origin = from.start();
        this.start = from.offset();
        this.end = from.end();
        this.pageSize = pageSize;
        this.concurrency = concurrency;
        this.next = start;
    }

    /** The cursor of an offset of this listing. */
    PageCursor cursor(long offset) {
        return PageCursor.of(origin, Math.max(start, Math.min(offset, end)), end, fingerprint);
    }

    /** The items of one page, each advancing {@link #next}; the producer learns when all are out. */
    Flux<T> emit(Chunk<T> c) {
        Page<T> page = c.page;
        next = page.offset();
        return Flux.fromIterable(page.items()).doOnNext(x -> next++).doOnComplete(c::consumed);
    }

    /** The page, handed over whole: {@link #next} moves past it. */
    Page<T> hand(Chunk<T> c) {
        c.consumed();
        next = c.page.offset() + c.page.size();
        return c.page;
    }

    /**
     * The pages of the listing, in order, each checked as it is let through: a page that starts with
     * the same item as the page before it does not advance (the server or a proxy ignores the offset)
     * and fails the listing; a page beyond an empty one (the listing shrank) ends it, so no page is
     * emitted after a gap.
     */
    Flux<Chunk<T>> chunks() {
        if (start >= end) {
            return Flux.empty();
        }
        return new OnDemand<>(this::firstAndRest).handle((chunk, sink) -> {
            Page<T> p = chunk.page;
            if (p.offset() > start && p.offset() >= dataEnd.get()) {
                sink.complete();
                return;
            }
            if (p.size() > 0) {
                Object first = p.items().get(0);
                if (previousFirst != null && previousFirst.equals(first)) {
                    sink.error(failures.notAdvancing(p.offset(), "starts with the same item as the page before it"));
                    return;
                }
                previousFirst = first;
            }
            sink.next(chunk);
        });
    }

    private Flux<Chunk<T>> firstAndRest() {
        int firstLimit = style.firstLimit(start, end, pageSize);
        return fetch(start, firstLimit).flatMapMany(first -> {
            int n = first.items().size();
            OptionalLong total = first.totalCount();
            long stop = total.isPresent() ? Math.min(end, Math.max(start, total.getAsLong())) : end;
            long after = start + n;
            int size = style.sizeAfter(first, pageSize, firstLimit, total.isPresent() && after < stop);
            // a page whose size the server changed ends sooner: it is short only against its own end
            boolean last =
                    n == 0 || after >= stop || (total.isEmpty() && isShort(first, style.against(start, firstLimit)));
            Chunk<T> head = new Chunk<>(page(first, start, firstLimit, last ? -1 : after, stop), null);
            if (last) {
                return Flux.just(head);
            }
            int effective = size;
            Flux<Chunk<T>> rest = total.isPresent()
                    ? new OnDemand<>(() -> planned(after, stop, effective))
                    : new OnDemand<>(() -> sequential(after, effective).map(p -> new Chunk<>(p, null)));
            return Flux.just(head).concatWith(rest);
        });
    }

    /**
     * Total known: fixed segments of the listing fetched concurrently, emitted in order. A segment
     * counts against the concurrency until its page has been consumed downstream (not merely handed
     * over), so a {@code take(n)} sends at most {@code ceil(n / pageSize) + concurrency - 1} requests.
     */
    private Flux<Chunk<T>> planned(long from, long stop, int size) {
        Flux<long[]> segments = Flux.generate(() -> from, (offset, sink) -> {
            if (offset >= stop || offset >= dataEnd.get()) {
                sink.complete();
                return offset;
            }
            int limit = (int) Math.min(style.sizeInForce(size), stop - offset);
            sink.next(new long[] {offset, limit});
            return offset + limit;
        });
        return segments.flatMapSequential(
                s -> {
                    Sinks.Empty<Void> consumed = Sinks.empty();
                    AtomicBoolean emitted = new AtomicBoolean();
                    return segment(s[0], s[0] + s[1], stop, size)
                            .map(p -> {
                                emitted.set(true);
                                return new Chunk<>(p, consumed);
                            })
                            // a segment that found no items (the listing shrank) has nothing to wait for
                            .concatWith(Mono.defer(() -> emitted.get() ? consumed.asMono() : Mono.<Void>empty())
                                    .then(Mono.empty()));
                },
                concurrency,
                1);
    }

    /**
     * Reads {@code [from, to)} completely: a short page is followed by one for the rest. The common
     * case, one full page, is one fetch and one mapping: no repeat loop per segment.
     */
    private Flux<Page<T>> segment(long from, long to, long stop, int size) {
        int limit = (int) Math.min(size, to - from);
        return fetch(from, limit).flatMapMany(r -> {
            int n = r.items().size();
            if (n == 0) {
                dataEnd.accumulateAndGet(from, Math::min);
                return Flux.empty();
            }
            Page<T> p = page(r, from, limit, from + n, stop);
            long after = from + n;
            return after >= to
                    ? Mono.just(p)
                    : Flux.concat(Mono.just(p), Flux.defer(() -> segment(after, to, stop, size)));
        });
    }

    /** Total unknown: one page after another until an empty or short one. */
    private Flux<Page<T>> sequential(long from, int size) {
        AtomicLong position = new AtomicLong(from);
        boolean[] done = {false};
        return Mono.defer(() -> {
                    long at = position.get();
                    int limit = PagingStyle.limitFor(at, end, style.sizeInForce(size));
                    return fetch(at, limit).map(r -> {
                        int n = r.items().size();
                        long after = at + n;
                        done[0] = n == 0
                                || after >= end
                                || isShort(r, style.against(at, limit))
                                || (r.totalCount().isPresent()
                                        && after >= r.totalCount().getAsLong());
                        position.set(after);
                        return page(r, at, limit, done[0] ? -1 : after, end);
                    });
                })
                .repeat(() -> !done[0])
                .filter(p -> p.size() > 0);
    }

    /**
     * Without a total, a page ends the listing when it is shorter than the limit the server says it
     * applied. A server that clamps without saying so cannot be told from the end of the listing, so
     * without a reported limit only an empty page ends it (one more request, no lost item).
     */
    private static boolean isShort(PageResponse<?> r, int asked) {
        return r.limit().isPresent()
                && r.items().size() < Math.min(asked, r.limit().getAsInt());
    }

    /**
     * Fetches a page, trimmed to the limit asked (a server that sends more is not trusted). A page
     * whose reported offset is not the offset asked fails the listing: the server (or a proxy keyed on
     * the path alone) ignores the offset, and its items would repeat others.
     */
    private Mono<PageResponse<T>> fetch(long offset, int limit) {
        Mono<PageResponse<T>> response;
        try {
            response = style.fetch(offset, limit); // called on subscription: the paging runs lazily
        } catch (RuntimeException e) {
            return Mono.error(e);
        }
        return response.map(r -> {
            if (r.offset().isPresent() && r.offset().getAsLong() != offset) {
                throw failures.notAdvancing(
                        offset,
                        "was answered with the page at offset " + r.offset().getAsLong());
            }
            if (r.items().size() <= limit) {
                return r;
            }
            return PageResponse.<T>builder().from(r).build(r.items().subList(0, limit), r.headers());
        });
    }

    /** The page users see, with the cursor of what follows it (none past {@code stop}). */
    private Page<T> page(PageResponse<T> r, long offset, int asked, long after, long stop) {
        Optional<PageCursor> c = after < 0 || after >= stop ? Optional.empty() : Optional.of(cursor(after));
        return Page.<T>builder()
                .offset(offset)
                .limit(r.limit().orElse(asked))
                .totalCount(r.totalCount())
                .nextCursor(c)
                .build(r.items(), r.headers());
    }
}
