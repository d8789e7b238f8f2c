package io.trackflow.beatpass.model;

import io.trackflow.core.json.Json;
import io.trackflow.core.json.RawFields;
import org.immutables.value.Value;

/**
 * A tag on a track (token tier). {@link #id()} and {@link #name()} are required (a tag without them does
 * not read, and the list holding it is kept raw: see {@link Track}); other fields are kept raw.
 */
@Value.Immutable
public abstract class Tag {

    static {
        Json.register(new Readers.TagCodec());
    }

    Tag() {}

    /** {@code id}: required, an integer (or a string of one). */
    public abstract long id();

    /** {@code name}: required, a string. */
    public abstract String name();

    /** The fields of the tag this model does not read, raw and in the order sent. Immutable. */
    @Value.Default
    public RawFields additionalProperties() {
        return RawFields.empty();
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Tag} values. */
    public static final class Builder extends ImmutableTag.Builder {
        Builder() {}
    }
}
