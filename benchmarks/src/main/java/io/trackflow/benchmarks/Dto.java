package io.trackflow.benchmarks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The hand-written baselines' model: plain Java records with the same fields, read by the same
 * lenient timestamp reader, so every contender does the same decoding work.
 */
final class Dto {

    private Dto() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Project(long id, String name) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Media(String url, Duration duration) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Track(long id, String name, int volume, Project project, Media media, Instant created, Instant updated) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Artist(
            long id,
            String name,
            @JsonProperty("image_small") String imageSmall,
            boolean verified) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record BeatTrack(
            long id,
            String name,
            @JsonProperty("release_date") java.time.LocalDate releaseDate,
            String image,
            Duration duration,
            String description,
            List<Artist> artists) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Envelope(String status, BeatTrack track) {}
}
