package io.trackflow.beatpass;

import io.trackflow.beatpass.model.Track;
import io.trackflow.testkit.FakeBeatPass;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import org.reactivestreams.tck.TestEnvironment;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import reactor.core.publisher.Flux;

/** The Reactive Streams TCK on {@link Tracks#getAll} over real HTTP: n ids give n tracks. */
public class BulkLookupTckTest extends PublisherVerification<Track> {

    private static final int TRACKS = 500;

    private FakeBeatPass server;
    private BeatPassClient client;

    public BulkLookupTckTest() {
        super(new TestEnvironment(3_000, 300));
    }

    @BeforeClass
    public void start() {
        server = FakeBeatPass.builder()
                .rateLimitPerMinute(1_000_000)
                .recordRequests(false)
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
        return client.tracks().getAll(Flux.range(1, (int) elements).map(Long::valueOf));
    }

    /**
     * Ids beyond the catalogue would fail, but the only rule asking for more than 20 elements (spec
     * 3.17, {@code Integer.MAX_VALUE}) cancels after 11 tracks, within the concurrency's read-ahead.
     */
    @Override
    public long maxElementsFromPublisher() {
        return Integer.MAX_VALUE;
    }

    /**
     * None: a lookup failure surfaces in input order, after the tracks before it, so it waits for
     * demand like any track; no failure reaches a subscriber that has requested nothing. This skips
     * rule 1.4 (optional) and 1.9's "may reject a subscriber"; failures after demand are covered by
     * TracksTest.
     */
    @Override
    public Publisher<Track> createFailedPublisher() {
        return null;
    }
}
