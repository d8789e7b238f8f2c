package io.trackflow.core.paging;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * A {@code Flux} that subscribes to its source only when the first item is requested, not when it
 * is subscribed to. {@code concat} subscribes to its next source as soon as the previous one
 * completes, whatever the demand; wrapping the rest of a listing in this keeps page fetches from
 * starting before anyone asked for their items.
 */
final class OnDemand<T> extends Flux<T> {

    private final Supplier<? extends Publisher<? extends T>> source;

    OnDemand(Supplier<? extends Publisher<? extends T>> source) {
        this.source = source;
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
        // serialized: a bad request(n) may signal onError from the requesting thread while the source
        // signals from its own (Reactive Streams rule 1.3)
        CoreSubscriber<T> serial = Operators.serialize(actual);
        serial.onSubscribe(new Inner<>(serial, source));
    }

    private static final class Inner<T> extends Operators.DeferredSubscription implements CoreSubscriber<T> {

        private final CoreSubscriber<? super T> actual;
        private final Supplier<? extends Publisher<? extends T>> source;
        private final AtomicBoolean started = new AtomicBoolean();

        Inner(CoreSubscriber<? super T> actual, Supplier<? extends Publisher<? extends T>> source) {
            this.actual = actual;
            this.source = source;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                // Reactive Streams rule 3.9: a non-positive request is an error, signalled to the subscriber
                cancel();
                actual.onError(new IllegalArgumentException("§3.9: a request must be positive, was " + n));
                return;
            }
            super.request(n);
            if (started.compareAndSet(false, true) && !isCancelled()) {
                Publisher<? extends T> p;
                try {
                    p = source.get();
                } catch (Throwable t) {
                    actual.onError(Operators.onOperatorError(t, actual.currentContext()));
                    return;
                }
                p.subscribe(this);
            }
        }

        @Override
        public Context currentContext() {
            return actual.currentContext();
        }

        @Override
        public void onSubscribe(Subscription s) {
            set(s);
        }

        @Override
        public void onNext(T t) {
            actual.onNext(t);
        }

        @Override
        public void onError(Throwable t) {
            actual.onError(t);
        }

        @Override
        public void onComplete() {
            actual.onComplete();
        }
    }
}
