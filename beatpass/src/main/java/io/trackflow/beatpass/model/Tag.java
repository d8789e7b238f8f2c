package io.trackflow.beatpass.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import org.immutables.value.Value;

/** A tag on a track. */
@Value.Immutable
@JsonDeserialize(builder = Tag.Builder.class)
@JsonPropertyOrder({"id", "name"})
public abstract class Tag {

    Tag() {}

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

    /** Builds {@link Tag} values. */
    @JsonPOJOBuilder(withPrefix = "set") // only the @JsonProperty setters Immutables generates bind
    public static final class Builder extends ImmutableTag.Builder {
        Builder() {}
    }
}
