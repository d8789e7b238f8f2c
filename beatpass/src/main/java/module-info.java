/** The reactive BeatPass client: {@code BeatPassClient}, track lookups and their models. */
module io.trackflow.beatpass {
    requires transitive io.trackflow.core;
    requires static org.immutables.value;

    exports io.trackflow.beatpass;
    exports io.trackflow.beatpass.model;

    // Jackson binds the models through their Immutables builders, and the response envelope
    opens io.trackflow.beatpass to
            com.fasterxml.jackson.databind;
    opens io.trackflow.beatpass.model to
            com.fasterxml.jackson.databind;
}
