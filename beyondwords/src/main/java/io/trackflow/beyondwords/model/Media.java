package io.trackflow.beyondwords.model;

import io.trackflow.core.json.Json;
import io.trackflow.core.json.RawFields;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The audio file of a background track. Every field is optional and lenient (see {@link
 * BackgroundTrack}): unreadable values take their default and are kept raw in {@link
 * #additionalProperties()}, with the fields the model does not know ({@code content_type}, ...).
 */
@Value.Immutable
public abstract class Media {

    static {
        Json.register(new Readers.MediaCodec());
    }

    Media() {}

    /** {@code url}: where the audio is, a string; {@code ""} when not sent or unreadable. */
    @Value.Default
    public String url() {
        return "";
    }

    /**
     * {@code duration}: the length of the audio. The provider does not document its unit: it is read as
     * <b>milliseconds</b> (a number or a numeric string), the unit the provider's other media objects use.
     */
    public abstract Optional<Duration> duration();

    /** The fields of the media object this model does not read, raw and in the order sent. Immutable. */
    @Value.Default
    public RawFields additionalProperties() {
        return RawFields.empty();
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
