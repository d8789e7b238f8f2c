package io.trackflow.beatpass.model;

import io.trackflow.core.json.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * An album, with its tracks and artists as BeatPass sends them. Without a token BeatPass sends {@code
 * id}, {@code name}, {@code image}, {@code release_date}, {@code description} (and {@code model_type});
 * a token holder also gets {@code plays}, {@code created_at} and the album's {@code tracks}. {@link
 * #id()} and {@link #name()} are required (an album without them does not read, and {@link
 * Track#album()} is then empty and kept raw); every other field is optional and lenient, as in {@link
 * Track}: unreadable values are empty and kept raw in {@link #additionalProperties()}.
 */
@Value.Immutable
public abstract class Album implements Named {

    static {
        Json.register(new Readers.AlbumCodec());
    }

    Album() {}

    /** {@code image}: the cover's URL, a string. */
    public abstract Optional<String> image();

    /** {@code release_date}: a {@code yyyy-MM-dd} date (a longer timestamp keeps its date part). */
    public abstract Optional<LocalDate> releaseDate();

    /** {@code description}: a string. */
    public abstract Optional<String> description();

    /** {@code tracks}: the album's tracks (token tier); empty when not sent. */
    public abstract List<Track> tracks();

    /** {@code artists}: the album's artists; empty when not sent. */
    public abstract List<Artist> artists();

    /** {@code plays}: how many times it was played, an integer (or a string of one). Token tier. */
    public abstract OptionalLong plays();

    /** {@code created_at}: when the album was created, a timestamp in any form BeatPass sends. Token tier. */
    public abstract Optional<Instant> createdAt();

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Album} values. */
    public static final class Builder extends ImmutableAlbum.Builder {
        Builder() {}
    }
}
