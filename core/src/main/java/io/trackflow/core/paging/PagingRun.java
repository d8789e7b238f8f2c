package io.trackflow.core.paging;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * One subscription to a listing, run by one state machine that lives as long as the listing: it asks for
 * pages as the listing needs them and lets them through in order, checked, as their items are asked for.
 * See {@link OffsetPaginator} for the rules.
 *
 * <p>The first page is asked on the first request. Once its items are out and more are wanted, the rest
 * follows the first answer: with a total, fixed segments of the listing, up to {@code concurrency} of them
 * asked or waiting at a time, a segment counting until its last item has been let through (so a {@code
 * take(n)} sends at most {@code ceil(n / pageSize) + concurrency - 1} requests, and memory holds at most
 * {@code concurrency + 1} pages); without one, one page after another, each asked once the one before it
 * is out and more items are wanted. A request is sent from wherever the listing learns it is due: the
 * subscriber's request, or the answer of the request before (a short answer inside a segment is followed
 * by one for the rest of it before the segment counts as read).
 *
 * <p>Every signal to the subscriber comes from one drain loop at a time (Reactive Streams rule 1.3); answers
 * are read by the drain loop too, so the listing's state has one writer. There is no operator per page:
 * a page costs one request to the fetcher and one subscriber of its answer.
 *
 * @param <T> the item type
 * @param <R> what is emitted: the items ({@code T}), or whole pages ({@code Page<T>})
 */
final class PagingRun<T, R> implements Subscription {

    /** Where a run stands after its first answer. */
    private enum Phase {
        /** Nothing asked yet. */
        IDLE,
        /** The first page asked, or being let through. */
        FIRST,
        /** A total is known: segments of the rest, up to {@code concurrency} at a time. */
        PLANNED,
        /** No total: one page after another. */
        SEQUENTIAL
    }

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
    private final boolean wholePages;
    private final CoreSubscriber<? super R> actual;

    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicLong requested = new AtomicLong();
    private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
    private volatile boolean cancelled;

    // the drain loop's state: one thread at a time (the one that holds wip)
    /** The segments asked and not yet let through, in listing order. */
    private final ArrayDeque<Segment> segments = new ArrayDeque<>();

    private Phase phase = Phase.IDLE;
    /** Where the next segment (or page, without a total) starts. */
    private long planned;
    /** Where the listing ends as its first answer says: its total, within the listing's bounds. */
    private long stop;
    /** The page size the listing settled on after its first answer. */
    private int size;
    /** Whether the rest of the listing has begun: an item beyond the first page was wanted. */
    private boolean restStarted;
    /** Whether every segment of the rest has been asked (or the end of the listing is known). */
    private boolean allAsked;
    /** The lowest offset at which an empty page was seen: no data beyond it. */
    private long dataEnd = Long.MAX_VALUE;
    /** The first item of the last page let through, to catch a page that does not advance. */
    private @Nullable Object previousFirst;
    /** Whether the page at the head has been checked (and, for items, which of its items is next). */
    private boolean headChecked;

    private int index;
    private boolean terminated;

    /** The offset of the first item (or page) not yet emitted; written by the drain loop. */
    private volatile long next;

    private PagingRun(
            PagingStyle<T> style,
            String fingerprint,
            PageCursor from,
            int pageSize,
            int concurrency,
            ListingFailures failures,
            boolean wholePages,
            CoreSubscriber<? super R> actual) {
        this.style = style;
        this.fingerprint = fingerprint;
        this.origin = from.start();
        this.start = from.offset();
        this.end = from.end();
        this.pageSize = pageSize;
        this.concurrency = concurrency;
        this.failures = failures;
        this.wholePages = wholePages;
        this.actual = actual;
        this.next = start;
    }

    /**
     * Starts a run of a listing for a subscriber.
     *
     * @param wholePages emit pages ({@code R} is {@code Page<T>}) rather than items ({@code R} is {@code T})
     */
    static <T, R> void subscribe(
            CoreSubscriber<? super R> actual,
            PagingStyle<T> style,
            String fingerprint,
            PageCursor from,
            int pageSize,
            int concurrency,
            ListingFailures failures,
            boolean wholePages) {
        PagingRun<T, R> run =
                new PagingRun<>(style, fingerprint, from, pageSize, concurrency, failures, wholePages, actual);
        actual.onSubscribe(run);
        run.drain(); // an empty listing completes at once
    }

    @Override
    public void request(long n) {
        if (n <= 0) {
            // Reactive Streams rule 3.9: a non-positive request is an error, signalled to the subscriber
            fail(new IllegalArgumentException("§3.9: a request must be positive, was " + n));
            return;
        }
        requested.accumulateAndGet(n, Operators::addCap);
        drain();
    }

    @Override
    public void cancel() {
        cancelled = true;
        drain();
    }

    private void fail(Throwable t) {
        if (failure.compareAndSet(null, t)) {
            drain();
        } else {
            Operators.onErrorDropped(t, actual.currentContext());
        }
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            try {
                step();
            } catch (RuntimeException e) { // a page that breaks a rule, or a style or fetcher that throws
                if (!failure.compareAndSet(null, e)) {
                    Operators.onErrorDropped(e, actual.currentContext());
                }
                continue; // the failure ends the run on the next pass
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    /** One pass of the drain loop: reads the answers in, asks what is due, lets through what is wanted. */
    private void step() {
        if (terminated) {
            return;
        }
        if (cancelled) {
            terminated = true;
            stopAll();
            return;
        }
        Throwable f = failure.get();
        if (f != null) {
            terminated = true;
            stopAll();
            actual.onError(failures.endingAt(f, cursor(next)));
            return;
        }
        if (phase == Phase.IDLE) {
            if (start >= end) {
                complete();
                return;
            }
            if (requested.get() == 0) {
                return;
            }
            phase = Phase.FIRST;
            Segment first = new Segment(end);
            segments.add(first);
            first.ask(start, style.firstLimit(start, end, pageSize));
        }
        for (Segment s : segments) {
            s.readAnswer();
        }
        emit();
    }

    /** Lets pages through in order, as far as the demand and the answers allow; asks for the rest as due. */
    private void emit() {
        long r = requested.get();
        long e = 0;
        while (true) {
            if (cancelled || failure.get() != null) {
                break;
            }
            Segment head = segments.peekFirst();
            if (head == null) {
                if (restAsked(r - e > 0)) {
                    continue;
                }
                if (allAsked) {
                    complete();
                    return;
                }
                break;
            }
            Page<T> p = head.ready.peekFirst();
            if (p == null) {
                if (head.error != null) { // in order: the failure of a segment after the items before it
                    fail(head.error);
                    break;
                }
                if (!head.done()) {
                    break; // its answer is on its way
                }
                segments.pollFirst(); // read through: its place goes to the next segment
                askPlanned();
                continue;
            }
            if (!headChecked) {
                if (p.offset() > start && p.offset() >= dataEnd) {
                    complete(); // a page beyond an empty one: the listing shrank, nothing after the gap
                    return;
                }
                if (p.size() > 0) {
                    Object first = p.items().get(0);
                    if (previousFirst != null && previousFirst.equals(first)) {
                        throw failures.notAdvancing(p.offset(), "starts with the same item as the page before it");
                    }
                    previousFirst = first;
                }
                headChecked = true;
                index = 0;
                next = p.offset();
            }
            if (wholePages) {
                if (e == r) {
                    break;
                }
                next = p.offset() + p.size();
                e++;
                head.ready.pollFirst();
                headChecked = false;
                onNext(p);
                continue;
            }
            List<T> items = p.items();
            int n = items.size();
            while (index < n && e != r && !cancelled) {
                T item = items.get(index++);
                next++;
                e++;
                onNext(item);
            }
            if (index < n) {
                break;
            }
            head.ready.pollFirst();
            headChecked = false;
        }
        if (e != 0 && r != Long.MAX_VALUE) {
            requested.addAndGet(-e);
        }
    }

    @SuppressWarnings("unchecked")
    private void onNext(Object value) {
        actual.onNext((R) value);
    }

    /**
     * With every segment asked so far read through: asks for more of the listing if it is due, and says
     * whether it did. The rest of a listing is asked only when an item beyond what is read is wanted.
     */
    private boolean restAsked(boolean wanted) {
        if (allAsked || !wanted) {
            return false;
        }
        restStarted = true;
        if (phase == Phase.PLANNED) {
            askPlanned();
        } else if (phase == Phase.SEQUENTIAL) {
            Segment s = new Segment(end);
            segments.add(s);
            s.ask(planned, PagingStyle.limitFor(planned, end, style.sizeInForce(size)));
        }
        return !segments.isEmpty();
    }

    /** Total known: keeps {@code concurrency} segments of the rest asked or waiting to be let through. */
    private void askPlanned() {
        if (phase != Phase.PLANNED || !restStarted) {
            return;
        }
        while (segments.size() < concurrency && !allAsked) {
            if (planned >= stop || planned >= dataEnd) {
                allAsked = true;
                return;
            }
            int limit = (int) Math.min(style.sizeInForce(size), stop - planned);
            Segment s = new Segment(planned + limit);
            segments.add(s);
            long at = planned;
            planned += limit;
            s.ask(at, (int) Math.min(size, limit));
        }
    }

    /** What the first answer says about the rest: where it ends, at which size, asked how. */
    private void first(Segment s, PageResponse<T> r, int firstLimit) {
        int n = r.items().size();
        OptionalLong total = r.totalCount();
        long until = total.isPresent() ? Math.min(end, Math.max(start, total.getAsLong())) : end;
        long after = start + n;
        size = style.sizeAfter(r, pageSize, firstLimit, total.isPresent() && after < until);
        // a page whose size the server changed ends sooner: it is short only against its own end
        boolean last = n == 0 || after >= until || (total.isEmpty() && isShort(r, style.against(start, firstLimit)));
        s.ready.add(page(r, start, firstLimit, last ? -1 : after, until));
        stop = until;
        planned = after;
        if (last) {
            allAsked = true;
        } else {
            phase = total.isPresent() ? Phase.PLANNED : Phase.SEQUENTIAL;
        }
    }

    /** Total known: reads {@code [from, to)} of a segment completely, a short page followed by one for the rest. */
    private void planned(Segment s, PageResponse<T> r, long at, int limit) {
        int n = r.items().size();
        if (n == 0) {
            dataEnd = Math.min(dataEnd, at);
            return;
        }
        long after = at + n;
        s.ready.add(page(r, at, limit, after, stop));
        if (after < s.to) {
            s.ask(after, (int) Math.min(size, s.to - after));
        }
    }

    /** Total unknown: a page ends the listing when empty, short, at the end or at a total it states. */
    private void sequential(Segment s, PageResponse<T> r, long at, int limit) {
        int n = r.items().size();
        long after = at + n;
        boolean done = n == 0
                || after >= end
                || isShort(r, style.against(at, limit))
                || (r.totalCount().isPresent() && after >= r.totalCount().getAsLong());
        if (n > 0) {
            s.ready.add(page(r, at, limit, done ? -1 : after, end));
        }
        planned = after;
        allAsked = done;
    }

    private void complete() {
        terminated = true;
        stopAll();
        actual.onComplete();
    }

    /** Cancels the requests in flight and lets go of the pages read. */
    private void stopAll() {
        for (Segment s : segments) {
            s.stop();
        }
        segments.clear();
    }

    /** The cursor of an offset of this listing. */
    private PageCursor cursor(long offset) {
        return PageCursor.of(origin, Math.max(start, Math.min(offset, end)), end, fingerprint);
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
     * An answer as the engine takes it: trimmed to the limit asked (a server that sends more is not
     * trusted). An answer whose reported offset is not the offset asked fails the listing: the server (or
     * a proxy keyed on the path alone) ignores the offset, and its items would repeat others.
     */
    private PageResponse<T> checked(PageResponse<T> r, long offset, int limit) {
        if (r.offset().isPresent() && r.offset().getAsLong() != offset) {
            throw failures.notAdvancing(
                    offset, "was answered with the page at offset " + r.offset().getAsLong());
        }
        if (r.items().size() <= limit) {
            return r;
        }
        return PageResponse.<T>builder().from(r).build(r.items().subList(0, limit), r.headers());
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

    /**
     * A part of the listing read as one: the first page, a segment {@code [from, to)} of a listing with a
     * total, or one page of a listing without. One request of it is in flight at a time.
     */
    private final class Segment {
        final long to;
        /** Its pages read and not yet let through: written and read by the drain loop. */
        final ArrayDeque<Page<T>> ready = new ArrayDeque<>(2);

        /** What ended its reading, signalled once the items before it are out: written by the drain loop. */
        @Nullable
        Throwable error;

        private @Nullable Fetch fetch;

        Segment(long to) {
            this.to = to;
        }

        /** Sends the request for {@code limit} items at {@code at}. */
        void ask(long at, int limit) {
            Mono<PageResponse<T>> answer = style.fetch(at, limit); // throws: the drain loop fails the run
            Fetch f = new Fetch(at, limit);
            fetch = f;
            answer.subscribe(f);
        }

        /** Reads in the answer of its request, if it has come. */
        void readAnswer() {
            Fetch f = fetch;
            if (f == null) {
                return;
            }
            PageResponse<T> r = f.answer;
            Throwable failed = f.failed;
            if (r == null && failed == null) {
                return;
            }
            fetch = null;
            if (r == null) {
                error = failed;
                return;
            }
            try {
                PageResponse<T> c = checked(r, f.at, f.limit);
                if (phase == Phase.FIRST) {
                    first(this, c, f.limit);
                } else if (phase == Phase.PLANNED) {
                    planned(this, c, f.at, f.limit);
                } else {
                    sequential(this, c, f.at, f.limit);
                }
            } catch (RuntimeException e) { // a page that breaks a rule: the listing ends there, in order
                error = e;
            }
        }

        /** Whether it has nothing more to ask or to let through. */
        boolean done() {
            return fetch == null && ready.isEmpty() && error == null;
        }

        void stop() {
            Fetch f = fetch;
            if (f != null) {
                f.cancel();
            }
            ready.clear();
        }
    }

    /** The subscriber of one request's answer: hands it to the drain loop. */
    private final class Fetch implements CoreSubscriber<PageResponse<T>> {
        final long at;
        final int limit;
        volatile @Nullable PageResponse<T> answer;
        volatile @Nullable Throwable failed;
        private final AtomicReference<@Nullable Subscription> upstream = new AtomicReference<>();

        Fetch(long at, int limit) {
            this.at = at;
            this.limit = limit;
        }

        @Override
        public Context currentContext() {
            return actual.currentContext();
        }

        @Override
        public void onSubscribe(Subscription s) {
            if (upstream.compareAndSet(null, s)) {
                s.request(Long.MAX_VALUE);
            } else {
                s.cancel(); // cancelled before it began
            }
        }

        @Override
        public void onNext(PageResponse<T> r) {
            if (answer == null) {
                answer = r;
                drain();
            }
        }

        @Override
        public void onError(Throwable t) {
            if (answer == null && failed == null) {
                failed = t;
                drain();
            } else {
                Operators.onErrorDropped(t, actual.currentContext());
            }
        }

        @Override
        public void onComplete() {
            if (answer == null && failed == null) {
                failed = new IllegalStateException("no answer for the page at offset " + at);
                drain();
            }
        }

        void cancel() {
            Subscription s = upstream.getAndSet(Operators.cancelledSubscription());
            if (s != null) {
                s.cancel();
            }
        }
    }
}
