/**
 * In-process fakes of the BeyondWords and BeatPass APIs, over real loopback HTTP, with fault
 * injection, rate-limit windows and request recording, for your own tests.
 */
module io.trackflow.testkit {
    requires transitive io.trackflow.core;
    requires transitive reactor.netty.http;
    requires tools.jackson.core;
    requires tools.jackson.databind;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.transport;
    requires io.netty.codec.http;
    requires static org.immutables.value;

    exports io.trackflow.testkit;
}
