/** The reactive BeatPass client: {@code BeatPassClient}, track lookups and their models. */
module io.trackflow.beatpass {
    requires transitive io.trackflow.core;
    requires static org.immutables.value;

    exports io.trackflow.beatpass;
    exports io.trackflow.beatpass.model;
}
