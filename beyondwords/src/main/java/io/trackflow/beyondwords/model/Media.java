package io.trackflow.beyondwords.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/** The audio file of a background track. */
@Value.Immutable
@JsonDeserialize(builder = Media.Builder.class)
@JsonPropertyOrder({"url", "duration"})
public abstract class Media {

    Media() {}

    /** Where the audio is. */
    @JsonProperty("url")
    @Value.Default
    public String url() {
        return "";
    }

    /**
     * The length of the audio. The provider does not document the unit of {@code media.duration}: it
     * is read as <b>milliseconds</b>, the unit the provider's other media objects use.
     */
    @JsonProperty("duration")
    public abstract Optional<Duration> duration();

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Media} values. */
    @JsonPOJOBuilder(withPrefix = "set") // only the @JsonProperty setters Immutables generates bind
    public static final class Builder extends ImmutableMedia.Builder {
        Builder() {}
    }
}
