package io.trackflow.core.paging;

import io.trackflow.core.error.internal.ErrorAccess;
import java.time.Duration;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import org.reactivestreams.tck.TestEnvironment;

/**
 * The Reactive Streams TCK on the paging engine's listing of items ({@link OffsetPaginator#items}), pages of
 * 7, two in flight, over a {@link ScriptedFetcher}: each subclass one way the listing is read.
 */
abstract class ListingTck extends PublisherVerification<Integer> {

    /** The longest listing: spec 3.17 asks for {@code Integer.MAX_VALUE} items and cancels early. */
    private static final int LONGEST = Integer.MAX_VALUE - 8;

    private final boolean total;
    private final Duration delay;

    /**
     * @param total whether the fetcher reports the listing's total (segments of the rest) or not (one page
     *     after another)
     * @param delay how long each answer takes; a positive delay answers on a timer thread, racing the
     *     subscriber
     */
    ListingTck(boolean total, Duration delay) {
        super(new TestEnvironment(2_000, 200));
        this.total = total;
        this.delay = delay;
    }

    @Override
    public Publisher<Integer> createPublisher(long elements) {
        ScriptedFetcher f = new ScriptedFetcher((int) Math.min(elements, LONGEST));
        f.reportTotal = total;
        f.recordRequests = false;
        f.delay = o -> delay;
        return OffsetPaginator.of(f, "q", ErrorAccess.get()).items(0, Long.MAX_VALUE, 7, 2);
    }

    @Override
    public long maxElementsFromPublisher() {
        return LONGEST;
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
