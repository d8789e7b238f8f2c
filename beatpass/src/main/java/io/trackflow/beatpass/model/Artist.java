package io.trackflow.beatpass.model;

import io.trackflow.core.json.Json;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An artist of a track or an album. Without a token BeatPass sends {@code id}, {@code name}, {@code
 * image_small} (and {@code model_type}); a token holder also gets {@code verified}, {@code bio} and {@code
 * website}. {@link #id()} and {@link #name()} are required (an artist without them does not read, and the
 * list holding it is kept raw: see {@link Track}); every other field is optional and lenient, as in
 * {@link Track}: unreadable values are empty and kept raw in {@link #additionalProperties()}.
 */
@Value.Immutable
public abstract class Artist implements Named {

    static {
        Json.register(new Readers.ArtistCodec());
    }

    Artist() {}

    /** {@code image_small}: a small image's URL, a string. */
    public abstract Optional<String> imageSmall();

    /**
     * {@code verified}: whether BeatPass verified the artist; {@code true}/{@code false} or {@code 1}/{@code
     * 0}. False when not sent (the public tier) or unreadable (then kept raw). Token tier.
     */
    @Value.Default
    public boolean verified() {
        return false;
    }

    /** {@code bio}: a string. Token tier. */
    public abstract Optional<String> bio();

    /** {@code website}: a URL, a string as sent. Token tier. */
    public abstract Optional<String> website();

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Artist} values. */
    public static final class Builder extends ImmutableArtist.Builder {
        Builder() {}
    }
}
