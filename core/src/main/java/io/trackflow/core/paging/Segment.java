package io.trackflow.core.paging;

import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

/**
 * A part of a listing read as one: the first page, a segment {@code [from, to)} of a listing with a total
 * (a short answer is followed by a request for the rest of it), or one page of a listing without. One request
 * of it is in flight at a time. Its state belongs to the run's drain loop; only the request's answer
 * arrives from elsewhere.
 *
 * @param <T> the item type
 */
final class Segment<T> {

    /** Where it begins. */
    final long from;
    /** Where it ends, exclusive. */
    final long to;
    /** Its pages read and not yet let through. */
    final ArrayDeque<ReadPage<T>> ready = new ArrayDeque<>(2);
    /** What ended its reading: signalled once the items before it are out. */
    @Nullable
    Throwable error;

    private @Nullable PageRequest<T> request;

    Segment(long from, long to) {
        this.from = from;
        this.to = to;
    }

    /**
     * Sends a request of it: asks the style for the answer and subscribes to it. A style or fetcher that
     * throws fails the segment, in its turn, as a failed answer would.
     */
    void ask(PagingStyle<T> style, long at, int limit, PagingRun<?, ?> run) {
        PageRequest<T> r = new PageRequest<>(at, limit, run);
        try {
            Mono<PageResponse<T>> answer = style.fetch(at, limit);
            request = r;
            answer.subscribe(r);
        } catch (Throwable e) {
            Exceptions.throwIfJvmFatal(e);
            r.cancel();
            request = null;
            error = e;
        }
    }

    /** Its request, once ended (answered or failed), taken off it; else null. */
    @Nullable
    PageRequest<T> ended() {
        PageRequest<T> r = request;
        if (r == null || !r.ended()) {
            return null;
        }
        request = null;
        return r;
    }

    /** Whether it has nothing more to ask or to let through. */
    boolean done() {
        return request == null && ready.isEmpty() && error == null;
    }

    /** Cancels its request in flight and lets go of its pages. */
    void stop() {
        PageRequest<T> r = request;
        if (r != null) {
            r.cancel();
        }
        ready.clear();
    }
}
