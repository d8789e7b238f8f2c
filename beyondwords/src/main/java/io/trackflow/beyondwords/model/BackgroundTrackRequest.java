package io.trackflow.beyondwords.model;

import io.trackflow.core.json.Json;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * The fields of a create or update. Fields left unset are not sent (an update changes only what is
 * set). {@code projectId} is sent as {@code "project": {"id": ...}}, {@code mediaUrl} as {@code
 * "media": {"url": ...}}. Validated when built: name non-blank, volume 0..100, project id positive,
 * media URL an absolute http(s) URL. Written and read in its request form by trackflow's codec and the
 * Jackson modules (a field that is sent must read; fields it does not know are ignored).
 */
@Value.Immutable
public abstract class BackgroundTrackRequest {

    static {
        Json.register(new Readers.BackgroundTrackRequestCodec());
    }

    BackgroundTrackRequest() {}

    /** The name. Required to create. */
    public abstract Optional<String> name();

    /** The volume in percent, 0..100 (the server defaults to 100). */
    public abstract OptionalInt volume();

    /** The project to put the track in. */
    public abstract OptionalLong projectId();

    /** Where the audio is. */
    public abstract Optional<String> mediaUrl();

    @Value.Check
    final void check() {
        if (name().isPresent() && name().get().isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (volume().isPresent() && (volume().getAsInt() < 0 || volume().getAsInt() > 100)) {
            throw new IllegalArgumentException("volume must be within 0..100, was " + volume().getAsInt());
        }
        if (projectId().isPresent() && projectId().getAsLong() <= 0) {
            throw new IllegalArgumentException(
                    "projectId must be > 0, was " + projectId().getAsLong());
        }
        if (mediaUrl().isPresent()) {
            String u = mediaUrl().get();
            URI uri;
            try {
                uri = URI.create(u);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("mediaUrl is not a valid URI", e);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("mediaUrl must be an absolute http(s) URL");
            }
        }
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link BackgroundTrackRequest} values. */
    public static final class Builder extends ImmutableBackgroundTrackRequest.Builder {
        Builder() {}
    }
}
