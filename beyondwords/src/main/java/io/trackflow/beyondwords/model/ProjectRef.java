package io.trackflow.beyondwords.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.trackflow.core.json.RawFields;
import io.trackflow.core.json.RawJson;
import java.util.Map;
import org.immutables.value.Value;

/**
 * The project a background track belongs to. {@link #id()} is required: a project object without one
 * does not read, and {@link BackgroundTrack#project()} is then empty and the object kept raw in the
 * track's {@link BackgroundTrack#additionalProperties()}. {@link #name()} is optional and lenient.
 */
@Value.Immutable
@JsonDeserialize(using = Readers.ProjectRefReader.class)
@JsonPropertyOrder({"id", "name"})
public abstract class ProjectRef {

    ProjectRef() {}

    /** {@code id}: required, an integer (or a string of one). */
    @JsonProperty("id")
    public abstract long id();

    /** {@code name}: a string; {@code ""} when not sent or unreadable. */
    @JsonProperty("name")
    @Value.Default
    public String name() {
        return "";
    }

    /** The fields of the project object this model does not read, raw and in the order sent. Immutable. */
    @JsonIgnore // written by unmodelledToWrite()
    @Value.Default
    public RawFields additionalProperties() {
        return RawFields.empty();
    }

    /** What is written after the typed fields: the raw fields, less an unreadable {@code name}. */
    @JsonAnyGetter
    Map<String, RawJson> unmodelledToWrite() {
        return additionalProperties().without("name");
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ProjectRef} values. */
    public static final class Builder extends ImmutableProjectRef.Builder {
        Builder() {}
    }
}
