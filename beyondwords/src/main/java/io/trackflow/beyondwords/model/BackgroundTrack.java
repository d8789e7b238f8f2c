package io.trackflow.beyondwords.model;

import io.trackflow.core.json.Json;
import io.trackflow.core.json.RawFields;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A BeyondWords background track.
 *
 * <p>Timestamps are read leniently: the provider sends {@code 2023-01-01 00:00:00 UTC} although its
 * schema says ISO-8601; both (and offsets, RFC 1123, epoch seconds) are accepted. {@code project: null}
 * and a missing {@code media} are normal.
 *
 * <p><b>Reading rule.</b> {@link #id()}, {@link #name()} and {@link #created()} are <em>required</em>:
 * missing, {@code null} or unreadable, the call (or the page of a listing) fails with a {@code
 * DecodingException}. Every other field is <em>optional and lenient</em>: missing or {@code null} it
 * takes its default; a value that does not read as documented (a {@code volume} of {@code "loud"}, a
 * malformed {@code updated}, a {@code project} without an id) takes its default too, never a failure,
 * and its raw value is kept in {@link #additionalProperties()} under its JSON name (logged once per
 * field at debug level, logger {@code io.trackflow.beyondwords.model.BackgroundTrack}). Fields the model
 * does not know are kept raw too: every field of the body is reachable, typed or raw.
 */
@Value.Immutable
public abstract class BackgroundTrack {

    static {
        Json.register(new Readers.BackgroundTrackCodec());
    }

    BackgroundTrack() {}

    /** {@code id}: required, an integer (or a string of one). */
    public abstract long id();

    /** {@code name}: required, a string. */
    public abstract String name();

    /**
     * {@code volume}: the volume in percent, an integer (or a string of one), 0..100 as the server sends it;
     * 100 when it is not sent or does not read (the server's default).
     */
    @Value.Default
    public int volume() {
        return 100;
    }

    /** {@code project}: the project the track belongs to, an object with an {@code id}; often {@code null}. */
    public abstract Optional<ProjectRef> project();

    /** {@code media}: the audio, an object. */
    public abstract Optional<Media> media();

    /** {@code created}: required, when the track was created, a timestamp. */
    public abstract Instant created();

    /**
     * {@code updated}: when the track was last changed, a timestamp; {@link #created()} when it is not sent
     * or does not read.
     */
    @Value.Default
    public Instant updated() {
        return created();
    }

    /**
     * The fields of the body this model does not read, raw and in the order sent: fields it does not know
     * (the provider adds fields; {@code null}s included), and optional fields whose value did not read
     * (under their own JSON name, with the value as sent). Immutable; empty when every field was read.
     */
    @Value.Default
    public RawFields additionalProperties() {
        return RawFields.empty();
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link BackgroundTrack} values. */
    public static final class Builder extends ImmutableBackgroundTrack.Builder {
        Builder() {}
    }
}
