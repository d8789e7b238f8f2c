package io.trackflow.beatpass.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** An album, with its tracks and artists as BeatPass sends them. */
@Value.Immutable
@JsonDeserialize(builder = Album.Builder.class)
@JsonPropertyOrder({"id", "name", "image", "release_date", "description", "tracks", "artists"})
public abstract class Album {

    Album() {}

    /** The id. */
    @JsonProperty("id")
    public abstract long id();

    /** The name. */
    @JsonProperty("name")
    public abstract String name();

    /** The cover image. */
    @JsonProperty("image")
    public abstract Optional<String> image();

    /** The release date. */
    @JsonProperty("release_date")
    public abstract Optional<LocalDate> releaseDate();

    /** The description. */
    @JsonProperty("description")
    public abstract Optional<String> description();

    /** The album's tracks (empty when not sent). */
    @JsonProperty("tracks")
    public abstract List<Track> tracks();

    /** The album's artists (empty when not sent). */
    @JsonProperty("artists")
    public abstract List<Artist> artists();

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Album} values. */
    @JsonPOJOBuilder(withPrefix = "set") // only the @JsonProperty setters Immutables generates bind
    public static final class Builder extends ImmutableAlbum.Builder {
        Builder() {}
    }
}
