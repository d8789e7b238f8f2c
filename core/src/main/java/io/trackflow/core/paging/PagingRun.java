package io.trackflow.core.paging;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Exceptions;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * One subscription to a listing, run by one state machine that lives as long as the listing: it asks for
 * pages as the listing needs them and lets them through in order, checked, as their items are asked for.
 * See {@link OffsetPaginator} for the rules, and {@link ListingPlan} for what is asked when.
 *
 * <p>The first page is asked on the first request. Once its items are out and more are wanted, the rest
 * follows the first answer: with a total, fixed segments of the listing, up to {@code concurrency} of them
 * asked or waiting at a time, a segment counting until its last item has been let through (so a {@code
 * take(n)} sends at most {@code ceil(n / pageSize) + concurrency - 1} requests, and memory holds at most
 * {@code concurrency + 1} pages); without one, one page after another. A request is sent from wherever the
 * listing learns it is due: the subscriber's request, or the handling of the answer before.
 *
 * <p>Every signal to the subscriber comes from one drain loop at a time (Reactive Streams rule 1.3); answers
 * are read in by the drain loop too, so the listing's state has one writer. There is no operator per page:
 * a page costs one request to the fetcher and one subscriber of its answer ({@link PageRequest}).
 *
 * @param <T> the item type
 * @param <R> what is emitted: the items ({@code T}), or whole pages ({@code Page<T>})
 */
final class PagingRun<T, R> implements Subscription {

    private final CoreSubscriber<? super R> actual;
    private final ListingPlan<T> plan;
    private final boolean wholePages;

    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicLong requested = new AtomicLong();
    private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
    private volatile boolean cancelled;

    // the drain loop's state: one thread at a time (the one that holds wip)
    /** The segments asked and not yet let through, in listing order. */
    private final ArrayDeque<Segment<T>> segments = new ArrayDeque<>();
    /** Whether the page at the head has been checked; for items, which of them is next. */
    private boolean headChecked;

    private int index;
    private boolean terminated;

    /** The offset of the first item (or page) not yet emitted. */
    private long next;

    /**
     * A run of a listing for a subscriber; {@link #start()} it once the subscriber has it.
     *
     * @param wholePages emit pages ({@code R} is {@code Page<T>}) rather than items ({@code R} is {@code T})
     */
    PagingRun(CoreSubscriber<? super R> actual, ListingPlan<T> plan, boolean wholePages) {
        this.actual = actual;
        this.plan = plan;
        this.wholePages = wholePages;
        this.next = plan.start;
    }

    /** Starts the run: an empty listing completes at once, any other waits for the first request. */
    void start() {
        drain();
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

    /** The context the listing's requests run in: the subscriber's. */
    Context currentContext() {
        return actual.currentContext();
    }

    private void fail(Throwable t) {
        if (failure.compareAndSet(null, t)) {
            drain();
        } else {
            Operators.onErrorDropped(t, actual.currentContext());
        }
    }

    /** Runs the drain loop, or has the thread running it make one more pass. */
    void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            try {
                step();
            } catch (Throwable e) { // the loop guard's failure, or a subscriber that throws
                Exceptions.throwIfJvmFatal(e);
                if (terminated || !failure.compareAndSet(null, e)) {
                    Operators.onErrorDropped(e, actual.currentContext());
                }
                continue; // a failure ends the run on the next pass
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
            actual.onError(plan.ending(f, next));
            return;
        }
        if (plan.idle()) {
            if (plan.empty()) {
                complete();
                return;
            }
            if (requested.get() == 0) {
                return;
            }
            plan.askFirst(segments, this);
        }
        for (Segment<T> s : segments) {
            plan.readIn(s, this);
        }
        emit();
    }

    /** Lets pages through in order, as far as the demand and the answers allow; asks for the rest as due. */
    private void emit() {
        long r = requested.get();
        long e = 0;
        while (!cancelled && failure.get() == null) {
            Segment<T> head = segments.peekFirst();
            if (head == null) {
                plan.askRest(segments, r - e > 0, this);
                if (!segments.isEmpty()) {
                    continue;
                }
                if (plan.allAsked()) {
                    complete();
                    return;
                }
                break;
            }
            if (plan.beyondTheData(head)) {
                complete(); // the listing shrank: nothing after the gap, and no wait for it
                return;
            }
            ReadPage<T> p = head.ready.peekFirst();
            if (p == null) {
                if (head.error != null) { // in order: the failure of a segment after the items before it
                    fail(head.error);
                    break;
                }
                if (!head.done()) {
                    break; // its answer is on its way
                }
                segments.pollFirst(); // read through: its place goes to the next segment
                plan.askPlanned(segments, this);
                continue;
            }
            if (!headChecked) {
                if (!plan.letThrough(p)) {
                    complete();
                    return;
                }
                headChecked = true;
                index = 0;
                next = p.offset;
            }
            if (wholePages) {
                if (e == r) {
                    break;
                }
                Page<T> view = plan.view(p); // before the run moves past it
                next = p.after >= 0 ? p.after : p.offset + p.size();
                e++;
                head.ready.pollFirst();
                headChecked = false;
                onNext(view);
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
            if (p.after >= 0) {
                next = p.after; // a page filled short of its slot: what follows starts at the next page
            }
            head.ready.pollFirst();
            headChecked = false;
        }
        if (e != 0 && r != Long.MAX_VALUE) {
            long emitted = e;
            requested.getAndUpdate(d -> d == Long.MAX_VALUE ? d : d - emitted); // unbounded stays unbounded
        }
    }

    @SuppressWarnings("unchecked")
    private void onNext(Object value) {
        actual.onNext((R) value);
    }

    private void complete() {
        terminated = true;
        stopAll();
        actual.onComplete();
    }

    /** Cancels the requests in flight and lets go of the pages read. */
    private void stopAll() {
        for (Segment<T> s : segments) {
            s.stop();
        }
        segments.clear();
    }
}
