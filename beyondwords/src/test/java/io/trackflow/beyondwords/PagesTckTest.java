package io.trackflow.beyondwords;

import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.core.paging.Page;
import io.trackflow.core.paging.PageCursor;
import io.trackflow.testkit.FakeBeyondWords;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import org.reactivestreams.tck.TestEnvironment;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;

/**
 * The Reactive Streams TCK on {@link BackgroundTracks#pages(BackgroundTrackQuery)} over real HTTP:
 * with pages of 50, {@code maxItems(50 n)} makes exactly {@code n} pages.
 */
public class PagesTckTest extends PublisherVerification<Page<BackgroundTrack>> {

    private static final int PAGE = 50;
    private static final long TRACKS = 200_000_000_000L;

    private FakeBeyondWords server;
    private BeyondWordsClient client;

    public PagesTckTest() {
        super(new TestEnvironment(3_000, 300));
    }

    @BeforeClass
    public void start() {
        // a synthetic listing (pages made on the fly) long enough for every rule, spec 3.17's included
        server = FakeBeyondWords.builder()
                .syntheticTracks(TRACKS)
                .recordRequests(false)
                .start();
        client = BeyondWordsClient.builder()
                .apiKey(server.apiKey())
                .baseUrl(server.baseUrl())
                .build();
    }

    @AfterClass
    public void stop() {
        client.close();
        server.close();
    }

    @Override
    public Publisher<Page<BackgroundTrack>> createPublisher(long elements) {
        BackgroundTrackQuery query =
                BackgroundTrackQuery.builder().pageSize(PAGE).concurrency(2).build();
        if (elements == 0) {
            // a listing with nothing left to read: no page at all
            return client.backgroundTracks().pages(query, PageCursor.of(0, 0, 0, query.fingerprint()));
        }
        return client.backgroundTracks()
                .pages(BackgroundTrackQuery.builder()
                        .from(query)
                        .maxItems(elements * PAGE)
                        .build());
    }

    /** More than any rule asks for (spec 3.17 asks for {@code Integer.MAX_VALUE} and cancels early). */
    @Override
    public long maxElementsFromPublisher() {
        return Integer.MAX_VALUE;
    }

    /** None, as for {@link ListingTckTest#createFailedPublisher()}: nothing happens before demand. */
    @Override
    public Publisher<Page<BackgroundTrack>> createFailedPublisher() {
        return null;
    }
}
