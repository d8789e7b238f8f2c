package io.trackflow.testkit;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * What both fake servers share: the HTTP server, request recording and counting, faults and latency,
 * the rate limit, the {@code Date} header and the headers to leave out.
 */
abstract class FakeHttpServer implements AutoCloseable {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private final DisposableServer server;
    private final Faults faults = new Faults();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final boolean recording;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicInteger openConnections = new AtomicInteger();
    private final AtomicLong acceptedConnections = new AtomicLong();
    private final @Nullable RateLimitWindow window;
    private final boolean rateLimitHeaders;
    private final boolean resetAsDelta;
    private final boolean resetFloored;
    private final Clock clock;
    private final Set<String> omitted;

    FakeHttpServer(FakeServerBuilder<?> b) {
        this.recording = b.recording;
        Duration w = b.rateLimitWindow;
        this.window = w == null ? null : new RateLimitWindow(b.rateLimit, w);
        this.rateLimitHeaders = b.rateLimitHeaders;
        this.resetAsDelta = b.resetAsDelta;
        this.resetFloored = b.resetRounding == RoundingMode.FLOOR;
        this.clock = Clock.offset(Clock.systemUTC(), b.clockSkew);
        this.omitted = Set.copyOf(b.omittedHeaders);
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(b.port)
                .compress(b.gzip)
                // per channel, not per request (doOnConnection is per request on a kept-alive connection)
                .doOnChannelInit((observer, channel, remote) -> {
                    acceptedConnections.incrementAndGet();
                    openConnections.incrementAndGet();
                    channel.closeFuture().addListener(f -> openConnections.decrementAndGet());
                })
                .handle(this::handle)
                .bindNow(Duration.ofSeconds(10));
    }

    /** Answers a request that neither a fault nor the rate limit intercepted. */
    abstract Reply route(RecordedRequest request);

    /** The provider-shaped error answer for a {@link Fault.Kind#STATUS} fault. */
    abstract Reply errorReply(int status, RecordedRequest request);

    /** The provider's 429 body for a request the rate limit refused; {@code Retry-After} is added. */
    abstract Reply tooManyAttempts(long retryAfterSeconds);

    /** A 429 as the rate limit sends it: the provider's body with {@code Retry-After}. */
    final Reply rateLimited(long retryAfterSeconds) {
        return tooManyAttempts(retryAfterSeconds).with("Retry-After", String.valueOf(retryAfterSeconds));
    }

    /** The seconds a refused request would be told to wait now (a whole window when none is open). */
    final long currentRetryAfter() {
        return window == null ? 60 : window.peek().retryAfterSeconds();
    }

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

    /**
     * The number of requests received since the start or the last {@link #clearRequests()}, whatever
     * answered them; counted even when recording is off.
     */
    public long requestCount() {
        return received.get();
    }

    /**
     * The number of {@code 429}s the rate limit answered since the start or the last {@link
     * #clearRequests()}; injected {@link Fault}s are not included (see {@link Faults#injected()}).
     */
    public long rateLimitedCount() {
        return refused.get();
    }

    /**
     * Forgets recorded requests, zeroes {@link #requestCount()} and {@link #rateLimitedCount()}, and
     * resets the in-flight high-water mark. The rate-limit window itself runs on.
     */
    public void clearRequests() {
        synchronized (requests) {
            requests.clear();
        }
        received.set(0);
        refused.set(0);
        maxInFlight.set(inFlight.get());
    }

    /** The client connections open now (a pool's idle keep-alive connections included). */
    public int openConnections() {
        return openConnections.get();
    }

    /** The client connections accepted since the start. */
    public long acceptedConnections() {
        return acceptedConnections.get();
    }

    /** The most requests that were being answered at the same time. */
    public int maxConcurrentRequests() {
        return maxInFlight.get();
    }

    /** Stops the server (waits up to 10 s for it to let go of its port). */
    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(10));
    }

    private Publisher<Void> handle(HttpServerRequest req, HttpServerResponse res) {
        received.incrementAndGet();
        return req.receive()
                .aggregate()
                .asString(StandardCharsets.UTF_8)
                .defaultIfEmpty("")
                .flatMap(body -> {
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
                    AtomicBoolean counted = new AtomicBoolean(true);
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

    private Mono<Void> answer(HttpServerRequest req, HttpServerResponse res, RecordedRequest r, @Nullable Fault fault) {
        if (fault == null || fault.kind() == Fault.Kind.LATENCY) {
            RateLimitWindow.Verdict v = window == null ? null : window.attempt();
            if (v != null && !v.allowed()) {
                refused.incrementAndGet();
                return send(res, rateLimited(v.retryAfterSeconds()), v);
            }
            return send(res, route(r), v);
        }
        RateLimitWindow.Verdict now = window == null ? null : window.peek();
        switch (fault.kind()) {
            case STATUS: {
                // a 429 told to wait a number of seconds says the same number in its body, if it has one
                String wait = fault.retryAfter().orElse("");
                Reply e = fault.status() == 429 && wait.matches("\\d{1,9}")
                        ? rateLimited(Long.parseLong(wait))
                        : errorReply(fault.status(), r);
                fault.retryAfter().ifPresent(v -> e.headers.put("Retry-After", v));
                return send(res, e, now != null && fault.status() == 429 ? now.exhausted() : now);
            }
            case RESET_BEFORE_RESPONSE:
                req.withConnection(c -> c.channel().close());
                return Mono.never();
            case RESET_MID_BODY:
            case STALL: {
                Reply ok = route(r);
                byte[] half = Arrays.copyOf(ok.body, ok.body.length / 2);
                writeHead(res, ok, now);
                res.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(ok.body.length));
                Mono<Void> partial =
                        res.sendObject(Flux.just(Unpooled.wrappedBuffer(half))).then();
                if (fault.kind() == Fault.Kind.STALL) {
                    return partial.then(Mono.never());
                }
                return partial.then(Mono.fromRunnable(
                        () -> req.withConnection(c -> c.channel().close())));
            }
            case TRUNCATED_JSON: {
                Reply ok = route(r);
                byte[] cut = Arrays.copyOf(ok.body, Math.max(1, ok.body.length * 3 / 5));
                return send(res, new Reply(ok.status, ok.headers, cut), now);
            }
            case REDIRECT: {
                Map<String, String> h = new LinkedHashMap<>();
                h.put("Location", fault.location().orElse("/"));
                h.put("Content-Type", "text/html");
                return send(res, new Reply(302, h, new byte[0]), null);
            }
            default: {
                // a body from elsewhere (a proxy, a load balancer): no rate-limit headers
                Map<String, String> h = new LinkedHashMap<>();
                h.put("Content-Type", fault.contentType());
                fault.retryAfter().ifPresent(v -> h.put("Retry-After", v));
                byte[] body = fault.rawBody();
                return send(res, new Reply(fault.status(), h, body == null ? new byte[0] : body), null);
            }
        }
    }

    private Mono<Void> send(HttpServerResponse res, Reply reply, RateLimitWindow.@Nullable Verdict verdict) {
        writeHead(res, reply, verdict);
        return res.sendByteArray(Mono.just(reply.body)).then();
    }

    /** Status and headers: {@code Date}, the rate-limit headers, the reply's own; minus the omitted. */
    private void writeHead(HttpServerResponse res, Reply reply, RateLimitWindow.@Nullable Verdict verdict) {
        Instant now = clock.instant();
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Date", HTTP_DATE.format(now));
        if (verdict != null && rateLimitHeaders) {
            h.putAll(verdict.headers(now, resetAsDelta, resetFloored));
        }
        h.putAll(reply.headers);
        res.status(reply.status);
        h.forEach((name, value) -> {
            if (!omitted.contains(name.toLowerCase(Locale.ROOT))) {
                res.header(name, value);
            }
        });
    }

    private static RecordedRequest record(HttpServerRequest req, String body) {
        QueryStringDecoder qs = new QueryStringDecoder(req.uri(), StandardCharsets.UTF_8, true, 1024, true);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        req.requestHeaders()
                .forEach(e -> headers.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(e.getValue()));
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
