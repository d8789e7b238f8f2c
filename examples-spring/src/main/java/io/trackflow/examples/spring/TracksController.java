package io.trackflow.examples.spring;

import io.trackflow.beatpass.BeatPassClient;
import io.trackflow.beatpass.model.Track;
import io.trackflow.beatpass.model.TrackInclude;
import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.beyondwords.model.BackgroundTrack;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The service's endpoints, on the clients the trackflow starter configures. */
// README: Spring Boot
@RestController
class TracksController {
    private final BeyondWordsClient beyondWords;
    private final BeatPassClient beatPass;

    TracksController(BeyondWordsClient beyondWords, BeatPassClient beatPass) {
        this.beyondWords = beyondWords;
        this.beatPass = beatPass;
    }

    /** Every background track, one JSON object a line, paged as the HTTP client reads. */
    @GetMapping(value = "/background-tracks", produces = MediaType.APPLICATION_NDJSON_VALUE)
    Flux<BackgroundTrack> backgroundTracks() {
        return beyondWords.backgroundTracks().list();
    }

    /** One BeatPass track with its album and artists. */
    @GetMapping("/tracks/{id}")
    Mono<Track> track(@PathVariable long id) {
        return beatPass.tracks().get(id, TrackInclude.ALBUM, TrackInclude.ARTISTS);
    }
}
// README end
