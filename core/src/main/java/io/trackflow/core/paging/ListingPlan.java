package io.trackflow.core.paging;

import java.util.ArrayDeque;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;

/**
 * The rules of one subscription to a listing, apart from its signals: what to ask when, what an answer
 * makes of the listing (where it ends, at which size, which pages users see) and whether a page may be let
 * through. Owned by the run's drain loop (one thread at a time): no synchronization of its own.
 *
 * @param <T> the item type
 */
final class ListingPlan<T> {

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

    final long start;
    private final long end;
    private final int pageSize;
    private final int concurrency;
    private final ListingFailures failures;
    /** What the loop guard compares of two pages' first items. */
    private final Function<? super T, ?> identity;

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
    /** What identifies the first item of the last page let through, to catch a page that does not advance. */
    private @Nullable Object previousFirst;

    ListingPlan(
            PagingStyle<T> style,
            String fingerprint,
            PageCursor from,
            int pageSize,
            int concurrency,
            ListingFailures failures,
            Function<? super T, ?> identity) {
        this.style = style;
        this.fingerprint = fingerprint;
        this.origin = from.start();
        this.start = from.offset();
        this.end = from.end();
        this.pageSize = pageSize;
        this.concurrency = concurrency;
        this.failures = failures;
        this.identity = identity;
    }

    /** Whether the listing holds nothing to ask for: it completes at once. */
    boolean empty() {
        return start >= end;
    }

    /** Whether nothing is asked yet. */
    boolean idle() {
        return phase == Phase.IDLE;
    }

    /** Whether every part of the listing has been asked: once they are read through, it is complete. */
    boolean allAsked() {
        return allAsked;
    }

    /** Asks the first page. */
    void askFirst(ArrayDeque<Segment<T>> segments, PagingRun<?, ?> run) {
        phase = Phase.FIRST;
        ask(segments, end, start, style.firstLimit(start, end, pageSize), run);
    }

    /**
     * With every segment asked so far read through: asks for more of the listing if it is due. The rest of a
     * listing is asked only when an item beyond what is read is wanted.
     */
    void askRest(ArrayDeque<Segment<T>> segments, boolean wanted, PagingRun<?, ?> run) {
        if (allAsked || !wanted) {
            return;
        }
        restStarted = true;
        if (phase == Phase.PLANNED) {
            askPlanned(segments, run);
        } else if (phase == Phase.SEQUENTIAL) {
            ask(segments, end, planned, PagingStyle.limitFor(planned, end, style.sizeInForce(size)), run);
        }
    }

    /** Total known: keeps {@code concurrency} segments of the rest asked or waiting to be let through. */
    void askPlanned(ArrayDeque<Segment<T>> segments, PagingRun<?, ?> run) {
        if (phase != Phase.PLANNED || !restStarted) {
            return;
        }
        while (segments.size() < concurrency && !allAsked) {
            if (planned >= stop || planned >= dataEnd) {
                allAsked = true;
                return;
            }
            int limit = (int) Math.min(style.sizeInForce(size), stop - planned);
            long at = planned;
            planned += limit;
            Segment<T> s = ask(segments, at + limit, at, (int) Math.min(size, limit), run);
            if (s.error != null) {
                allAsked = true; // the listing ends there: nothing beyond a failed segment is asked
            }
        }
    }

    /**
     * Adds a segment and sends its first request; an answer that came at once is read at once, so that what
     * it says (an empty page: the data ends there) holds before anything more is asked.
     */
    private Segment<T> ask(ArrayDeque<Segment<T>> segments, long to, long at, int limit, PagingRun<?, ?> run) {
        Segment<T> s = new Segment<>(at, to);
        segments.add(s);
        s.ask(style, at, limit, run);
        readIn(s, run);
        return s;
    }

    /**
     * Reads a segment's request in once it has ended: its page, or the failure the segment ends with. Does
     * nothing while the answer is on its way.
     */
    void readIn(Segment<T> s, PagingRun<?, ?> run) {
        PageRequest<T> request = s.ended();
        if (request == null) {
            return;
        }
        PageResponse<T> r = request.answer();
        if (r == null) {
            s.error = request.failed();
            return;
        }
        try {
            PageResponse<T> c = checked(r, request.at, request.limit);
            if (phase == Phase.FIRST) {
                first(s, c, request.limit);
            } else if (phase == Phase.PLANNED) {
                planned(s, c, request.at, request.limit, run);
            } else {
                sequential(s, c, request.at, request.limit);
            }
        } catch (Throwable e) { // a page that breaks a rule: the listing ends there, in order
            Exceptions.throwIfJvmFatal(e);
            s.error = e;
        }
    }

    /**
     * Whether a segment lies beyond an empty page (the listing shrank): the listing ends before it, without
     * waiting for its answer.
     */
    boolean beyondTheData(Segment<T> s) {
        return s.from > start && s.from >= dataEnd;
    }

    /**
     * Whether a page may be let through: not when it lies beyond an empty one (the listing shrank: it ends
     * there, nothing after the gap).
     *
     * @throws RuntimeException the loop guard's failure, when the page starts with the same item as the page
     *     before it
     */
    boolean letThrough(ReadPage<T> p) {
        if (p.offset > start && p.offset >= dataEnd) {
            return false;
        }
        if (p.size() > 0) {
            Object first = identity.apply(p.items().get(0));
            if (previousFirst != null && previousFirst.equals(first)) {
                throw failures.notAdvancing(p.offset, "starts with the same item as the page before it");
            }
            previousFirst = first;
        }
        return true;
    }

    /** A failure as it ends the listing, with the cursor of the first item not emitted. */
    Throwable ending(Throwable failure, long next) {
        return failures.endingAt(failure, cursor(next));
    }

    /** What the first answer says about the rest: where it ends, at which size, asked how. */
    private void first(Segment<T> s, PageResponse<T> r, int firstLimit) {
        OptionalLong total = r.totalCount();
        long until = total.isPresent() ? Math.min(end, Math.max(start, total.getAsLong())) : end;
        long after = style.next(start, firstLimit, r);
        size = style.sizeAfter(r, pageSize, firstLimit, total.isPresent() && after < until);
        // a page whose size the server changed ends sooner: it is short only against its own end; an answer
        // that does not move the listing on is where its data ends
        boolean last =
                after == start || after >= until || (total.isEmpty() && isShort(r, style.against(start, firstLimit)));
        s.ready.add(new ReadPage<>(r, start, firstLimit, last ? -1 : after, until));
        stop = until;
        planned = after;
        if (last) {
            allAsked = true;
        } else {
            phase = total.isPresent() ? Phase.PLANNED : Phase.SEQUENTIAL;
        }
    }

    /** Total known: reads a segment completely, a short page followed by a request for the rest. */
    private void planned(Segment<T> s, PageResponse<T> r, long at, int limit, PagingRun<?, ?> run) {
        long after = style.next(at, limit, r);
        if (after == at) {
            dataEnd = Math.min(dataEnd, at); // no further: the data ends here
            return;
        }
        if (!r.items().isEmpty()) {
            s.ready.add(new ReadPage<>(r, at, limit, after, stop));
        }
        if (after < s.to) {
            s.ask(style, after, (int) Math.min(size, s.to - after), run);
        }
    }

    /** Total unknown: a page ends the listing when empty, short, at the end or at a total it states. */
    private void sequential(Segment<T> s, PageResponse<T> r, long at, int limit) {
        int n = r.items().size();
        long after = style.next(at, limit, r);
        boolean done = after == at
                || after >= end
                || isShort(r, style.against(at, limit))
                || (r.totalCount().isPresent() && after >= r.totalCount().getAsLong());
        if (n > 0) {
            s.ready.add(new ReadPage<>(r, at, limit, done ? -1 : after, end));
        }
        planned = after;
        allAsked = done;
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

    /**
     * The page users see of a page read, with the cursor of what follows it (none when the listing ends with
     * it, or past where the listing stops). Made only for a listing of pages: items are let through without.
     */
    Page<T> view(ReadPage<T> p) {
        PageResponse<T> r = p.answer;
        Optional<PageCursor> c = p.after < 0 || p.after >= p.stop ? Optional.empty() : Optional.of(cursor(p.after));
        return Page.<T>builder()
                .offset(p.offset)
                .limit(r.limit().orElse(p.asked))
                .totalCount(r.totalCount())
                .nextCursor(c)
                .build(r.items(), r.headers());
    }
}
