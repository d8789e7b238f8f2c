package io.trackflow.beatpass.model;

import io.trackflow.core.json.Json;
import org.immutables.value.Value;

/**
 * A tag on a track (token tier). {@link #id()} and {@link #name()} are required (a tag without them does
 * not read, and the list holding it is kept raw: see {@link Track}); other fields are kept raw.
 */
@Value.Immutable
public abstract class Tag implements Named {

    static {
        Json.register(new Readers.TagCodec());
    }

    Tag() {}

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Tag} values. */
    public static final class Builder extends ImmutableTag.Builder {
        Builder() {}
    }
}
