package io.trackflow.beatpass.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A BeatPass track. Relations ({@link #artists()}, {@link #album()}, {@link #genres()}, {@link
 * #tags()}) are sent only when asked with {@link TrackInclude}; when not asked they are empty. {@code
 * release_date} is read as {@code yyyy-MM-dd}; {@code duration} as milliseconds.
 */
@Value.Immutable
@JsonDeserialize(builder = Track.Builder.class)
@JsonPropertyOrder({
    "id",
    "name",
    "release_date",
    "image",
    "duration",
    "description",
    "artists",
    "album",
    "genres",
    "tags"
})
public abstract class Track {

    Track() {}

    /** The id. */
    @JsonProperty("id")
    public abstract long id();

    /** The name. */
    @JsonProperty("name")
    public abstract String name();

    /** The release date. */
    @JsonProperty("release_date")
    public abstract Optional<LocalDate> releaseDate();

    /** The image URL. */
    @JsonProperty("image")
    public abstract Optional<String> image();

    /** The length (sent in milliseconds). */
    @JsonProperty("duration")
    public abstract Optional<Duration> duration();

    /** The description. */
    @JsonProperty("description")
    public abstract Optional<String> description();

    /** The artists (with {@link TrackInclude#ARTISTS}). */
    @JsonProperty("artists")
    public abstract List<Artist> artists();

    /** The album (with {@link TrackInclude#ALBUM}). */
    @JsonProperty("album")
    public abstract Optional<Album> album();

    /** The genres (with {@link TrackInclude#GENRES}). */
    @JsonProperty("genres")
    public abstract List<Genre> genres();

    /** The tags (with {@link TrackInclude#TAGS}). */
    @JsonProperty("tags")
    public abstract List<Tag> tags();

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Track} values. */
    @JsonPOJOBuilder(withPrefix = "set") // only the @JsonProperty setters Immutables generates bind
    public static final class Builder extends ImmutableTrack.Builder {
        Builder() {}
    }
}
