package io.trackflow.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.core.ClientConfig;
import io.trackflow.core.auth.AccessToken;
import io.trackflow.core.auth.ApiKeyAuth;
import io.trackflow.core.auth.AuthStrategy;
import io.trackflow.core.auth.BearerTokenAuth;
import io.trackflow.core.error.ApiException;
import io.trackflow.core.error.DecodingException;
import io.trackflow.core.error.HttpStatusException;
import io.trackflow.core.error.NotFoundException;
import io.trackflow.core.error.RateLimitException;
import io.trackflow.core.error.ServerException;
import io.trackflow.core.error.TimeoutException;
import io.trackflow.core.error.TransportException;
import io.trackflow.core.error.UnauthorizedException;
import io.trackflow.core.error.ValidationException;
import io.trackflow.core.http.HttpMethod;
import io.trackflow.core.http.HttpRequest;
import io.trackflow.core.http.HttpResponse;
import io.trackflow.core.http.ReactorNettyTransport;
import io.trackflow.core.ratelimit.RateLimiter;
import io.trackflow.core.ratelimit.RateLimits;
import io.trackflow.core.retry.RetryPolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

class ApiClientTest {

    /** One scripted answer: status, headers, body. */
    record Answer(int status, Map<String, String> headers, String body) {
        static Answer of(int status, String body) {
            return new Answer(status, Map.of("Content-Type", "application/json"), body);
        }
    }

    private DisposableServer server;
    private ReactorNettyTransport transport;
    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();

    private static final RetryPolicy FAST = RetryPolicy.builder()
            .initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(5))
            .build();

    @BeforeEach
    void start() {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((req, res) -> {
                    Map<String, String> h = new java.util.HashMap<>();
                    req.requestHeaders().forEach(e -> h.put(e.getKey().toLowerCase(), e.getValue()));
                    h.put(":method", req.method().name());
                    h.put(":uri", req.uri());
                    received.add(h);
                    Answer a = script.poll();
                    if (a == null) {
                        a = Answer.of(200, "{}");
                    }
                    Answer answer = a;
                    long delay = Long.parseLong(answer.headers().getOrDefault("x-test-delay-ms", "0"));
                    answer.headers().forEach((k, v) -> {
                        if (!k.equals("x-test-delay-ms")) {
                            res.header(k, v);
                        }
                    });
                    return Mono.delay(Duration.ofMillis(delay))
                            .then(res.status(answer.status())
                                    .sendString(Mono.just(answer.body()))
                                    .then());
                })
                .bindNow();
        transport = ReactorNettyTransport.builder()
                .responseTimeout(Duration.ofSeconds(2))
                .build();
    }

    @AfterEach
    void stop() {
        transport.close();
        server.disposeNow();
    }

    private ApiClient caller(AuthStrategy auth, RetryPolicy retry) {
        return ApiClient.builder(URI.create("http://127.0.0.1:" + server.port() + "/v1/"))
                .retryPolicy(retry)
                .transport(transport)
                .auth(auth)
                .defaultHeader("Accept", "application/json")
                .build();
    }

    /** A client on {@code config} with no auth and no default header. */
    private ApiClient bare(ClientConfig config) {
        return ApiClient.builder(config.baseUrl())
                .retryPolicy(config.retryPolicy())
                .totalTimeout(config.totalTimeout())
                .transport(transport)
                .build();
    }

    /** The whole 2xx response, body copied. */
    private static final BodyReader<HttpResponse> WHOLE = (head, body) -> HttpResponse.builder()
            .from(head)
            .body(java.nio.ByteBuffer.wrap(body.readAllBytes()).asReadOnlyBuffer())
            .build();

    private HttpRequest get(ApiClient c, String... path) {
        return HttpRequest.get(c.uri(List.of(path), List.of(Map.entry("filter[name]", "a b"))));
    }

    @Test
    void theBaseUrlFollowsTheRulesOfAProvidersBuilder() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ApiClient.builder(URI.create("https://user:s3cret@example.com/v1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user-info")
                .hasMessageNotContaining("s3cret");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ApiClient.builder(URI.create("https://example.com/v1?key=abc")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("query");
        ApiClientBuilder plain =
                ApiClient.builder(URI.create("http://example.com/v1")).transport(transport);
        org.assertj.core.api.Assertions.assertThatThrownBy(plain::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain http");
        try (ApiClient allowed = plain.allowInsecureHttp(true).build()) {
            assertThat(allowed.uri(List.of("tracks"), List.of())).hasToString("http://example.com/v1/tracks");
        }
        try (ApiClient loopback = ApiClient.builder(URI.create("http://127.0.0.1:1/v1/"))
                .transport(transport)
                .build()) {
            assertThat(loopback.uri(List.of("tracks"), List.of())).hasToString("http://127.0.0.1:1/v1/tracks");
        }
    }

    @Test
    void successSendsAuthDefaultsAndEncodedQuery() {
        ApiClient c = caller(ApiKeyAuth.header("X-Api-Key", "sekret"), FAST);
        script.add(Answer.of(200, "{\"ok\":true}"));
        StepVerifier.create(
                        c.call(get(c, "tracks", "5"), (h, b) -> new String(b.readAllBytes(), StandardCharsets.UTF_8)))
                .expectNext("{\"ok\":true}")
                .verifyComplete();
        Map<String, String> h = received.get(0);
        assertThat(h.get("x-api-key")).isEqualTo("sekret");
        assertThat(h.get("accept")).isEqualTo("application/json");
        assertThat(h.get(":uri")).isEqualTo("/v1/tracks/5?filter%5Bname%5D=a%20b");
    }

    @Test
    void statusesMapToTypedErrorsLedByTheProviderMessage() {
        ApiClient c = caller(AuthStrategy.none(), RetryPolicy.none());
        script.add(new Answer(404, Map.of("X-Request-Id", "req-9"), "{\"code\":404,\"message\":\"Not found\"}"));
        StepVerifier.create(c.call(get(c, "x"), WHOLE))
                .expectErrorSatisfies(e -> {
                    assertThat(e)
                            .isInstanceOf(NotFoundException.class)
                            .hasMessageStartingWith("Not found (HTTP 404 GET http://127.0.0.1:");
                    NotFoundException n = (NotFoundException) e;
                    assertThat(n.status()).isEqualTo(404);
                    assertThat(n.errorCode()).contains("404");
                    assertThat(n.requestId()).contains("req-9");
                    assertThat(n.attempts()).isEqualTo(1);
                    assertThat(n.bodyExcerpt()).contains("Not found");
                })
                .verify();
        script.add(Answer.of(
                422,
                "{\"code\":422,\"message\":\"Invalid request body\","
                        + "\"errors\":[{\"location\":\"source_id\",\"message\":\"has already been taken\"}]}"));
        StepVerifier.create(c.call(get(c, "x"), WHOLE))
                .expectErrorSatisfies(e -> {
                    assertThat(e)
                            .isInstanceOf(ValidationException.class)
                            .hasMessageContaining("source_id: has already been taken");
                    assertThat(((ValidationException) e).errors())
                            .extracting(f -> f.location())
                            .containsExactly("source_id");
                })
                .verify();
        script.add(new Answer(410, Map.of("Content-Type", "text/html"), "<html>gone</html>"));
        StepVerifier.create(c.call(get(c, "x"), WHOLE))
                .expectErrorSatisfies(e -> {
                    assertThat(e.getClass()).isEqualTo(HttpStatusException.class);
                    assertThat(((HttpStatusException) e).status()).isEqualTo(410);
                    assertThat(((HttpStatusException) e).bodyExcerpt()).isEqualTo("<html>gone</html>");
                })
                .verify();
    }

    @Test
    void retriesTransientStatusesForGetAndReportsAttempts() {
        ApiClient c = caller(AuthStrategy.none(), FAST);
        script.add(Answer.of(503, "{}"));
        script.add(Answer.of(502, "<html>bad gateway</html>"));
        script.add(Answer.of(200, "{\"n\":1}"));
        StepVerifier.create(c.call(get(c, "x"), (h, b) -> new String(b.readAllBytes(), StandardCharsets.UTF_8)))
                .expectNext("{\"n\":1}")
                .verifyComplete();
        assertThat(received).hasSize(3);

        for (int i = 0; i < 4; i++) {
            script.add(Answer.of(500, "{\"message\":\"boom\"}"));
        }
        StepVerifier.create(c.call(get(c, "x"), WHOLE))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOfSatisfying(
                                ServerException.class,
                                s -> assertThat(s.attempts()).isEqualTo(4)))
                .verify();
    }

    @Test
    void postIsNotRetriedOnAServerError() {
        ApiClient c = caller(AuthStrategy.none(), FAST);
        script.add(Answer.of(503, "{}"));
        HttpRequest post = HttpRequest.builder()
                .method(HttpMethod.POST)
                .uri(c.uri(List.of("x"), List.of()))
                .body("{}".getBytes(StandardCharsets.UTF_8))
                .build();
        StepVerifier.create(c.call(post, WHOLE))
                .expectError(ServerException.class)
                .verify();
        assertThat(received).hasSize(1);
    }

    @Test
    void postIsRetriedWhenItNeverReachedTheServer() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ApiClient c = bare(ClientConfig.builder()
                .baseUrl(URI.create("http://127.0.0.1:" + port))
                .retryPolicy(FAST)
                .build());
        HttpRequest post = HttpRequest.builder()
                .method(HttpMethod.POST)
                .uri(c.uri(List.of("x"), List.of()))
                .build();
        StepVerifier.create(c.call(post, WHOLE))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(TransportException.class, t -> {
                    assertThat(t.isConnectFailure()).isTrue();
                    assertThat(t.attempts()).isEqualTo(4);
                }))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void retryAfterSecondsAndHttpDateAreHonouredAndCapped() {
        ApiClient c = caller(AuthStrategy.none(), FAST);
        script.add(new Answer(429, Map.of("Retry-After", "1"), "{\"message\":\"slow down\"}"));
        script.add(Answer.of(200, "{}"));
        long t0 = System.nanoTime();
        StepVerifier.create(c.call(get(c, "x"), WHOLE)).expectNextCount(1).verifyComplete();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(900));

        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(1));
        script.add(new Answer(503, Map.of("Retry-After", date), "{}"));
        script.add(Answer.of(200, "{}"));
        StepVerifier.create(c.call(get(c, "x"), WHOLE)).expectNextCount(1).verifyComplete();

        script.add(new Answer(
                429, Map.of("Retry-After", "3600"), "{\"message\":\"Too Many Attempts.\",\"retry_after\":3600}"));
        StepVerifier.create(c.call(get(c, "x"), WHOLE))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(RateLimitException.class).hasMessageStartingWith("Too Many Attempts.");
                    assertThat(((RateLimitException) e).retryAfter()).contains(Duration.ofHours(1));
                    assertThat(((RateLimitException) e).attempts()).isEqualTo(1);
                })
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void retryAfterInTheBodyIsUsedWhenNoHeader() {
        ApiClient c = caller(AuthStrategy.none(), RetryPolicy.none());
        script.add(Answer.of(429, "{\"message\":\"Too Many Attempts.\",\"retry_after\":60}"));
        StepVerifier.create(c.call(get(c, "x"), WHOLE))
                .expectErrorSatisfies(
                        e -> assertThat(((RateLimitException) e).retryAfter()).contains(Duration.ofSeconds(60)))
                .verify();
    }

    @Test
    void aMalformedSuccessBodyIsADecodingErrorAndIsNotRetried() {
        ApiClient c = caller(AuthStrategy.none(), FAST);
        script.add(Answer.of(200, "{\"truncated\": [1, 2"));
        StepVerifier.create(c.call(
                        get(c, "x"),
                        (h, b) -> io.trackflow.core.json.Json.read(b, io.trackflow.core.json.RawJson.class)))
                .expectErrorSatisfies(
                        e -> assertThat(e).isInstanceOf(DecodingException.class).hasMessageContaining("HTTP 200"))
                .verify();
        script.add(Answer.of(200, "<!DOCTYPE html><html>maintenance</html>"));
        StepVerifier.create(c.call(
                        get(c, "x"),
                        (h, b) -> io.trackflow.core.json.Json.read(b, io.trackflow.core.json.RawJson.class)))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(DecodingException.class).hasMessageContaining("HTML");
                    assertThat(((DecodingException) e).bodyExcerpt()).contains("maintenance");
                })
                .verify();
        assertThat(received).hasSize(2);
    }

    @Test
    void aRefreshingTokenIsRetriedOnceAfter401WithAFreshToken() {
        AtomicInteger fetched = new AtomicInteger();
        BearerTokenAuth auth = BearerTokenAuth.refreshing(() -> Mono.fromSupplier(() ->
                AccessToken.of("tok-" + fetched.incrementAndGet(), Instant.now().plusSeconds(3600))));
        ApiClient c = caller(auth, FAST);
        script.add(Answer.of(401, "{\"message\":\"Unauthenticated.\"}"));
        script.add(Answer.of(200, "{}"));
        StepVerifier.create(c.call(get(c, "x"), WHOLE)).expectNextCount(1).verifyComplete();
        assertThat(received).extracting(h -> h.get("authorization")).containsExactly("Bearer tok-1", "Bearer tok-2");

        script.add(Answer.of(401, "{\"message\":\"Unauthenticated.\"}"));
        script.add(Answer.of(401, "{\"message\":\"Unauthenticated.\"}"));
        StepVerifier.create(c.call(get(c, "x"), WHOLE))
                .expectErrorSatisfies(e ->
                        assertThat(e).isInstanceOf(UnauthorizedException.class).hasMessageNotContaining("tok-"))
                .verify();
        assertThat(received).hasSize(4);
    }

    @Test
    void aStaticTokenIsNotRetriedAfter401() {
        ApiClient c = caller(BearerTokenAuth.of("static-secret"), FAST);
        script.add(Answer.of(401, "{\"message\":\"Unauthenticated.\"}"));
        StepVerifier.create(c.call(get(c, "x"), WHOLE))
                .expectError(UnauthorizedException.class)
                .verify();
        assertThat(received).hasSize(1);
    }

    @Test
    void aBackoffThatWouldPassTheDeadlineEndsTheCallAtOnceWithTheFailureThatAskedForIt() {
        ApiClient c = bare(ClientConfig.builder()
                .baseUrl(URI.create("http://127.0.0.1:" + server.port()))
                .retryPolicy(RetryPolicy.builder()
                        .initialBackoff(Duration.ofSeconds(5))
                        .maxBackoff(Duration.ofSeconds(5))
                        .jitter(false)
                        .build())
                .totalTimeout(Duration.ofMillis(300))
                .build());
        script.add(Answer.of(503, "{}"));
        StepVerifier.create(c.call(get(c, "x"), WHOLE))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOfSatisfying(
                                ServerException.class,
                                s -> assertThat(s.attempts()).isEqualTo(1)))
                .verify(Duration.ofSeconds(3));
        assertThat(received).hasSize(1);
    }

    @Test
    void durationsPastWhatNanosecondsCountAreTheLongestTheyCanBeNotAnOverflow() {
        // a total timeout of a million days is no deadline at all (it once failed every call with an
        // ArithmeticException); a backoff as long is past the deadline of a call that has one
        ApiClient endless = bare(ClientConfig.builder()
                .baseUrl(URI.create("http://127.0.0.1:" + server.port()))
                .totalTimeout(Duration.ofDays(1_000_000))
                .build());
        script.add(Answer.of(200, "{}"));
        StepVerifier.create(endless.call(get(endless, "x"), WHOLE))
                .assertNext(r -> assertThat(r.status()).isEqualTo(200))
                .verifyComplete();
        ApiClient slow = bare(ClientConfig.builder()
                .baseUrl(URI.create("http://127.0.0.1:" + server.port()))
                .retryPolicy(RetryPolicy.builder()
                        .initialBackoff(Duration.ofDays(1_000_000))
                        .maxBackoff(Duration.ofDays(1_000_000))
                        .build())
                .totalTimeout(Duration.ofSeconds(5))
                .build());
        script.add(Answer.of(503, "{}"));
        StepVerifier.create(slow.call(get(slow, "x"), WHOLE))
                .expectError(ServerException.class)
                .verify(Duration.ofSeconds(3));
        RateLimiter perMillennia = RateLimits.fixed(1, Duration.ofDays(1_000_000));
        StepVerifier.create(perMillennia.acquire(get(slow, "x"), Long.MAX_VALUE))
                .expectNextCount(1)
                .verifyComplete();
    }

    @Test
    void aRetryAfterLongerThanWhatIsLeftOfTheDeadlineSurfacesTheRateLimitAtOnce() {
        ApiClient c = bare(ClientConfig.builder()
                .baseUrl(URI.create("http://127.0.0.1:" + server.port()))
                .totalTimeout(Duration.ofSeconds(5))
                .build());
        script.add(new Answer(
                429,
                Map.of("Content-Type", "application/json", "Retry-After", "30"),
                "{\"message\":\"Too Many Attempts.\",\"retry_after\":30}"));
        long started = System.nanoTime();
        StepVerifier.create(c.call(get(c, "x"), WHOLE))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(RateLimitException.class, r -> {
                    assertThat(r.retryAfter()).contains(Duration.ofSeconds(30));
                    assertThat(r.attempts()).isEqualTo(1);
                }))
                .verify(Duration.ofSeconds(3));
        // a RateLimitException (not a TOTAL timeout) before the 5 s deadline: the wait was never started
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aTotalTimeoutCarriesTheLastFailureAsItsCause() {
        ApiClient c = bare(ClientConfig.builder()
                .baseUrl(URI.create("http://127.0.0.1:" + server.port()))
                .retryPolicy(FAST)
                .totalTimeout(Duration.ofMillis(500))
                .build());
        script.add(Answer.of(503, "{}"));
        script.add(new Answer(200, Map.of("Content-Type", "application/json", "x-test-delay-ms", "1500"), "{}"));
        StepVerifier.create(c.call(get(c, "x"), WHOLE))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(TimeoutException.class, t -> {
                    assertThat(t.kind()).isEqualTo(TimeoutException.Kind.TOTAL);
                    assertThat(t.getCause()).isInstanceOf(ServerException.class);
                    assertThat(t.attempts()).isEqualTo(2);
                }))
                .verify(Duration.ofSeconds(3));
    }

    @Test
    void nothingIsSentBeforeSubscriptionAndEachSubscriptionSendsAgain() {
        ApiClient c = caller(AuthStrategy.none(), FAST);
        Mono<?> call = c.call(get(c, "x"), WHOLE);
        assertThat(received).isEmpty();
        call.block();
        call.block();
        assertThat(received).hasSize(2);
    }

    @Test
    void secretsNeverAppearInErrorsOrToString() {
        ApiClient c = caller(ApiKeyAuth.header("X-Api-Key", "sekret-key-123"), RetryPolicy.none());
        script.add(Answer.of(401, "{\"code\":401,\"message\":\"Unauthorized\"}"));
        List<String> texts = new ArrayList<>();
        StepVerifier.create(c.call(get(c, "x"), WHOLE))
                .expectErrorSatisfies(e -> {
                    texts.add(e.toString());
                    texts.add(String.valueOf(((ApiException) e).getMessage()));
                    texts.add(((HttpStatusException) e).uri().toString());
                })
                .verify();
        texts.add(c.toString());
        assertThat(texts).noneMatch(t -> t.contains("sekret-key-123"));
    }
}
