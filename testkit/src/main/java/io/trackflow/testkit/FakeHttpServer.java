package io.trackflow.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.trackflow.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/** What both fake servers share: the HTTP server, request recording, faults and latency. */
abstract class FakeHttpServer implements AutoCloseable {

  /** A complete answer. */
  static final class Reply {
    final int status;
    final Map<String, String> headers;
    final byte[] body;

    Reply(int status, Map<String, String> headers, byte[] body) {
      this.status = status;
      this.headers = headers;
      this.body = body;
    }

    static Reply json(int status, Object body) {
      return json(status, body, new LinkedHashMap<>());
    }

    static Reply json(int status, Object body, Map<String, String> headers) {
      try {
        return raw(status, headers, Json.writer().writeValueAsBytes(body));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    static Reply raw(int status, Map<String, String> headers, byte[] body) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.putIfAbsent("Content-Type", "application/json");
      return new Reply(status, h, body);
    }
  }

  private final DisposableServer server;
  private final Faults faults = new Faults();
  private final List<RecordedRequest> requests = new java.util.ArrayList<>();
  private final boolean recording;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  FakeHttpServer(boolean gzip, int port, boolean recording) {
    this.recording = recording;
    this.server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(port)
            .compress(gzip)
            .handle(this::handle)
            .bindNow(Duration.ofSeconds(10));
  }

  /** Answers a request that no fault intercepted. */
  abstract Reply route(RecordedRequest request);

  /** The provider-shaped error answer for a {@link Fault.Kind#STATUS} fault. */
  abstract Reply errorReply(int status, RecordedRequest request);

  /** The port the server listens on (loopback). */
  public int port() {
    return server.port();
  }

  /** The faults to inject. */
  public Faults faults() {
    return faults;
  }

  /** Every request received so far, in arrival order (empty when recording is off). */
  public List<RecordedRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** Forgets recorded requests and the in-flight high-water mark. */
  public void clearRequests() {
    synchronized (requests) {
      requests.clear();
    }
    maxInFlight.set(inFlight.get());
  }

  /** The most requests that were being answered at the same time. */
  public int maxConcurrentRequests() {
    return maxInFlight.get();
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.disposeNow(Duration.ofSeconds(10));
  }

  private Publisher<Void> handle(HttpServerRequest req, HttpServerResponse res) {
    return req.receive()
        .aggregate()
        .asString(StandardCharsets.UTF_8)
        .defaultIfEmpty("")
        .flatMap(
            body -> {
              RecordedRequest r = record(req, body);
              if (recording) {
                synchronized (requests) {
                  requests.add(r);
                }
              }
              maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
              Optional<Fault> fault = faults.take(r);
              Duration delay = faults.latencyFor(r);
              if (fault.isPresent() && fault.get().kind() == Fault.Kind.LATENCY) {
                delay = delay.plus(fault.get().delay());
              }
              // a request stops counting as in flight once its answer starts: the client may send
              // its next request as soon as it has read this answer
              java.util.concurrent.atomic.AtomicBoolean counted = new java.util.concurrent.atomic.AtomicBoolean(true);
              Runnable done = () -> {
                if (counted.compareAndSet(true, false)) {
                  inFlight.decrementAndGet();
                }
              };
              Mono<Void> answer = Mono.defer(() -> {
                done.run();
                return answer(req, res, r, fault.orElse(null));
              });
              return (delay.isZero() ? answer : Mono.delay(delay).then(answer)).doFinally(s -> done.run());
            });
  }

  private Mono<Void> answer(HttpServerRequest req, HttpServerResponse res, RecordedRequest r, Fault fault) {
    if (fault == null || fault.kind() == Fault.Kind.LATENCY) {
      return send(res, route(r));
    }
    switch (fault.kind()) {
      case STATUS: {
        Reply e = errorReply(fault.status(), r);
        fault.retryAfter().ifPresent(v -> e.headers.put("Retry-After", v));
        return send(res, e);
      }
      case RESET_BEFORE_RESPONSE:
        req.withConnection(c -> c.channel().close());
        return Mono.never();
      case RESET_MID_BODY:
      case STALL: {
        Reply ok = route(r);
        byte[] half = java.util.Arrays.copyOf(ok.body, ok.body.length / 2);
        res.status(ok.status);
        ok.headers.forEach(res::header);
        res.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(ok.body.length));
        Mono<Void> partial = res.sendObject(Flux.just(Unpooled.wrappedBuffer(half))).then();
        if (fault.kind() == Fault.Kind.STALL) {
          return partial.then(Mono.never());
        }
        return partial.then(Mono.fromRunnable(() -> req.withConnection(c -> c.channel().close())));
      }
      case TRUNCATED_JSON: {
        Reply ok = route(r);
        byte[] cut = java.util.Arrays.copyOf(ok.body, Math.max(1, ok.body.length * 3 / 5));
        return send(res, new Reply(ok.status, ok.headers, cut));
      }
      case REDIRECT: {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Location", fault.location().orElse("/"));
        h.put("Content-Type", "text/html");
        return send(res, new Reply(302, h, new byte[0]));
      }
      default: {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", fault.contentType());
        fault.retryAfter().ifPresent(v -> h.put("Retry-After", v));
        return send(res, new Reply(fault.status(), h, fault.rawBody()));
      }
    }
  }

  private static Mono<Void> send(HttpServerResponse res, Reply reply) {
    res.status(reply.status);
    reply.headers.forEach(res::header);
    return res.sendByteArray(Mono.just(reply.body)).then();
  }

  private static RecordedRequest record(HttpServerRequest req, String body) {
    QueryStringDecoder qs = new QueryStringDecoder(req.uri(), StandardCharsets.UTF_8, true, 1024, true);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    req.requestHeaders()
        .forEach(e -> headers.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(e.getValue()));
    return RecordedRequest.builder()
        .method(req.method().name())
        .path(qs.path())
        .rawUri(req.uri())
        .query(qs.parameters())
        .headers(headers)
        .body(body)
        .build();
  }
}
