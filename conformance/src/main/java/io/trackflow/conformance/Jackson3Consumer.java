package io.trackflow.conformance;

import io.trackflow.beatpass.BeatPassClient;
import io.trackflow.beatpass.model.Track;
import io.trackflow.beatpass.model.TrackInclude;
import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.BackgroundTrackRequest;
import io.trackflow.core.json.jackson3.TrackflowJackson3Module;
import io.trackflow.testkit.FakeBeatPass;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/**
 * An application on Jackson 3 alone, on the module path: its own mapper, with trackflow's module added by
 * hand (on the module path Jackson's discovery sees only {@code provides}, which core cannot declare for an
 * optional Jackson), writes and reads trackflow's models.
 */
public final class Jackson3Consumer {

    private Jackson3Consumer() {}

    /**
     * Looks a track up, writes it with the application's mapper and reads it back; reads a create request
     * from JSON as a service would read a request body.
     *
     * @return what the mapper wrote, then whether it read back equal, then the request it read
     */
    public static String run() {
        JsonMapper mapper =
                JsonMapper.builder().addModule(new TrackflowJackson3Module()).build();
        try (FakeBeatPass bp = FakeBeatPass.start().seed(10);
                BeatPassClient beatPass = BeatPassClient.builder()
                        .token(bp.token())
                        .baseUrl(bp.baseUrl())
                        .build()) {
            Track track = beatPass.tracks().get(3, TrackInclude.values()).block(Duration.ofSeconds(30));
            String written = mapper.writeValueAsString(track);
            boolean same = mapper.readValue(written, Track.class).equals(track);
            BackgroundTrackRequest request = mapper.readValue(
                    "{\"name\":\"Rain\",\"volume\":40,\"project\":{\"id\":2},\"media\":{\"url\":\"https://cdn.example.com/a.mp3\"}}",
                    BackgroundTrackRequest.class);
            BackgroundTrack bg = mapper.readValue(
                    "{\"id\":1,\"name\":\"n\",\"created\":\"2023-01-01 00:00:00 UTC\",\"custom\":true}",
                    BackgroundTrack.class);
            return written + "\n" + same + "\n" + request + "\n" + mapper.writeValueAsString(bg);
        }
    }
}
