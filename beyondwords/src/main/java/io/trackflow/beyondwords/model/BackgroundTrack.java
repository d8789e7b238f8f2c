package io.trackflow.beyondwords.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A BeyondWords background track.
 *
 * <p>Timestamps are read leniently: the provider sends {@code 2023-01-01 00:00:00 UTC} although its
 * schema says ISO-8601; both (and offsets) are accepted. {@code project: null} and a missing {@code
 * media} are normal; unknown fields are ignored.
 */
@Value.Immutable
@JsonDeserialize(builder = BackgroundTrack.Builder.class)
@JsonPropertyOrder({"id", "name", "volume", "project", "media", "created", "updated"})
public abstract class BackgroundTrack {

    BackgroundTrack() {}

    /** The track id. */
    @JsonProperty("id")
    public abstract long id();

    /** The track name. */
    @JsonProperty("name")
    public abstract String name();

    /** The volume in percent, 0..100 (100 when the server omits it, its default). */
    @JsonProperty("volume")
    @Value.Default
    public int volume() {
        return 100;
    }

    /** The project the track belongs to, if any. */
    @JsonProperty("project")
    public abstract Optional<ProjectRef> project();

    /** The audio, if any. */
    @JsonProperty("media")
    public abstract Optional<Media> media();

    /** When the track was created. */
    @JsonProperty("created")
    public abstract Instant created();

    /** When the track was last changed ({@link #created()} when the server sends no {@code updated}). */
    @JsonProperty("updated")
    @Value.Default
    public Instant updated() {
        return created();
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link BackgroundTrack} values. */
    @JsonPOJOBuilder(withPrefix = "set") // only the @JsonProperty setters Immutables generates bind
    public static final class Builder extends ImmutableBackgroundTrack.Builder {
        Builder() {}
    }
}
