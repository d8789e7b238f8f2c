package io.trackflow.beyondwords.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import org.immutables.value.Value;

/** The project a background track belongs to. */
@Value.Immutable
@JsonDeserialize(builder = ProjectRef.Builder.class)
@JsonPropertyOrder({"id", "name"})
public abstract class ProjectRef {

    ProjectRef() {}

    /** The project id. */
    @JsonProperty("id")
    public abstract long id();

    /** The project name (empty when the server did not send one). */
    @JsonProperty("name")
    @Value.Default
    public String name() {
        return "";
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ProjectRef} values. */
    @JsonPOJOBuilder(withPrefix = "set") // only the @JsonProperty setters Immutables generates bind
    public static final class Builder extends ImmutableProjectRef.Builder {
        Builder() {}
    }
}
