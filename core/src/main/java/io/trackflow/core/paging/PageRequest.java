package io.trackflow.core.paging;

import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * One request of a listing in flight: the subscriber of its answer, which it keeps for the run's drain loop
 * and tells the run about. It runs in the listing subscriber's context (observations, tracing).
 *
 * @param <T> the item type
 */
final class PageRequest<T> implements CoreSubscriber<PageResponse<T>> {

    final long at;
    final int limit;
    private final PagingRun<?, ?> run;
    private final AtomicReference<@Nullable Subscription> upstream = new AtomicReference<>();
    private volatile @Nullable PageResponse<T> answer;
    private volatile @Nullable Throwable failed;

    PageRequest(long at, int limit, PagingRun<?, ?> run) {
        this.at = at;
        this.limit = limit;
        this.run = run;
    }

    /** The answer, once it has come. */
    @Nullable
    PageResponse<T> answer() {
        return answer;
    }

    /** What the request failed with, if it did. */
    @Nullable
    Throwable failed() {
        return failed;
    }

    /** Whether it has ended, with an answer or a failure. */
    boolean ended() {
        return answer != null || failed != null;
    }

    @Override
    public Context currentContext() {
        return run.currentContext();
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
        if (!ended()) {
            answer = r;
            run.drain();
        }
    }

    @Override
    public void onError(Throwable t) {
        if (ended()) {
            Operators.onErrorDropped(t, currentContext());
            return;
        }
        failed = t;
        run.drain();
    }

    @Override
    public void onComplete() {
        if (!ended()) {
            failed = new IllegalStateException("no answer for the page at offset " + at);
            run.drain();
        }
    }

    /** Cancels the request, now or as soon as it begins. */
    void cancel() {
        Subscription s = upstream.getAndSet(Operators.cancelledSubscription());
        if (s != null) {
            s.cancel();
        }
    }
}
