package io.trackflow.core.http;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import io.trackflow.core.error.ApiException;
import io.trackflow.core.error.TimeoutException;
import io.trackflow.core.internal.Errors;
import java.io.IOException;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquirePendingLimitException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * Maps what Netty and Reactor Netty signal to the error model, by type (no message matching):
 * connect and read timeouts, an exhausted pool (Reactor Netty's shaded reactor-pool exceptions: its
 * pending-acquire queue full, or an acquire waiting past its timeout), a connection closed before or
 * during the response. What remains (connection refused, DNS, TLS, other I/O) is JDK types, mapped
 * by the error factory.
 */
final class NettyFailures {

    private static final Logger LOG = Loggers.getLogger(NettyFailures.class);

    private NettyFailures() {}

    static ApiException map(HttpRequest request, Throwable e) {
        Errors errors = Errors.get();
        if (e instanceof ApiException) {
            return (ApiException) e;
        }
        if (e instanceof ConnectTimeoutException) {
            return errors.timeout(TimeoutException.Kind.CONNECT, request, e);
        }
        if (e instanceof ReadTimeoutException) {
            return errors.timeout(TimeoutException.Kind.RESPONSE, request, e);
        }
        if (e instanceof PoolAcquireTimeoutException || e instanceof PoolAcquirePendingLimitException) {
            return errors.poolExhausted(request, e);
        }
        if (e instanceof PrematureCloseException) {
            return errors.transport(request, "connection closed prematurely", e, false);
        }
        if (!(e instanceof IOException)) {
            LOG.debug("unexpected transport failure for {}", request, e);
        }
        return errors.transport(request, e);
    }
}
