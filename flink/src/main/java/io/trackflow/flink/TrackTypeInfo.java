package io.trackflow.flink;

import io.trackflow.beatpass.model.Track;
import io.trackflow.core.json.Json;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;

/**
 * Flink type information for BeatPass {@link Track}s (no Kryo, no POJO reflection). A track travels
 * as the JSON that trackflow's own codec ({@link Json}) writes and reads for it (the provider's form),
 * behind its length, so every field the model has, today's and those a later trackflow adds,
 * round-trips without a change here; and because unknown fields are ignored on reading, state written
 * by one trackflow version restores in another (a field added later is absent from older state).
 * {@link TrackLookupFunction} declares it; use {@link #INSTANCE} where Flink asks for the type of a
 * stream of tracks, e.g. {@code .returns(TrackTypeInfo.INSTANCE)}.
 *
 * <p>Costs: JSON is larger and slower than a hand-written binary format (a few microseconds per
 * track with relations); durations keep millisecond precision, the unit BeatPass sends.
 */
public final class TrackTypeInfo {

    /** The type information of a stream of tracks. */
    public static final TypeInformation<Track> INSTANCE = new ModelTypeInfo<>(new Format());

    private TrackTypeInfo() {}

    /** Length-prefixed JSON (format version 1). */
    private static final class Format extends ModelTypeInfo.JsonFormat<Track> {
        private static final long serialVersionUID = 1L;
        private static final Track EMPTY = Track.builder().id(1).name("").build();

        Format() {
            super(Track.class);
        }

        @Override
        Track empty() {
            return EMPTY;
        }

        @Override
        TypeSerializerSnapshot<Track> snapshot() {
            return new Snapshot();
        }
    }

    /** The serializer's snapshot (format version 1); its class name is in checkpoints and savepoints. */
    public static final class Snapshot extends ModelTypeInfo.Snapshot<Track> {
        /** For Flink's restore. */
        public Snapshot() {
            super(new Format());
        }
    }
}
