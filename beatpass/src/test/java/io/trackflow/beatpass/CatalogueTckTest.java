package io.trackflow.beatpass;

import io.trackflow.beatpass.model.Track;
import io.trackflow.beatpass.model.TrackQuery;
import io.trackflow.core.paging.OffsetRange;
import io.trackflow.testkit.FakeBeatPass;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import org.reactivestreams.tck.TestEnvironment;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;

/**
 * The Reactive Streams TCK on {@link Tracks#list(TrackQuery)} over real HTTP: a listing bounded by
 * {@code maxItems(n)} gives n tracks, in pages the fake clamps.
 */
public class CatalogueTckTest extends PublisherVerification<Track> {

    private static final int TRACKS = 600;

    private FakeBeatPass server;
    private BeatPassClient client;

    public CatalogueTckTest() {
        super(new TestEnvironment(3_000, 300));
    }

    @BeforeClass
    public void start() {
        server = FakeBeatPass.builder()
                .rateLimitPerMinute(1_000_000)
                .recordRequests(false)
                .maxPageSize(20)
                .start()
                .seed(TRACKS);
        client = BeatPassClient.builder()
                .token(server.token())
                .baseUrl(server.baseUrl())
                .build();
    }

    @AfterClass
    public void stop() {
        client.close();
        server.close();
    }

    @Override
    public Publisher<Track> createPublisher(long elements) {
        TrackQuery query = TrackQuery.builder().pageSize(25).concurrency(3).build();
        if (elements == 0) {
            return client.tracks().list(query, OffsetRange.of(0, 0));
        }
        return client.tracks()
                .list(TrackQuery.builder().from(query).maxItems(elements).build());
    }

    /**
     * More than any rule asks for: the one that asks for more than the catalogue (3.17, {@code
     * Integer.MAX_VALUE}) cancels after a few tracks.
     */
    @Override
    public long maxElementsFromPublisher() {
        return Integer.MAX_VALUE;
    }

    /**
     * None: a listing does nothing until its first request (nothing is sent before demand), so no
     * failure exists before demand; failures after demand are covered by {@code CatalogueTest}.
     */
    @Override
    public Publisher<Track> createFailedPublisher() {
        return null;
    }
}
