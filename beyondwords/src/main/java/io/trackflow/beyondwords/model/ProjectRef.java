package io.trackflow.beyondwords.model;

import io.trackflow.core.json.Json;
import io.trackflow.core.json.RawFields;
import org.immutables.value.Value;

/**
 * The project a background track belongs to. {@link #id()} is required: a project object without one
 * does not read, and {@link BackgroundTrack#project()} is then empty and the object kept raw in the
 * track's {@link BackgroundTrack#additionalProperties()}. {@link #name()} is optional and lenient.
 */
@Value.Immutable
public abstract class ProjectRef {

    static {
        Json.register(new Readers.ProjectRefCodec());
    }

    ProjectRef() {}

    /** {@code id}: required, an integer (or a string of one). */
    public abstract long id();

    /** {@code name}: a string; {@code ""} when not sent or unreadable. */
    @Value.Default
    public String name() {
        return "";
    }

    /** The fields of the project object this model does not read, raw and in the order sent. Immutable. */
    @Value.Default
    public RawFields additionalProperties() {
        return RawFields.empty();
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
