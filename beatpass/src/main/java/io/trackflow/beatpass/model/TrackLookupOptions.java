package io.trackflow.beatpass.model;

import java.util.Set;
import org.immutables.value.Value;

/**
 * How {@code Tracks.getAll} looks tracks up: the relations to include, how many lookups run at once
 * (1..64, default 8), and whether ids that no longer resolve (404 not found, 410 unavailable) are
 * skipped instead of failing the stream (default: they fail it).
 */
@Value.Immutable
public abstract class TrackLookupOptions {

    TrackLookupOptions() {}

    /** Relations to include in every lookup. */
    public abstract Set<TrackInclude> includes();

    /** Lookups in flight at most. Default 8. */
    @Value.Default
    public int concurrency() {
        return 8;
    }

    /** Whether 404 and 410 answers are skipped. Default false. */
    @Value.Default
    public boolean skipMissing() {
        return false;
    }

    @Value.Check
    final void check() {
        if (concurrency() < 1 || concurrency() > 64) {
            throw new IllegalArgumentException("concurrency must be within 1..64, was " + concurrency());
        }
    }

    /** The defaults. */
    public static TrackLookupOptions defaults() {
        return builder().build();
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link TrackLookupOptions} values. */
    public static final class Builder extends ImmutableTrackLookupOptions.Builder {
        Builder() {}
    }
}
