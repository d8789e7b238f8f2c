package io.trackflow.core.http;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.trackflow.core.http.BodyAggregate.HandlerFailure;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Reactor Netty as the transport uses it: its client and pool configured once, and one exchange: the request sent with its headers, default {@code User-Agent} and
 * body; the response handed to the handler from Netty's buffers ({@link BodyAggregate}); a cancel run
 * on the connection's event loop ({@link LoopCancellation}); Netty's failures named by type ({@link
 * NettyFailures}), the handler's own passed on as they are.
 */
final class NettyExchange {

    private NettyExchange() {}

    static <T> Mono<T> run(
            HttpClient client,
            HttpRequest request,
            ResponseHandler<T> handler,
            Duration responseTimeout,
            String userAgent,
            int maxResponseBytes) {
        HttpMethod method = HttpMethod.valueOf(request.method().name());
        byte[] body = request.body().orElse(null);
        LoopCancellation loop = new LoopCancellation();
        return client.request(method)
                .uri(request.uri())
                .send((req, out) -> {
                    out.withConnection(loop::bind);
                    req.responseTimeout(responseTimeout);
                    if (request.header("User-Agent").isEmpty()) {
                        req.header(HttpHeaderNames.USER_AGENT, userAgent);
                    }
                    request.headers().forEach(req::header);
                    if (body == null) {
                        return out;
                    }
                    req.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(body.length));
                    return out.sendByteArray(Mono.just(body));
                })
                .responseConnection((res, conn) -> BodyAggregate.receive(res, conn, handler, maxResponseBytes))
                .next()
                .cancelOn(loop.scheduler())
                .onErrorMap(e -> e instanceof HandlerFailure ? e.getCause() : NettyFailures.map(request, e));
    }

    /** The connection pool a transport creates for itself; idle connections are closed after 30 s. */
    static ConnectionProvider pool(int maxConnections, int pendingAcquireMaxCount, Duration pendingAcquireTimeout) {
        return ConnectionProvider.builder("trackflow")
                .maxConnections(maxConnections)
                .pendingAcquireMaxCount(pendingAcquireMaxCount)
                .pendingAcquireTimeout(pendingAcquireTimeout)
                .maxIdleTime(Duration.ofSeconds(30))
                .build();
    }

    /** A client as every exchange needs it: the connect timeout, gzip as asked, no redirects, keep-alive. */
    static HttpClient configured(HttpClient base, Duration connectTimeout, boolean compression) {
        return base.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
                .compress(compression)
                .followRedirect(false)
                .keepAlive(true);
    }
}
