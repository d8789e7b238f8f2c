package io.trackflow.beyondwords;

import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.core.paging.OffsetRange;
import io.trackflow.testkit.FakeBeyondWords;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import org.reactivestreams.tck.TestEnvironment;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;

/**
 * The Reactive Streams TCK on {@link BackgroundTracks#list(BackgroundTrackQuery)} over real HTTP
 * (the testkit fake, clamping pages at 50): {@code maxItems} makes a listing of exactly the
 * number of elements the TCK asks for.
 */
public class ListingTckTest extends PublisherVerification<BackgroundTrack> {

    private static final long TRACKS = 200_000_000_000L;

    private FakeBeyondWords server;
    private BeyondWordsClient client;

    public ListingTckTest() {
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
    public Publisher<BackgroundTrack> createPublisher(long elements) {
        BackgroundTrackQuery query =
                BackgroundTrackQuery.builder().pageSize(50).concurrency(2).build();
        if (elements == 0) {
            return client.backgroundTracks().list(query, OffsetRange.of(0, 0));
        }
        return client.backgroundTracks()
                .list(BackgroundTrackQuery.builder()
                        .from(query)
                        .maxItems(elements)
                        .build());
    }

    /** More than any rule asks for (spec 3.17 asks for {@code Integer.MAX_VALUE} and cancels early). */
    @Override
    public long maxElementsFromPublisher() {
        return Integer.MAX_VALUE;
    }

    /**
     * None: a listing does nothing until its first request (nothing is sent before demand, DESIGN §3),
     * so no failure exists before demand; this skips rule 1.4 (optional) and 1.9's "may reject a
     * subscriber". Failures after demand (401, 5xx, resets) are covered by BackgroundTracksTest.
     */
    @Override
    public Publisher<BackgroundTrack> createFailedPublisher() {
        return null;
    }
}
