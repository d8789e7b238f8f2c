package io.trackflow.core.paging;

import io.trackflow.core.error.internal.ErrorAccess;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import org.reactivestreams.tck.TestEnvironment;

/**
 * The Reactive Streams TCK on the paging engine's listing of items ({@link OffsetPaginator#items}), without a total (one page after another), pages of 7.
 */
public class SequentialListingTckTest extends PublisherVerification<Integer> {

    public SequentialListingTckTest() {
        super(new TestEnvironment(2_000, 200));
    }

    @Override
    public Publisher<Integer> createPublisher(long elements) {
        ScriptedFetcher f = new ScriptedFetcher((int) Math.min(elements, Integer.MAX_VALUE - 8));
        f.reportTotal = false;
        f.recordRequests = false;
        return OffsetPaginator.of(f, "q", ErrorAccess.get()).items(0, Long.MAX_VALUE, 7, 2);
    }

    /** Spec 3.17 asks for {@code Integer.MAX_VALUE} items and cancels early: a listing that long is made on demand. */
    @Override
    public long maxElementsFromPublisher() {
        return Integer.MAX_VALUE - 8;
    }

    /**
     * None: a listing does nothing until its first request (nothing is sent before demand), so it cannot
     * be in a failed state before demand; this skips rule 1.4 (optional) and 1.9's "may reject". Failures
     * after demand are covered by OffsetPaginatorTest.
     */
    @Override
    public Publisher<Integer> createFailedPublisher() {
        return null;
    }
}
