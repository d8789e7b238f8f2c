package io.trackflow.beyondwords.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.trackflow.core.json.RawFields;
import io.trackflow.core.json.RawJson;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The audio file of a background track. Every field is optional and lenient (see {@link
 * BackgroundTrack}): unreadable values take their default and are kept raw in {@link
 * #additionalProperties()}, with the fields the model does not know ({@code content_type}, ...).
 */
@Value.Immutable
@JsonDeserialize(using = Readers.MediaReader.class)
@JsonPropertyOrder({"url", "duration"})
public abstract class Media {

    Media() {}

    /** {@code url}: where the audio is, a string; {@code ""} when not sent or unreadable. */
    @JsonProperty("url")
    @Value.Default
    public String url() {
        return "";
    }

    /**
     * {@code duration}: the length of the audio. The provider does not document its unit: it is read as
     * <b>milliseconds</b> (a number or a numeric string), the unit the provider's other media objects use.
     */
    @JsonProperty("duration")
    public abstract Optional<Duration> duration();

    /** The fields of the media object this model does not read, raw and in the order sent. Immutable. */
    @JsonIgnore // written by unmodelledToWrite()
    @Value.Default
    public RawFields additionalProperties() {
        return RawFields.empty();
    }

    /** What is written after the typed fields: the raw fields, less an unreadable {@code url}. */
    @JsonAnyGetter
    Map<String, RawJson> unmodelledToWrite() {
        return additionalProperties().without("url");
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Media} values. */
    public static final class Builder extends ImmutableMedia.Builder {
        Builder() {}
    }
}
