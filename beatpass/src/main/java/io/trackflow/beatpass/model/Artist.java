package io.trackflow.beatpass.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.Optional;
import org.immutables.value.Value;

/** An artist. */
@Value.Immutable
@JsonDeserialize(builder = Artist.Builder.class)
@JsonPropertyOrder({"id", "name", "image_small", "verified"})
public abstract class Artist {

    Artist() {}

    /** The id. */
    @JsonProperty("id")
    public abstract long id();

    /** The name. */
    @JsonProperty("name")
    public abstract String name();

    /** A small image of the artist. */
    @JsonProperty("image_small")
    public abstract Optional<String> imageSmall();

    /** Whether BeatPass verified the artist. */
    @JsonProperty("verified")
    @Value.Default
    public boolean verified() {
        return false;
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Artist} values. */
    @JsonPOJOBuilder(withPrefix = "set") // only the @JsonProperty setters Immutables generates bind
    public static final class Builder extends ImmutableArtist.Builder {
        Builder() {}
    }
}
