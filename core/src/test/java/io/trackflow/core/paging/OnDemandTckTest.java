package io.trackflow.core.paging;

import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import org.reactivestreams.tck.TestEnvironment;
import reactor.core.publisher.Flux;

/** The Reactive Streams TCK on {@link OnDemand}, the paginator's deferred-subscription publisher. */
public class OnDemandTckTest extends PublisherVerification<Long> {

    public OnDemandTckTest() {
        super(new TestEnvironment(2_000, 200));
    }

    @Override
    public Publisher<Long> createPublisher(long elements) {
        return new OnDemand<>(() -> Flux.generate(() -> 0L, (i, sink) -> {
            if (i >= elements) {
                sink.complete();
            } else {
                sink.next(i);
            }
            return i + 1;
        }));
    }

    /**
     * None: {@code OnDemand} does nothing until the first request, by design (it keeps page fetches
     * from starting before anyone asked for items), so it cannot be in a failed state before demand.
     * This skips the two rules about publishers that fail or reject a subscriber before any request
     * (1.4 optional, 1.9 "may reject"); a source failing after demand is covered by every other rule and
     * by OffsetPaginatorTest.
     */
    @Override
    public Publisher<Long> createFailedPublisher() {
        return null;
    }
}
