package io.trackflow.flink;

import io.trackflow.beatpass.model.Track;
import io.trackflow.core.json.Json;

/** Reads a track body with trackflow's own codec. */
final class TrackJson {
    static Track read(byte[] json) {
        return Json.read(new String(json, java.nio.charset.StandardCharsets.UTF_8), Track.class);
    }

    private TrackJson() {}
}
