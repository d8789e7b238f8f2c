/**
 * trackflow core: the toolkit provider clients are written with. Exported: options ({@code
 * io.trackflow.core}), the client toolkit and its pipeline ({@code .client}), HTTP values and the
 * Reactor Netty transport ({@code .http}), auth, errors, retries, paging and JSON
 * (with the modules that teach an application's own Jackson 3 or Jackson 2 mapper trackflow's models). {@code
 * io.trackflow.core.internal} is not exported, not even to trackflow's own provider modules.
 */
module io.trackflow.core {
    requires transitive reactor.core;
    requires transitive org.reactivestreams;
    requires transitive reactor.netty.core;
    requires transitive reactor.netty.http;
    requires transitive org.jspecify;
    // the wire: Jackson 3's streaming API; no public signature of the codec names it
    requires tools.jackson.core;
    // the modules for an application's own mapper, each only when that databind is there
    requires static tools.jackson.databind;
    requires static com.fasterxml.jackson.databind;
    requires static com.fasterxml.jackson.core;
    requires static com.fasterxml.jackson.annotation;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.transport;
    requires io.netty.handler;
    requires io.netty.codec.http;
    requires io.netty.codec.compression;
    requires static org.immutables.value;
    requires static micrometer.observation;
    requires static micrometer.commons;

    exports io.trackflow.core;
    exports io.trackflow.core.auth;
    exports io.trackflow.core.client;
    exports io.trackflow.core.error;
    exports io.trackflow.core.http;
    exports io.trackflow.core.json;
    exports io.trackflow.core.json.jackson3;
    exports io.trackflow.core.json.jackson2;
    exports io.trackflow.core.observation;
    exports io.trackflow.core.paging;
    exports io.trackflow.core.ratelimit;
    exports io.trackflow.core.retry;
// No `provides` for the Jackson modules: a service of a `requires static` module that is absent fails
// the boot layer (ModulePathTest). On the class path Jackson's discovery finds them through
// META-INF/services; on the module path an application adds them by hand.
}
