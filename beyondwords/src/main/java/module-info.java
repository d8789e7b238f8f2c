/** The reactive BeyondWords client: {@code BeyondWordsClient}, background tracks and their models. */
module io.trackflow.beyondwords {
    requires transitive io.trackflow.core;
    requires static org.immutables.value;

    exports io.trackflow.beyondwords;
    exports io.trackflow.beyondwords.model;

    // Jackson binds the models through their Immutables builders
    opens io.trackflow.beyondwords.model to
            com.fasterxml.jackson.databind;
}
