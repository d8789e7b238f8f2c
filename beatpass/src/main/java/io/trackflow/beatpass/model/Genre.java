package io.trackflow.beatpass.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import org.immutables.value.Value;

/** A genre, e.g. {@code rock}. */
@Value.Immutable
@JsonDeserialize(builder = Genre.Builder.class)
@JsonPropertyOrder({"id", "name"})
public abstract class Genre {

    Genre() {}

    /** The id. */
    @JsonProperty("id")
    public abstract long id();

    /** The name. */
    @JsonProperty("name")
    public abstract String name();

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Genre} values. */
    @JsonPOJOBuilder(withPrefix = "set") // only the @JsonProperty setters Immutables generates bind
    public static final class Builder extends ImmutableGenre.Builder {
        Builder() {}
    }
}
