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

    /**
     * Contender (b'): what most users write: a plain class with public fields, timestamps kept as the
     * {@code String}s the provider sends, nested objects left to Jackson's defaults ({@code Object}, a
     * {@code Map}), read by a plain {@code new ObjectMapper()} (see {@link Baselines#PLAIN_TRACKS}).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class PlainTrack {
        public long id;
        public String name;
        public int volume;
        public Object project;
        public Object media;
        public String created;
        public String updated;
    }

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
