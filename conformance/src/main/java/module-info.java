/** A consumer of both clients on the module path, using only what trackflow's modules export. */
module io.trackflow.conformance {
    requires io.trackflow.beyondwords;
    requires io.trackflow.beatpass;
    requires io.trackflow.testkit;

    exports io.trackflow.conformance;
}
