package io.trackflow.core.http;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Operators;

/**
 * A subscriber of one source that yields its caller one answer, and the subscription that caller
 * holds: what the exchange's and the body's subscribers share. It takes one subscription (a second is
 * cancelled, as {@code Operators.validate} does), asks for everything once the caller holds it, and
 * cancels the source when the caller cancels ({@link #cancelSource}, which a subclass may route
 * elsewhere). The subscription is kept before the caller sees it, so a cancel from within the
 * caller's {@code onSubscribe} reaches the source.
 *
 * @param <I> what the source signals
 * @param <O> the answer
 */
abstract class OneAnswer<I, O> extends Operators.MonoSubscriber<I, O> {

    private volatile @Nullable Subscription upstream;

    OneAnswer(CoreSubscriber<? super O> actual) {
        super(actual);
    }

    @Override
    public final void onSubscribe(Subscription s) {
        if (upstream != null) {
            s.cancel();
            return;
        }
        upstream = s;
        actual.onSubscribe(this);
        if (!isCancelled()) {
            s.request(Long.MAX_VALUE);
        }
    }

    /** The source's subscription, once it has one. */
    final @Nullable Subscription upstream() {
        return upstream;
    }

    @Override
    public void cancel() {
        super.cancel();
        Subscription s = upstream;
        if (s != null) {
            cancelSource(s);
        }
    }

    /** Cancels the source (at once, by default). */
    void cancelSource(Subscription s) {
        s.cancel();
    }
}
