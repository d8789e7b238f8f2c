package io.trackflow.core.http;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.compression.DecompressionException;
import io.trackflow.core.http.BodyAggregate.HandlerFailure;
import io.trackflow.core.http.BodyAggregate.TooLarge;
import io.trackflow.core.http.internal.TransportFailure;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Operators;
import reactor.netty.Connection;

/**
 * The subscriber of one response body's chunks, and the subscription of the exchange that waits for
 * its result: gathers the chunks into a {@link BodyAggregate} (on the event loop, as they arrive),
 * hands the whole body to the response handler when the last has come, and closes the aggregate
 * however the body ends (its end, a failure, a cancel from any thread). A body over the limit, and a
 * non-success body that fails to arrive, close the connection, never to be reused.
 *
 * @param <T> the handler's result
 */
final class BodyReceiver<T> extends OneAnswer<ByteBuf, T> {

    private final BodyAggregate aggregate;
    private final Connection conn;
    private final ResponseHandler<T> handler;
    private final HttpResponse head;
    private final int max;
    private boolean done;

    BodyReceiver(
            CoreSubscriber<? super T> actual,
            BodyAggregate aggregate,
            Connection conn,
            ResponseHandler<T> handler,
            HttpResponse head,
            int max) {
        super(actual);
        this.aggregate = aggregate;
        this.conn = conn;
        this.handler = handler;
        this.head = head;
        this.max = max;
    }

    @Override
    public void onNext(ByteBuf chunk) {
        if (done) {
            return; // Reactor Netty releases the chunk: the aggregate keeps only what it retained
        }
        try {
            aggregate.add(chunk);
        } catch (TooLarge e) {
            done = true;
            fail(Operators.onOperatorError(upstream(), e, chunk, currentContext())); // cancels the body
        }
    }

    @Override
    public void onError(Throwable e) {
        if (done) {
            Operators.onErrorDropped(e, currentContext());
            return;
        }
        done = true;
        if (e instanceof DecompressionException && !head.isSuccess()) {
            // an error whose body does not decode is still its status: handed over with what was gathered
            // (the error model reads what it can and keeps the status), its connection not reused
            conn.dispose();
            handOver();
            return;
        }
        fail(e);
    }

    @Override
    public void onComplete() {
        if (done) {
            return;
        }
        done = true;
        handOver();
    }

    /** Hands the body gathered to the handler: a success in place, any other status copied. */
    private void handOver() {
        T value;
        try {
            value = head.isSuccess() ? aggregate.success(handler, head) : aggregate.failure(handler, head);
        } catch (Throwable e) {
            fail(Operators.onOperatorError(e, currentContext()));
            return;
        }
        aggregate.close();
        if (value != null) {
            complete(value);
        } else if (!isCancelled()) {
            actual.onComplete(); // cancelled while the body was handed over: nothing to give
        }
    }

    private void fail(Throwable e) {
        aggregate.close();
        boolean undecodable = e instanceof DecompressionException; // a success's: an error's is handed over
        if (e instanceof TooLarge || undecodable || (!head.isSuccess() && !(e instanceof HandlerFailure))) {
            conn.dispose();
        }
        actual.onError(
                e instanceof TooLarge
                        ? TransportFailure.tooLarge(head.status(), max)
                        : undecodable ? TransportFailure.undecodable(head.status(), e) : e);
    }

    @Override
    public void cancel() {
        super.cancel();
        aggregate.close();
    }
}
