package io.trackflow.core.http;

import java.io.InputStream;
import reactor.core.publisher.Mono;

/**
 * Sends one HTTP request and receives the whole response. Netty-free: the provider clients only see
 * this interface. Implementations must be thread-safe.
 *
 * <p>A response with any status is a value, not an error: status handling is the caller's. Errors
 * are limited to failures to exchange, signalled as the transport meets them (the JDK's I/O
 * exceptions for a refused connection, DNS, TLS, a reset; {@link ReactorNettyTransport} also names
 * timeouts, an exhausted pool, an early close and a body over its size limit): this package sits
 * below the error model, and {@code ApiClient} turns each failure into its typed error ({@link
 * io.trackflow.core.error.TransportException}, {@link io.trackflow.core.error.TimeoutException}, {@link
 * io.trackflow.core.error.DecodingException}). The returned {@code Mono} is cold: nothing is sent before
 * subscription, and cancelling it abandons the exchange.
 */
public interface HttpTransport extends AutoCloseable {

    /**
     * Exchanges one request for its response.
     *
     * @param request the request, credentials already applied
     * @return the response
     */
    Mono<HttpResponse> send(HttpRequest request);

    /**
     * Exchanges one request and hands the response to {@code handler}: a success body is offered
     * before it is copied anywhere, so a transport that can decode from its own buffers avoids one
     * copy of every body. The default receives the whole response with {@link #send} first.
     *
     * @param request the request, credentials already applied
     * @param handler turns the response into the result
     * @param <T> the result
     * @return the result
     */
    default <T> Mono<T> exchange(HttpRequest request, ResponseHandler<T> handler) {
        return send(request).handle((response, sink) -> {
            try {
                if (response.isSuccess()) {
                    HttpResponse head = HttpResponse.builder()
                            .from(response)
                            .body(HttpResponse.EMPTY)
                            .build();
                    sink.next(handler.onSuccess(head, new ResponseBody() {
                        @Override
                        public InputStream stream() {
                            return response.bodyStream();
                        }

                        @Override
                        public int length() {
                            return response.bodyLength();
                        }
                    }));
                } else {
                    sink.next(handler.onFailure(response));
                }
            } catch (Exception e) {
                sink.error(e);
            }
        });
    }

    /**
     * Whether the transport was closed: then it refuses every exchange with an {@link IllegalStateException},
     * sending nothing. False by default (a transport that never closes).
     *
     * @return whether closed
     */
    default boolean isClosed() {
        return false;
    }

    /**
     * Does the transport's one-time work ahead of its first exchange (for Reactor Netty: its event loops,
     * native transport and DNS resolver), so that a first call's deadline is not spent on it. Nothing is
     * sent. Completes at once by default.
     *
     * @return completes when done
     */
    default Mono<Void> warmup() {
        return Mono.empty();
    }

    /** Frees what this transport created (connection pools). A no-op by default. */
    @Override
    default void close() {}

    /**
     * Frees what this transport created without blocking the calling thread. By default runs {@link
     * #close()} on subscription.
     *
     * @return completes when the resources are freed
     */
    default Mono<Void> closeAsync() {
        return Mono.fromRunnable(this::close);
    }
}
