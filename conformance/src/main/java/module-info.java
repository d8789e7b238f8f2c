/** A consumer of both clients on the module path, using only what trackflow's modules export. */
module io.trackflow.conformance {
    requires io.trackflow.beyondwords;
    requires io.trackflow.beatpass;
    requires io.trackflow.testkit;
    // an application's own Jackson 3 mapper; no Jackson 2 anywhere on this module path
    requires tools.jackson.databind;

    exports io.trackflow.conformance;
}
