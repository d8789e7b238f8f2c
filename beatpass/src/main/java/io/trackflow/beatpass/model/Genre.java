package io.trackflow.beatpass.model;

import io.trackflow.core.json.Json;
import org.immutables.value.Value;

/**
 * A genre, e.g. {@code rock}. {@link #id()} and {@link #name()} are required (a genre without them does
 * not read, and the list holding it is kept raw: see {@link Track}); other fields are kept raw.
 */
@Value.Immutable
public abstract class Genre implements Named {

    static {
        Json.register(new Readers.GenreCodec());
    }

    Genre() {}

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Genre} values. */
    public static final class Builder extends ImmutableGenre.Builder {
        Builder() {}
    }
}
