package io.trackflow.core.http;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.trackflow.core.http.BodyAggregate.HandlerFailure;
import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
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

    /**
     * One exchange, sent anew on each subscription unless {@code refusal} says the transport no longer
     * takes it.
     */
    static <T> Mono<T> run(
            Senders senders,
            HttpRequest request,
            ResponseHandler<T> handler,
            Duration responseTimeout,
            String userAgent,
            int maxResponseBytes,
            HeaderNames names,
            Supplier<@Nullable Throwable> refusal) {
        return new Mono<>() {
            @Override
            public void subscribe(CoreSubscriber<? super T> actual) {
                Throwable refused = refusal.get();
                if (refused != null) {
                    Operators.error(actual, refused);
                    return;
                }
                Answer<T> answer = new Answer<>(actual, request);
                send(senders, request, handler, responseTimeout, userAgent, maxResponseBytes, names, answer.loop)
                        .subscribe(answer);
            }
        };
    }

    private static <T> Flux<T> send(
            Senders senders,
            HttpRequest request,
            ResponseHandler<T> handler,
            Duration responseTimeout,
            String userAgent,
            int maxResponseBytes,
            HeaderNames names,
            LoopCancellation loop) {
        byte[] body = request.body().orElse(null);
        return senders.of(request.method())
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
                .responseConnection((res, conn) -> BodyAggregate.receive(res, conn, handler, maxResponseBytes, names));
    }

    /**
     * The subscriber of one exchange and the subscription its caller holds: takes the handler's one
     * value, names a failure ({@link NettyFailures}; the handler's own passed on as it is), and runs the
     * caller's cancel on the connection's event loop ({@link LoopCancellation}).
     */
    private static final class Answer<T> extends OneAnswer<T, T> {
        private final HttpRequest request;
        final LoopCancellation loop = new LoopCancellation();
        private boolean valued;

        Answer(CoreSubscriber<? super T> actual, HttpRequest request) {
            super(actual);
            this.request = request;
        }

        @Override
        public void onNext(T value) {
            if (valued) {
                Operators.onDiscard(value, currentContext());
                return;
            }
            valued = true;
            Subscription s = upstream();
            if (s != null) {
                s.cancel(); // the one answer is in: the exchange is over
            }
            complete(value);
        }

        @Override
        public void onError(Throwable e) {
            if (valued) {
                Operators.onErrorDropped(e, currentContext());
                return;
            }
            valued = true;
            actual.onError(e instanceof HandlerFailure ? e.getCause() : NettyFailures.map(request, e));
        }

        @Override
        public void onComplete() {
            if (!valued) {
                valued = true;
                actual.onComplete();
            }
        }

        @Override
        void cancelSource(Subscription s) {
            loop.execute(s::cancel); // on the connection's event loop
        }
    }

    /**
     * A client's request senders, one per method, made once: each request then configures only its own
     * URI and body (Reactor Netty copies its configuration once per step).
     */
    static final class Senders {
        private final HttpClient.RequestSender[] byMethod;

        Senders(HttpClient client) {
            io.trackflow.core.http.HttpMethod[] methods = io.trackflow.core.http.HttpMethod.values();
            byMethod = new HttpClient.RequestSender[methods.length];
            for (io.trackflow.core.http.HttpMethod m : methods) {
                byMethod[m.ordinal()] = client.request(HttpMethod.valueOf(m.name()));
            }
        }

        HttpClient.RequestSender of(io.trackflow.core.http.HttpMethod method) {
            return byMethod[method.ordinal()];
        }
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
