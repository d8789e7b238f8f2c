package io.trackflow.beatpass.model;

/** A relation to include in a track lookup ({@code with=tags,genres,artists,album}). */
public enum TrackInclude {
    /** {@code tags}. */
    TAGS("tags"),
    /** {@code genres}. */
    GENRES("genres"),
    /** {@code artists}. */
    ARTISTS("artists"),
    /** {@code album}, with its tracks and artists. */
    ALBUM("album");

    private final String wireName;

    TrackInclude(String wireName) {
        this.wireName = wireName;
    }

    /** The name sent in {@code with=}. */
    public String wireName() {
        return wireName;
    }
}
