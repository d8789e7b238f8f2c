package io.trackflow.beatpass.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.trackflow.core.json.RawFields;
import org.immutables.value.Value;

/**
 * A genre, e.g. {@code rock}. {@link #id()} and {@link #name()} are required (a genre without them does
 * not read, and the list holding it is kept raw: see {@link Track}); other fields are kept raw.
 */
@Value.Immutable
@JsonDeserialize(using = Readers.GenreReader.class)
@JsonPropertyOrder({"id", "name"})
public abstract class Genre {

    Genre() {}

    /** {@code id}: required, an integer (or a string of one). */
    @JsonProperty("id")
    public abstract long id();

    /** {@code name}: required, a string. */
    @JsonProperty("name")
    public abstract String name();

    /** The fields of the genre this model does not read, raw and in the order sent. Immutable. */
    @JsonAnyGetter
    @Value.Default
    public RawFields additionalProperties() {
        return RawFields.empty();
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Genre} values. */
    public static final class Builder extends ImmutableGenre.Builder {
        Builder() {}
    }
}
