package io.trackflow.flink;

import io.trackflow.beatpass.model.Track;
import io.trackflow.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads a track body with trackflow's own codec (the pre-change mapper). */
final class TrackJson {
    static Track read(byte[] json) {
        try {
            return Json.readerFor(Track.class).readValue(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TrackJson() {}
}
