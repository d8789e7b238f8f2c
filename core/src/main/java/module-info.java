/**
 * trackflow core: the toolkit provider clients are written with. Exported: options ({@code
 * io.trackflow.core}), the client toolkit and its pipeline ({@code .client}), HTTP values and the
 * Reactor Netty transport ({@code .http}), auth, errors, retries, paging and JSON. {@code
 * io.trackflow.core.internal} is not exported, not even to trackflow's own provider modules.
 */
module io.trackflow.core {
    requires transitive reactor.core;
    requires transitive org.reactivestreams;
    requires transitive reactor.netty.core;
    requires transitive reactor.netty.http;
    requires transitive com.fasterxml.jackson.databind;
    requires transitive org.jspecify;
    requires com.fasterxml.jackson.datatype.jdk8;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.transport;
    requires io.netty.handler;
    requires io.netty.codec.http;
    requires static org.immutables.value;
    requires static micrometer.observation;
    requires static micrometer.commons;

    exports io.trackflow.core;
    exports io.trackflow.core.auth;
    exports io.trackflow.core.client;
    exports io.trackflow.core.error;
    exports io.trackflow.core.http;
    exports io.trackflow.core.json;
    exports io.trackflow.core.observation;
    exports io.trackflow.core.paging;
    exports io.trackflow.core.ratelimit;
    exports io.trackflow.core.retry;
}
