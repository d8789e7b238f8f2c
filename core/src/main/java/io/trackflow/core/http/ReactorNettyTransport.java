package io.trackflow.core.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.timeout.ReadTimeoutException;
import io.trackflow.core.UserAgent;
import io.trackflow.core.error.ApiException;
import io.trackflow.core.error.DecodingException;
import io.trackflow.core.error.TimeoutException;
import io.trackflow.core.error.TransportException;
import io.trackflow.core.internal.Errors;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquirePendingLimitException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * The {@link HttpTransport} on Reactor Netty: the only public class of trackflow that touches Netty.
 *
 * <p>Defaults: connect timeout 10 s; response timeout 30 s (the longest wait for the first byte or
 * between two reads of the body: a stalled body fails too); a pool of 64 connections with at most
 * 65,536 pending acquires (beyond, or after 45 s of waiting, a {@link TransportException} with
 * {@link TransportException#isPoolExhausted()}); gzip accepted; bodies up to 16 MiB (a larger one is
 * a {@link DecodingException} and its connection is closed, never reused); {@code User-Agent:
 * trackflow/<version> java/<version>} unless the request sets one. Redirects are never followed, so
 * credentials never reach another host: a 3xx is returned like any other status.
 *
 * <p>Pass your own {@link HttpClient} to share its pool, TLS, proxy and metrics settings; the
 * timeouts above are still applied on top of it, redirects are still disabled, and {@link #close()}
 * then leaves its resources alone.
 */
public final class ReactorNettyTransport implements HttpTransport {

  private static final Logger LOG = Loggers.getLogger(ReactorNettyTransport.class);

  /** Default maximum response body: 16 MiB. */
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

  private final HttpClient client;
  private final @Nullable ConnectionProvider ownedProvider;
  private final Duration responseTimeout;
  private final int maxResponseBytes;
  private final String userAgent;

  private ReactorNettyTransport(Builder b) {
    HttpClient base;
    if (b.httpClient != null) {
      base = b.httpClient;
      ownedProvider = null;
    } else {
      ownedProvider =
          ConnectionProvider.builder("trackflow")
              .maxConnections(b.maxConnections)
              .pendingAcquireMaxCount(b.pendingAcquireMaxCount)
              .pendingAcquireTimeout(b.pendingAcquireTimeout)
              .maxIdleTime(Duration.ofSeconds(30))
              .build();
      base = HttpClient.create(ownedProvider);
    }
    this.client =
        base.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, b.connectTimeout.toMillis()))
            .compress(b.compression)
            .followRedirect(false)
            .keepAlive(true);
    this.responseTimeout = b.responseTimeout;
    this.maxResponseBytes = b.maxResponseBytes;
    this.userAgent = b.userAgent;
  }

  /** A transport with the defaults. */
  public static ReactorNettyTransport create() {
    return builder().build();
  }

  /**
   * A transport on the user's client (its pool, TLS, proxy, metrics), with the default timeouts
   * and limits on top.
   *
   * @param httpClient the client
   * @return the transport
   */
  public static ReactorNettyTransport create(HttpClient httpClient) {
    return builder().httpClient(httpClient).build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Mono<HttpResponse> send(HttpRequest request) {
    return exchange(request, COPY);
  }

  /** {@link #send}: a success body is copied into the response value. */
  private static final ResponseHandler<HttpResponse> COPY =
      new ResponseHandler<>() {
        @Override
        public HttpResponse onSuccess(HttpResponse head, ResponseBody body) throws IOException {
          byte[] bytes = new byte[body.length()];
          try (java.io.InputStream in = body.stream()) {
            int at = 0;
            for (int n; at < bytes.length && (n = in.read(bytes, at, bytes.length - at)) > 0; ) {
              at += n;
            }
          }
          return HttpResponse.builder().from(head).body(ByteBuffer.wrap(bytes).asReadOnlyBuffer()).build();
        }

        @Override
        public HttpResponse onFailure(HttpResponse response) {
          return response;
        }
      };

  /**
   * Decodes a success straight from Netty's pooled buffers (no heap copy of the body); a
   * non-success is copied whole. The buffers are released when the handler returns.
   */
  @Override
  public <T> Mono<T> exchange(HttpRequest request, ResponseHandler<T> handler) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(handler, "handler");
    io.netty.handler.codec.http.HttpMethod method =
        io.netty.handler.codec.http.HttpMethod.valueOf(request.method().name());
    byte[] body = request.body().orElse(null);
    return Mono.defer(
        () -> {
          OnConnectionLoop loop = new OnConnectionLoop();
          return client
              .request(method)
              .uri(request.uri())
              .send(
                  (req, out) -> {
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
              .responseConnection((res, conn) -> receive(request, res, conn, handler))
              .next()
              .cancelOn(loop.scheduler)
              .onErrorMap(e -> !(e instanceof ApiException) && !(e instanceof HandlerFailure), e -> map(request, e))
              .onErrorMap(HandlerFailure.class, Throwable::getCause);
        });
  }

  /**
   * Runs a cancellation on the event loop of the exchange's connection once it has one. A cancel
   * from another thread otherwise races the reads of the response: Reactor Netty can then take in a
   * response for a subscriber that is gone, and its body, queued for nobody, is never released.
   */
  private static final class OnConnectionLoop implements java.util.concurrent.Executor {
    private volatile io.netty.channel.@Nullable EventLoop loop;
    final reactor.core.scheduler.Scheduler scheduler = reactor.core.scheduler.Schedulers.fromExecutor(this);

    void bind(Connection connection) {
      loop = connection.channel().eventLoop();
    }

    @Override
    public void execute(Runnable cancel) {
      io.netty.channel.EventLoop l = loop;
      if (l == null || l.inEventLoop()) {
        cancel.run();
      } else {
        try {
          l.execute(cancel);
        } catch (java.util.concurrent.RejectedExecutionException shutDown) {
          cancel.run();
        }
      }
    }
  }

  private <T> Mono<T> receive(HttpRequest request, HttpClientResponse res, Connection conn, ResponseHandler<T> handler) {
    long declared = contentLength(res);
    if (declared > maxResponseBytes) {
      conn.dispose();
      return Mono.error(tooLarge(request, res.status().code()));
    }
    int status = res.status().code();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Map.Entry<String, String> h : res.responseHeaders()) {
      headers.computeIfAbsent(Headers.lower(h.getKey()), k -> new ArrayList<>(1)).add(h.getValue());
    }
    if (status >= 200 && status < 300) {
      HttpResponse head = HttpResponse.builder().status(status).headers(headers).body(HttpResponse.EMPTY).build();
      return Mono.using(
              () -> new PooledAggregate(conn.channel().alloc(), maxResponseBytes),
              body ->
                  conn.inbound()
                      .receive()
                      .doOnNext(body::add)
                      .then(Mono.fromCallable(() -> body.decode(handler, head))),
              PooledAggregate::close)
          .doOnError(TooLarge.class, e -> conn.dispose())
          .onErrorMap(TooLarge.class, e -> tooLarge(request, status));
    }
    return conn.inbound()
        .receive()
        .reduceWith(() -> new Accumulator(declared, maxResponseBytes), Accumulator::append)
        .doOnError(e -> conn.dispose())
        .onErrorMap(TooLarge.class, e -> tooLarge(request, status))
        .map(
            acc ->
                handler.onFailure(
                    HttpResponse.builder()
                        .status(status)
                        .headers(headers)
                        .body(acc.toBuffer())
                        .build()));
  }

  /** Carries a handler's own failure past the transport's error mapping. */
  private static final class HandlerFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HandlerFailure(Throwable cause) {
      super(cause.toString(), cause, false, false);
    }
  }

  /**
   * A success body kept in Netty's pooled buffers until the handler has read it. Cancellation may
   * arrive on any thread while the event loop is still adding chunks or the handler is still reading:
   * chunks are only retained while the aggregate is open (under its lock), and the reader holds its own
   * reference, so whichever of close and decode comes last frees the buffers, exactly once. Like
   * {@link Accumulator}, it fails with {@link TooLarge} past the body limit.
   */
  private static final class PooledAggregate {
    private final CompositeByteBuf parts;
    private final int max;
    private boolean closed; // guarded by this

    PooledAggregate(ByteBufAllocator alloc, int max) {
      this.parts = alloc.compositeBuffer(Integer.MAX_VALUE);
      this.max = max;
    }

    /** Called on the event loop before Reactor Netty releases {@code chunk} after onNext. */
    synchronized void add(ByteBuf chunk) {
      if (closed) {
        return;
      }
      if ((long) parts.readableBytes() + chunk.readableBytes() > max) {
        throw new TooLarge();
      }
      parts.addComponent(true, chunk.retain());
    }

    /** Runs the handler over the body; null (an empty Mono) when cancelled before it could. */
    <T> T decode(ResponseHandler<T> handler, HttpResponse head) {
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

    synchronized void close() {
      if (!closed) {
        closed = true;
        parts.release();
      }
    }
  }

  /** A body still in Netty's (pooled) buffer, valid while the handler runs. */
  private static final class PooledBody implements ResponseBody {
    private final ByteBuf buf;

    PooledBody(ByteBuf buf) {
      this.buf = buf;
    }

    @Override
    public java.io.InputStream stream() {
      return new io.netty.buffer.ByteBufInputStream(buf.duplicate(), false);
    }

    @Override
    public int length() {
      return buf.readableBytes();
    }
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

  private DecodingException tooLarge(HttpRequest request, int status) {
    return Errors.get().tooLarge(request, status, maxResponseBytes);
  }

  /** Maps a Netty failure to the error model; JDK failures are mapped by the error factory. */
  static ApiException map(HttpRequest request, Throwable e) {
    Errors errors = Errors.get();
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

  /**
   * Frees the connection pool this transport created (a user's {@link HttpClient} is left alone).
   * On a non-blocking thread (a Netty event loop, a Reactor parallel worker) it does not wait: the
   * pool is disposed in the background, as {@link #closeAsync()} would.
   */
  @Override
  public void close() {
    if (Schedulers.isInNonBlockingThread()) {
      closeAsync().subscribe(null, e -> LOG.warn("closing the connection pool failed", e));
    } else {
      closeAsync().block(Duration.ofSeconds(10));
    }
  }

  /**
   * Frees the connection pool this transport created, without blocking.
   *
   * @return completes when the pool is disposed
   */
  @Override
  public Mono<Void> closeAsync() {
    return ownedProvider == null ? Mono.empty() : ownedProvider.disposeLater();
  }

  @Override
  public String toString() {
    return "ReactorNettyTransport{responseTimeout=" + responseTimeout + ", maxResponseBytes=" + maxResponseBytes + "}";
  }

  /** Signals a body over the limit from inside the accumulator. */
  private static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super(null, null, false, false);
    }
  }

  /** Copies body chunks into one array, grown as bytes arrive. */
  private static final class Accumulator {
    static final int INITIAL = 8192;
    private final int max;
    private byte[] bytes;
    private int length;

    Accumulator(long declared, int max) {
      this.max = max;
      // grow from a small buffer: a declared length is a claim, not bytes that have arrived
      this.bytes = new byte[(int) Math.min(declared >= 0 ? declared : INITIAL, INITIAL)];
    }

    Accumulator append(ByteBuf buf) {
      int n = buf.readableBytes();
      if ((long) length + n > max) {
        throw new TooLarge();
      }
      if (length + n > bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, (int) Math.min(max, Math.max((long) bytes.length * 2, (long) length + n)));
      }
      buf.readBytes(bytes, length, n);
      length += n;
      return this;
    }

    ByteBuffer toBuffer() {
      return ByteBuffer.wrap(bytes, 0, length).slice().asReadOnlyBuffer();
    }
  }

  /** Builds {@link ReactorNettyTransport}s. Not thread-safe. */
  public static final class Builder {
    private @Nullable HttpClient httpClient;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration responseTimeout = Duration.ofSeconds(30);
    private int maxConnections = 64;
    private int pendingAcquireMaxCount = 65_536;
    private Duration pendingAcquireTimeout = Duration.ofSeconds(45);
    private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private boolean compression = true;
    private String userAgent = UserAgent.defaultValue();

    Builder() {}

    /**
     * Uses this client (its pool, TLS, proxy, metrics) instead of creating one.
     *
     * @param httpClient the client
     * @return this builder
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * Connect timeout. Default 10 s.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * The longest wait for response bytes (first byte, or between reads). Default 30 s.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder responseTimeout(Duration timeout) {
      this.responseTimeout = positive(timeout, "responseTimeout");
      return this;
    }

    /**
     * Pool size (ignored with a user {@link HttpClient}). Default 64.
     *
     * @param max at least 1
     * @return this builder
     */
    public Builder maxConnections(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxConnections must be >= 1, was " + max);
      }
      this.maxConnections = max;
      return this;
    }

    /**
     * How many requests may wait for a pooled connection (ignored with a user {@link HttpClient}).
     * Default 65,536; beyond, requests fail at once with a pool-exhausted {@link TransportException}.
     *
     * @param max at least 1
     * @return this builder
     */
    public Builder pendingAcquireMaxCount(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("pendingAcquireMaxCount must be >= 1, was " + max);
      }
      this.pendingAcquireMaxCount = max;
      return this;
    }

    /**
     * How long a request may wait for a pooled connection. Default 45 s.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder pendingAcquireTimeout(Duration timeout) {
      this.pendingAcquireTimeout = positive(timeout, "pendingAcquireTimeout");
      return this;
    }

    /**
     * The largest response body accepted. Default 16 MiB.
     *
     * @param max at least 1
     * @return this builder
     */
    public Builder maxResponseBytes(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxResponseBytes must be >= 1, was " + max);
      }
      this.maxResponseBytes = max;
      return this;
    }

    /**
     * Whether to ask for gzip and decompress. Default true.
     *
     * @param enabled on or off
     * @return this builder
     */
    public Builder compression(boolean enabled) {
      this.compression = enabled;
      return this;
    }

    /**
     * The {@code User-Agent} sent when a request has none.
     *
     * @param userAgent non-blank
     * @return this builder
     */
    public Builder userAgent(String userAgent) {
      Objects.requireNonNull(userAgent, "userAgent");
      if (userAgent.isBlank()) {
        throw new IllegalArgumentException("userAgent must not be blank");
      }
      Headers.checkValue("User-Agent", userAgent);
      this.userAgent = userAgent;
      return this;
    }

    /** Builds the transport. */
    public ReactorNettyTransport build() {
      return new ReactorNettyTransport(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }
  }
}
