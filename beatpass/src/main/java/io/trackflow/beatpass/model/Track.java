package io.trackflow.beatpass.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.trackflow.core.json.RawFields;
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
@JsonDeserialize(using = Readers.TrackReader.class)
@JsonPropertyOrder({
    "id",
    "name",
    "release_date",
    "image",
    "duration",
    "description",
    "artists",
    "album",
    "genres",
    "tags",
    "model_type",
    "created_at",
    "updated_at",
    "duration_text",
    "bpm",
    "key",
    "scale",
    "price",
    "currency",
    "exclusive_price",
    "licensing_type",
    "exclusive_status",
    "plays",
    "likes_count",
    "reposts_count"
})
public abstract class Track {

    Track() {}

    /** {@code id}: required, an integer (or a string of one). */
    @JsonProperty("id")
    public abstract long id();

    /** {@code name}: required, a string. */
    @JsonProperty("name")
    public abstract String name();

    /** {@code release_date}: a {@code yyyy-MM-dd} date (a longer timestamp keeps its date part). */
    @JsonProperty("release_date")
    public abstract Optional<LocalDate> releaseDate();

    /** {@code image}: the artwork URL, a string. */
    @JsonProperty("image")
    public abstract Optional<String> image();

    /** {@code duration}: the length, sent in milliseconds (a number or a numeric string). */
    @JsonProperty("duration")
    public abstract Optional<Duration> duration();

    /** {@code description}: a string (token tier). */
    @JsonProperty("description")
    public abstract Optional<String> description();

    /** {@code artists}: with {@link TrackInclude#ARTISTS}; empty when not asked. */
    @JsonProperty("artists")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public abstract List<Artist> artists();

    /** {@code album}: with {@link TrackInclude#ALBUM}. */
    @JsonProperty("album")
    public abstract Optional<Album> album();

    /** {@code genres}: with {@link TrackInclude#GENRES}; empty when not asked. */
    @JsonProperty("genres")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public abstract List<Genre> genres();

    /** {@code tags}: with {@link TrackInclude#TAGS} (token tier); empty when not asked. */
    @JsonProperty("tags")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public abstract List<Tag> tags();

    /** {@code model_type}: the kind of object, a string ({@code "track"}). Public tier. */
    @JsonProperty("model_type")
    public abstract Optional<String> modelType();

    /** {@code created_at}: when the track was created, a timestamp in any form BeatPass sends. Public tier. */
    @JsonProperty("created_at")
    public abstract Optional<Instant> createdAt();

    /** {@code updated_at}: when the track last changed, a timestamp (token tier). */
    @JsonProperty("updated_at")
    public abstract Optional<Instant> updatedAt();

    /** {@code duration_text}: the length as displayed, a string such as {@code "3:25"}. Public tier. */
    @JsonProperty("duration_text")
    public abstract Optional<String> durationText();

    /**
     * {@code bpm}: the tempo in beats per minute, possibly fractional ({@code 92.5}); BeatPass documents no
     * type, so a number or a numeric string ({@code "128"}) is read. Token tier.
     */
    @JsonProperty("bpm")
    public abstract OptionalDouble bpm();

    /** {@code key}: the musical key as sent, a string such as {@code "C#"} or {@code "Bb"}. Token tier. */
    @JsonProperty("key")
    public abstract Optional<String> key();

    /** {@code scale}: the mode of {@link #key()}, a string such as {@code "minor"}. Token tier. */
    @JsonProperty("scale")
    public abstract Optional<String> scale();

    /**
     * {@code price}: the (non-exclusive) price in {@link #currency()}, read exactly from a number or a
     * numeric string ({@code "19.99"} is 19.99, never a {@code double}; the scale is kept). Token tier.
     */
    @JsonProperty("price")
    public abstract Optional<BigDecimal> price();

    /** {@code currency}: the currency of the prices, a string as sent (ISO 4217, e.g. {@code "USD"}). Token tier. */
    @JsonProperty("currency")
    public abstract Optional<String> currency();

    /** {@code exclusive_price}: the price of an exclusive licence in {@link #currency()}, exactly. Token tier. */
    @JsonProperty("exclusive_price")
    public abstract Optional<BigDecimal> exclusivePrice();

    /** {@code licensing_type}: a string such as {@code "non_exclusive"} or {@code "exclusive"}. Token tier. */
    @JsonProperty("licensing_type")
    public abstract Optional<String> licensingType();

    /** {@code exclusive_status}: a string such as {@code "available"} or {@code "sold"}. Token tier. */
    @JsonProperty("exclusive_status")
    public abstract Optional<String> exclusiveStatus();

    /** {@code plays}: how many times it was played, an integer (or a string of one). Token tier. */
    @JsonProperty("plays")
    public abstract OptionalLong plays();

    /** {@code likes_count}: an integer (or a string of one). Token tier. */
    @JsonProperty("likes_count")
    public abstract OptionalLong likesCount();

    /** {@code reposts_count}: an integer (or a string of one). Token tier. */
    @JsonProperty("reposts_count")
    public abstract OptionalLong repostsCount();

    /**
     * The fields of the body this model does not read, raw and in the order sent: fields it does not know
     * (BeatPass adds fields; {@code null}s included), and optional fields whose value did not read (under
     * their own JSON name, with the value as sent). Immutable; empty when every field was read. Written
     * back as the body's own fields.
     */
    @JsonAnyGetter
    @Value.Default
    public RawFields additionalProperties() {
        return RawFields.empty();
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Track} values. */
    public static final class Builder extends ImmutableTrack.Builder {
        Builder() {}
    }
}
