package io.trackflow.conformance;

import io.trackflow.beatpass.BeatPassClient;
import io.trackflow.beatpass.model.Track;
import io.trackflow.beatpass.model.TrackInclude;
import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.testkit.FakeBeatPass;
import io.trackflow.testkit.FakeBeyondWords;
import java.time.Duration;
import java.util.List;

/** Uses both clients as an application on the module path would, against the testkit's fakes. */
public final class ModulePathConsumer {

    private ModulePathConsumer() {}

    /**
     * Lists 120 background tracks (three pages of the fake's 50) and looks one BeatPass track up with
     * its album.
     *
     * @return what came back
     */
    public static String run() {
        try (FakeBeyondWords bw = FakeBeyondWords.start().seed(120);
                FakeBeatPass bp = FakeBeatPass.start().seed(10);
                BeyondWordsClient beyondWords = BeyondWordsClient.builder()
                        .apiKey(bw.apiKey())
                        .baseUrl(bw.baseUrl())
                        .build();
                BeatPassClient beatPass = BeatPassClient.builder()
                        .token(bp.token())
                        .baseUrl(bp.baseUrl())
                        .build()) {
            List<BackgroundTrack> tracks = beyondWords
                    .backgroundTracks()
                    .list(BackgroundTrackQuery.all())
                    .collectList()
                    .block(Duration.ofSeconds(30));
            Track track = beatPass.tracks().get(3, TrackInclude.ALBUM).block(Duration.ofSeconds(30));
            return tracks.size() + " background tracks; track " + track.id() + " on album "
                    + track.album().map(a -> a.name()).orElse("?");
        }
    }
}
