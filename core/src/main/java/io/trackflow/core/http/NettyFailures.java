package io.trackflow.core.http;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import io.trackflow.core.http.internal.TransportFailure;
import io.trackflow.core.http.internal.TransportFailure.Kind;
import java.io.IOException;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquirePendingLimitException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * Names what Netty and Reactor Netty signal, by type (no message matching): connect and read timeouts,
 * an exhausted pool (Reactor Netty's shaded reactor-pool exceptions: its pending-acquire queue full, or
 * an acquire waiting past its timeout), a connection closed before or during the response, each as a
 * {@link TransportFailure} that the error model turns into its typed error. What remains (connection
 * refused, DNS, TLS, other I/O) is JDK types, passed on as they are.
 */
final class NettyFailures {

    private static final Logger LOG = Loggers.getLogger(NettyFailures.class);

    private NettyFailures() {}

    static Throwable map(HttpRequest request, Throwable e) {
        if (e instanceof ConnectTimeoutException) {
            return TransportFailure.of(Kind.CONNECT_TIMEOUT, e);
        }
        if (e instanceof ReadTimeoutException) {
            return TransportFailure.of(Kind.RESPONSE_TIMEOUT, e);
        }
        if (e instanceof PoolAcquireTimeoutException || e instanceof PoolAcquirePendingLimitException) {
            return TransportFailure.of(Kind.POOL_EXHAUSTED, e);
        }
        if (e instanceof PrematureCloseException) {
            return TransportFailure.of(Kind.CLOSED_EARLY, e);
        }
        if (!(e instanceof IOException)) {
            LOG.debug("unexpected transport failure for {}", request, e);
        }
        return e;
    }
}
