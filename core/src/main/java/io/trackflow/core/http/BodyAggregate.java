package io.trackflow.core.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.CompositeByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.trackflow.core.http.internal.TransportFailure;
import io.trackflow.core.internal.HeaderMaps;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClientResponse;

/**
 * One response body, gathered from its chunks in Netty's pooled buffers, with the one size check
 * every body gets (past {@code max} bytes: {@link TooLarge}). A success body is then handed to the
 * response handler in place (no heap copy); any other body is copied once, to an array of exactly
 * its size, into the {@link HttpResponse} the handler receives. Nothing is allocated ahead of the
 * bytes: a declared {@code Content-Length} is a claim, not data.
 *
 * <p>Cancellation may arrive on any thread while the event loop is still adding chunks or the
 * handler is still reading: chunks are only retained while the aggregate is open (under its lock),
 * and the reader holds its own reference, so whichever of close and read comes last frees the
 * buffers, exactly once.
 */
final class BodyAggregate {

    /** Copies a success body into the response value: what {@link HttpTransport#send} returns. */
    static final ResponseHandler<HttpResponse> COPY = new ResponseHandler<>() {
        @Override
        public HttpResponse onSuccess(HttpResponse head, ResponseBody body) throws IOException {
            byte[] bytes;
            try (InputStream in = body.stream()) {
                bytes = in.readNBytes(body.length());
            }
            return HttpResponse.builder()
                    .from(head)
                    .body(ByteBuffer.wrap(bytes).asReadOnlyBuffer())
                    .build();
        }

        @Override
        public HttpResponse onFailure(HttpResponse response) {
            return response;
        }
    };

    private final CompositeByteBuf parts;
    private final int max;
    private boolean closed; // guarded by this

    BodyAggregate(ByteBufAllocator alloc, int max) {
        this.parts = alloc.compositeBuffer(Integer.MAX_VALUE);
        this.max = max;
    }

    /**
     * Gathers a response's body (one size check for every status) and hands it over: a success in
     * place, any other status copied. A body over the limit closes its connection, never to be reused.
     */
    static <T> Mono<T> receive(
            HttpClientResponse res,
            Connection conn,
            ResponseHandler<T> handler,
            int maxResponseBytes,
            HeaderNames names) {
        int status = res.status().code();
        if (contentLength(res) > maxResponseBytes) {
            conn.dispose();
            return Mono.error(TransportFailure.tooLarge(status, maxResponseBytes));
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Iterator<Map.Entry<CharSequence, CharSequence>> it =
                res.responseHeaders().iteratorCharSequence();
        while (it.hasNext()) {
            Map.Entry<CharSequence, CharSequence> h = it.next();
            // read-only values, as HttpResponse keeps them: one list per header, a new one for a repeat
            headers.merge(names.lower(h.getKey()), List.of(h.getValue().toString()), HeaderMaps::concat);
        }
        // the headers copied once, exactly sized (the builder would copy them twice: once per put, once at build)
        HttpResponse head = ((ImmutableHttpResponse) HttpResponse.builder()
                        .status(status)
                        .body(HttpResponse.EMPTY)
                        .build())
                .withHeaders(headers);
        return new Mono<T>() {
            @Override
            public void subscribe(CoreSubscriber<? super T> actual) {
                BodyAggregate aggregate = new BodyAggregate(conn.channel().alloc(), maxResponseBytes);
                conn.inbound()
                        .receive()
                        .subscribe(new BodyReceiver<>(actual, aggregate, conn, handler, head, maxResponseBytes));
            }
        };
    }

    private static long contentLength(HttpClientResponse res) {
        String v = res.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
        if (v == null) {
            return -1;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Called on the event loop for each chunk, before Reactor Netty releases it. */
    synchronized void add(ByteBuf chunk) {
        if (closed) {
            return;
        }
        if ((long) parts.readableBytes() + chunk.readableBytes() > max) {
            throw new TooLarge();
        }
        parts.addComponent(true, chunk.retain());
    }

    /** The bytes gathered so far. */
    synchronized int length() {
        return closed ? 0 : parts.readableBytes();
    }

    /**
     * Runs the handler over a success body; {@code null} (an empty result) when cancelled first.
     *
     * @throws HandlerFailure carrying what the handler threw
     */
    <T> T success(ResponseHandler<T> handler, HttpResponse head) {
        ByteBuf body;
        synchronized (this) {
            if (closed) {
                return null;
            }
            body = parts.retain();
        }
        try {
            return handler.onSuccess(head, new PooledBody(body));
        } catch (Exception | StackOverflowError e) {
            throw new HandlerFailure(e);
        } finally {
            body.release();
        }
    }

    /**
     * Hands a non-success response, its body copied, to the handler; {@code null} when cancelled
     * first.
     *
     * @throws HandlerFailure carrying what the handler threw
     */
    <T> T failure(ResponseHandler<T> handler, HttpResponse head) {
        byte[] bytes;
        synchronized (this) {
            if (closed) {
                return null;
            }
            bytes = new byte[parts.readableBytes()];
            parts.getBytes(parts.readerIndex(), bytes);
        }
        try {
            return handler.onFailure(HttpResponse.builder()
                    .from(head)
                    .body(ByteBuffer.wrap(bytes).asReadOnlyBuffer())
                    .build());
        } catch (RuntimeException | StackOverflowError e) {
            throw new HandlerFailure(e);
        }
    }

    synchronized void close() {
        if (!closed) {
            closed = true;
            parts.release();
        }
    }

    /** A body still in Netty's (pooled) buffer, valid while the handler runs. */
    private static final class PooledBody implements ResponseBody {
        private final ByteBuf buf;

        PooledBody(ByteBuf buf) {
            this.buf = buf;
        }

        @Override
        public InputStream stream() {
            return new ByteBufInputStream(buf.duplicate(), false);
        }

        @Override
        public int length() {
            return buf.readableBytes();
        }
    }

    /** A body over the limit. */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super(null, null, false, false);
        }
    }

    /** Carries a handler's own failure past the transport's error mapping. */
    static final class HandlerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HandlerFailure(Throwable cause) {
            super(cause.toString(), cause, false, false);
        }
    }
}
