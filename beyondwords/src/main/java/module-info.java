/** The reactive BeyondWords client: {@code BeyondWordsClient}, background tracks and their models. */
module io.trackflow.beyondwords {
    requires transitive io.trackflow.core;
    requires static org.immutables.value;

    exports io.trackflow.beyondwords;
    exports io.trackflow.beyondwords.model;
}
