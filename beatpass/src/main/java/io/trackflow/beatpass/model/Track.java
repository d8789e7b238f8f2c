package io.trackflow.beatpass.model;

import io.trackflow.core.json.Json;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * A BeatPass track. Without a token BeatPass sends only the public tier ({@code id}, {@code name},
 * {@code image}, {@code release_date}, {@code model_type}, {@code created_at}, {@code duration_text});
 * a token holder also gets the token tier (price, BPM, key, counts, licensing, ...). Relations ({@link
 * #artists()}, {@link #album()}, {@link #genres()}, {@link #tags()}) come only when asked with {@link
 * TrackInclude}; when not asked they are empty.
 *
 * <p><b>Reading rule.</b> {@link #id()} and {@link #name()} are <em>required</em>: missing, {@code null}
 * or unreadable, the lookup fails with a {@code DecodingException}. Every other field is
 * <em>optional and lenient</em>: missing or {@code null} it is empty; a value that does not read as
 * documented (a {@code release_date} of {@code "TBA"}, an {@code image} of {@code 42}) is empty too,
 * never a failure, and its raw value is kept in {@link #additionalProperties()} under its JSON name
 * (logged once per field at debug level, logger {@code io.trackflow.beatpass.model.Track}). A relation
 * that is not an array of readable objects is empty and kept raw whole. Fields the model does not
 * know are kept raw too: every field of the body is reachable, typed or raw.
 */
@Value.Immutable
public abstract class Track implements Named {

    static {
        Json.register(new Readers.TrackCodec());
    }

    Track() {}

    /** {@code release_date}: a {@code yyyy-MM-dd} date (a longer timestamp keeps its date part). */
    public abstract Optional<LocalDate> releaseDate();

    /** {@code image}: the artwork URL, a string. */
    public abstract Optional<String> image();

    /** {@code duration}: the length, sent in milliseconds (a number or a numeric string). */
    public abstract Optional<Duration> duration();

    /** {@code description}: a string (token tier). */
    public abstract Optional<String> description();

    /** {@code artists}: with {@link TrackInclude#ARTISTS}; empty when not asked. */
    public abstract List<Artist> artists();

    /** {@code album}: with {@link TrackInclude#ALBUM}. */
    public abstract Optional<Album> album();

    /** {@code genres}: with {@link TrackInclude#GENRES}; empty when not asked. */
    public abstract List<Genre> genres();

    /** {@code tags}: with {@link TrackInclude#TAGS} (token tier); empty when not asked. */
    public abstract List<Tag> tags();

    /** {@code model_type}: the kind of object, a string ({@code "track"}). Public tier. */
    public abstract Optional<String> modelType();

    /** {@code created_at}: when the track was created, a timestamp in any form BeatPass sends. Public tier. */
    public abstract Optional<Instant> createdAt();

    /** {@code updated_at}: when the track last changed, a timestamp (token tier). */
    public abstract Optional<Instant> updatedAt();

    /** {@code duration_text}: the length as displayed, a string such as {@code "3:25"}. Public tier. */
    public abstract Optional<String> durationText();

    /**
     * {@code bpm}: the tempo in beats per minute, possibly fractional ({@code 92.5}); BeatPass documents no
     * type, so a number or a numeric string ({@code "128"}) is read. Token tier.
     */
    public abstract OptionalDouble bpm();

    /** {@code key}: the musical key as sent, a string such as {@code "C#"} or {@code "Bb"}. Token tier. */
    public abstract Optional<String> key();

    /** {@code scale}: the mode of {@link #key()}, a string such as {@code "minor"}. Token tier. */
    public abstract Optional<String> scale();

    /**
     * {@code price}: the (non-exclusive) price in {@link #currency()}, read exactly from a number or a
     * numeric string ({@code "19.99"} is 19.99, never a {@code double}; the scale is kept). Token tier.
     */
    public abstract Optional<BigDecimal> price();

    /** {@code currency}: the currency of the prices, a string as sent (ISO 4217, e.g. {@code "USD"}). Token tier. */
    public abstract Optional<String> currency();

    /** {@code exclusive_price}: the price of an exclusive licence in {@link #currency()}, exactly. Token tier. */
    public abstract Optional<BigDecimal> exclusivePrice();

    /** {@code licensing_type}: a string such as {@code "non_exclusive"} or {@code "exclusive"}. Token tier. */
    public abstract Optional<String> licensingType();

    /** {@code exclusive_status}: a string such as {@code "available"} or {@code "sold"}. Token tier. */
    public abstract Optional<String> exclusiveStatus();

    /** {@code plays}: how many times it was played, an integer (or a string of one). Token tier. */
    public abstract OptionalLong plays();

    /** {@code likes_count}: an integer (or a string of one). Token tier. */
    public abstract OptionalLong likesCount();

    /** {@code reposts_count}: an integer (or a string of one). Token tier. */
    public abstract OptionalLong repostsCount();

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Track} values. */
    public static final class Builder extends ImmutableTrack.Builder {
        Builder() {}
    }
}
