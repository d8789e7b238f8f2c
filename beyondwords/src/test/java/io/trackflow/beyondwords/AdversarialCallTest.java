package io.trackflow.beyondwords;

import static io.trackflow.beyondwords.Hostile.h;
import static io.trackflow.beyondwords.Hostile.items;
import static io.trackflow.beyondwords.Hostile.respond;
import static io.trackflow.beyondwords.Hostile.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.beyondwords.model.BackgroundTrackRequest;
import io.trackflow.core.error.ApiException;
import io.trackflow.core.error.RateLimitException;
import io.trackflow.core.error.ServerException;
import io.trackflow.core.error.TimeoutException;
import io.trackflow.core.error.TransportException;
import io.trackflow.core.error.UnauthorizedException;
import io.trackflow.core.http.ReactorNettyTransport;
import io.trackflow.core.ratelimit.RateLimits;
import io.trackflow.core.retry.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class AdversarialCallTest extends HostileServerTest {

    private static Throwable error(Mono<?> m) {
        try {
            m.block(T);
        } catch (Throwable e) {
            return e;
        }
        throw new AssertionError("no error");
    }

    private static Throwable error(Flux<?> m) {
        try {
            m.blockLast(T);
        } catch (Throwable e) {
            return e;
        }
        throw new AssertionError("no error");
    }

    // ---------------- wire formats

    @Test
    void timestampsInEveryForm() {
        String[] forms = {
            "2023-01-01 00:00:00 UTC",
            "2023-01-01T00:00:00Z",
            "2023-01-01T01:00:00+01:00",
            "2022-12-31T19:00:00-05:00",
            "2023-01-01T00:00:00.000Z",
            "2023-01-01T00:00:00.000000Z",
            "2023-01-01T01:00:00.000+01:00",
            "2023-01-01 00:00:00 +0000",
            "2023-01-01T00:00:00+0000",
        };
        AtomicInteger i = new AtomicInteger();
        BackgroundTracks t = start((r, s, out) -> {
            String f = forms[i.getAndIncrement()];
            respond(out, 200, "{\"id\":1,\"name\":\"a\",\"created\":\"" + f + "\",\"updated\":\"" + f + "\"}");
            return true;
        });
        for (String f : forms) {
            BackgroundTrack tr = t.get(1).block(T);
            assertThat(tr.created()).as(f).isEqualTo(Instant.parse("2023-01-01T00:00:00Z"));
            assertThat(tr.updated()).as(f).isEqualTo(Instant.parse("2023-01-01T00:00:00Z"));
        }
    }

    @Test
    void fractionalSecondsKept() {
        BackgroundTracks t = start((r, s, out) -> {
            respond(out, 200, "{\"id\":1,\"name\":\"a\",\"created\":\"2023-01-01T00:00:00.123456Z\"}");
            return true;
        });
        assertThat(t.get(1).block(T).created()).isEqualTo(Instant.parse("2023-01-01T00:00:00.123456Z"));
    }

    @Test
    void projectNullMissingMediaUnknownFieldsNumbersAsStrings() {
        BackgroundTracks t = start((r, s, out) -> {
            respond(
                    out,
                    200,
                    "{\"id\":\"42\",\"name\":\"a\",\"volume\":\"40\",\"project\":null,\"extra\":{\"x\":[1,2]},"
                            + "\"created\":\"2023-01-01 00:00:00 UTC\",\"new_field\":null}");
            return true;
        });
        BackgroundTrack tr = t.get(42).block(T);
        assertThat(tr.id()).isEqualTo(42);
        assertThat(tr.volume()).isEqualTo(40);
        assertThat(tr.project()).isEmpty();
        assertThat(tr.media()).isEmpty();
    }

    @Test
    void mediaDurationAsMillis() {
        BackgroundTracks t = start((r, s, out) -> {
            respond(
                    out,
                    200,
                    "{\"id\":1,\"name\":\"a\",\"media\":{\"url\":\"https://x/y.mp3\",\"duration\":1500},"
                            + "\"project\":{\"id\":3,\"name\":\"p\"},\"created\":\"2023-01-01T00:00:00Z\"}");
            return true;
        });
        BackgroundTrack tr = t.get(1).block(T);
        assertThat(tr.media().orElseThrow().duration()).hasValue(Duration.ofMillis(1500));
        assertThat(tr.project().orElseThrow().id()).isEqualTo(3);
    }

    // ---------------- retries and Retry-After

    @Test
    void retryAfterSecondsHonoured() {
        AtomicInteger n = new AtomicInteger();
        BackgroundTracks t = start((r, s, out) -> {
            if (n.getAndIncrement() == 0) {
                respond(out, 429, h("Retry-After", "1"), "{\"message\":\"slow down\"}");
            } else {
                respond(out, 200, track(1));
            }
            return true;
        });
        t.get(1).block(T);
        List<Hostile.Req> rs = server.requests;
        assertThat(rs).hasSize(2);
        assertThat(TimeUnit.NANOSECONDS.toMillis(rs.get(1).nanos - rs.get(0).nanos))
                .isGreaterThanOrEqualTo(950);
    }

    @Test
    void retryAfterHttpDateHonoured() {
        AtomicInteger n = new AtomicInteger();
        BackgroundTracks t = start((r, s, out) -> {
            if (n.getAndIncrement() == 0) {
                String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
                respond(out, 503, h("Retry-After", date), "{\"message\":\"later\"}");
            } else {
                respond(out, 200, track(1));
            }
            return true;
        });
        t.get(1).block(T);
        List<Hostile.Req> rs = server.requests;
        assertThat(rs).hasSize(2);
        assertThat(TimeUnit.NANOSECONDS.toMillis(rs.get(1).nanos - rs.get(0).nanos))
                .isGreaterThanOrEqualTo(900);
    }

    @Test
    void retryAfterBeyondMaxSurfacesAtOnceWithServersValue() {
        BackgroundTracks t = start((r, s, out) -> {
            respond(out, 429, h("Retry-After", "120"), "{\"message\":\"slow down\"}");
            return true;
        });
        long t0 = System.nanoTime();
        Throwable e = error(t.get(1));
        assertThat(e).isInstanceOf(RateLimitException.class);
        assertThat(((RateLimitException) e).retryAfter()).hasValue(Duration.ofSeconds(120));
        assertThat(server.requests).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void retryAfterAbsurdlyLargeSurfacesAtOnce() {
        // 317 years: far beyond maxRetryAfter, must not be treated as "no Retry-After" and retried
        BackgroundTracks t = start((r, s, out) -> {
            respond(out, 429, h("Retry-After", "9999999999"), "{\"message\":\"slow down\"}");
            return true;
        });
        Throwable e = error(t.get(1));
        assertThat(e).isInstanceOf(RateLimitException.class);
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void tooManyRequestsWithoutRetryAfterIsRetriedWithBackoff() {
        AtomicInteger n = new AtomicInteger();
        BackgroundTracks t = start((r, s, out) -> {
            if (n.getAndIncrement() < 2) {
                respond(out, 429, "{\"message\":\"slow down\"}");
            } else {
                respond(out, 200, track(1));
            }
            return true;
        });
        assertThat(t.get(1).block(T).id()).isEqualTo(1);
        assertThat(server.requests).hasSize(3);
    }

    @Test
    void retriesExhaustedSurfaceTheLastErrorWithAttempts() {
        BackgroundTracks t = start((r, s, out) -> {
            respond(out, 503, "{\"message\":\"down\"}");
            return true;
        });
        Throwable e = error(t.get(1));
        assertThat(e).isInstanceOf(ServerException.class);
        assertThat(((ApiException) e).attempts()).isEqualTo(4);
        assertThat(server.requests).hasSize(4);
    }

    @Test
    void postNotRetriedOn503() {
        BackgroundTracks t = start((r, s, out) -> {
            respond(out, 503, "{\"message\":\"down\"}");
            return true;
        });
        assertThat(error(t.create(BackgroundTrackRequest.builder().name("n").build())))
                .isInstanceOf(ServerException.class);
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void postNotRetriedWhenConnectionResetAfterRequest() {
        BackgroundTracks t = start((r, s, out) -> {
            if (r.method.equals("POST")) {
                Hostile.reset(s);
                return false;
            }
            respond(out, 200, track(1));
            return true;
        });
        t.get(1).block(T); // a pooled keep-alive connection
        assertThat(error(t.create(BackgroundTrackRequest.builder().name("n").build())))
                .isInstanceOf(TransportException.class);
        assertThat(server.requests.stream().filter(r -> r.method.equals("POST")))
                .hasSize(1);
    }

    @Test
    void postNotRetriedWhenClosedWithoutAnswerOnPooledConnection() {
        BackgroundTracks t = start((r, s, out) -> {
            if (r.method.equals("POST")) {
                return false; // closes quietly
            }
            respond(out, 200, track(1));
            return true;
        });
        t.get(1).block(T);
        assertThat(error(t.create(BackgroundTrackRequest.builder().name("n").build())))
                .isInstanceOf(TransportException.class);
        assertThat(server.requests.stream().filter(r -> r.method.equals("POST")))
                .hasSize(1);
    }

    @Test
    void postRetriedWhenConnectRefused() throws Exception {
        int port;
        try (java.net.ServerSocket ss = new java.net.ServerSocket(0)) {
            port = ss.getLocalPort();
        }
        bw = BeyondWordsClient.builder()
                .apiKey(KEY)
                .baseUrl("http://127.0.0.1:" + port + "/v1")
                .retryPolicy(RetryPolicy.builder()
                        .initialBackoff(Duration.ofMillis(700))
                        .maxBackoff(Duration.ofMillis(700))
                        .jitter(false)
                        .build())
                .build();
        CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            server = new Hostile(
                    (r, s, out) -> {
                        respond(out, 201, track(9));
                        return true;
                    },
                    port);
        });
        BackgroundTrack tr = bw.backgroundTracks()
                .create(BackgroundTrackRequest.builder().name("n").build())
                .block(T);
        assertThat(tr.id()).isEqualTo(9);
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void putRetriedOn503() {
        AtomicInteger n = new AtomicInteger();
        BackgroundTracks t = start((r, s, out) -> {
            if (n.getAndIncrement() == 0) {
                respond(out, 503, "{\"message\":\"down\"}");
            } else {
                respond(out, 200, track(1));
            }
            return true;
        });
        t.update(1, BackgroundTrackRequest.builder().volume(5).build()).block(T);
        assertThat(server.requests).hasSize(2);
        assertThat(new String(server.requests.get(1).body)).isEqualTo("{\"volume\":5}");
    }

    // ---------------- deadlines

    @Test
    void totalTimeoutShorterThanRetryAfterFailsAtOnceWithRateLimitException() {
        bw = builder((r, s, out) -> {
                    respond(out, 429, h("Retry-After", "10"), "{\"message\":\"slow down\"}");
                    return true;
                })
                .totalTimeout(Duration.ofSeconds(3))
                .build();
        long t0 = System.nanoTime();
        Throwable e = error(bw.backgroundTracks().get(1));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
        assertThat(e).isInstanceOf(RateLimitException.class);
        assertThat(((RateLimitException) e).retryAfter()).hasValue(Duration.ofSeconds(10));
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void totalTimeoutCarriesLastFailureAsCause() {
        AtomicInteger n = new AtomicInteger();
        bw = builder((r, s, out) -> {
                    if (n.getAndIncrement() == 0) {
                        respond(out, 503, "{\"message\":\"down\"}");
                        return true;
                    }
                    server.awaitHangUp(s, 10_000);
                    return false;
                })
                .totalTimeout(Duration.ofMillis(1500))
                .build();
        long t0 = System.nanoTime();
        Throwable e = error(bw.backgroundTracks().get(1));
        assertThat(e).isInstanceOf(TimeoutException.class);
        assertThat(((TimeoutException) e).kind()).isEqualTo(TimeoutException.Kind.TOTAL);
        assertThat(e.getCause()).isInstanceOf(ServerException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void totalTimeoutOnListingPageCarriesLastFailureAndResumeCursor() {
        AtomicInteger n = new AtomicInteger();
        bw = builder((r, s, out) -> {
                    if (r.offset() == 0) {
                        respond(out, 200, h("X-Pagination-Total-Count", "200"), items(0, 100));
                        return true;
                    }
                    if (n.getAndIncrement() == 0) {
                        Hostile.reset(s);
                        return false;
                    }
                    server.awaitHangUp(s, 10_000);
                    return false;
                })
                .totalTimeout(Duration.ofMillis(1500))
                .build();
        Throwable e = error(bw.backgroundTracks().list());
        assertThat(e).isInstanceOf(TimeoutException.class);
        assertThat(e.getCause()).isInstanceOf(TransportException.class);
        assertThat(((ApiException) e).resumeCursor().orElseThrow().offset()).isEqualTo(100);
    }

    @Test
    void serverRetryAfterPastDeadlineEndsAtOnceWithServerException() {
        bw = builder((r, s, out) -> {
                    respond(out, 503, h("Retry-After", "5"), "{\"message\":\"down\"}");
                    return true;
                })
                .totalTimeout(Duration.ofSeconds(2))
                .build();
        long t0 = System.nanoTime();
        Throwable e = error(bw.backgroundTracks().get(1));
        assertThat(e).isInstanceOf(ServerException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(1500));
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void clientRateLimitHoldPastDeadlineEndsAtOnce() {
        bw = builder((r, s, out) -> {
                    respond(out, 200, track(1));
                    return true;
                })
                .rateLimiter(RateLimits.fixed(1, Duration.ofSeconds(10)))
                .totalTimeout(Duration.ofSeconds(1))
                .build();
        bw.backgroundTracks().get(1).block(T);
        long t0 = System.nanoTime();
        Throwable e = error(bw.backgroundTracks().get(1));
        assertThat(e).isInstanceOf(ApiException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(500));
        assertThat(server.requests).hasSize(1);
    }

    // ---------------- lifecycle

    @Test
    void closeWhileListingInFlightEndsItAndSendsNoMore() throws Exception {
        BackgroundTracks t = start((r, s, out) -> {
            if (r.offset() >= 200) {
                server.awaitHangUp(s, 10_000);
                return false;
            }
            respond(out, 200, h("X-Pagination-Total-Count", "1000"), items(r.offset(), 100));
            return true;
        });
        AtomicReference<Throwable> err = new AtomicReference<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        t.list(BackgroundTrackQuery.builder().concurrency(2).build())
                .subscribe(
                        x -> {},
                        e -> {
                            err.set(e);
                            done.complete(null);
                        },
                        () -> done.complete(null));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (server.listRequests().size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        bw.close();
        done.get(3, TimeUnit.SECONDS);
        assertThat(err.get()).isNotNull();
        // a request sent before the close is read once the server's one thread is free of the hang-up
        Thread.sleep(300);
        int after = server.requests.size();
        Thread.sleep(500);
        assertThat(server.requests).hasSize(after);
        assertThat(server.listRequests().size()).isLessThanOrEqualTo(4);
    }

    @Test
    void fluxAssembledBeforeCloseFailsAfterAndSendsNothing() {
        BackgroundTracks t = start((r, s, out) -> {
            respond(out, 200, items(0, 1));
            return true;
        });
        Flux<BackgroundTrack> f = t.list();
        Mono<BackgroundTrack> g = t.get(1);
        bw.closeAsync().block(T);
        bw.closeAsync().block(T); // twice: harmless
        bw.close();
        assertThat(error(f)).isInstanceOf(IllegalStateException.class).hasMessageContaining("client closed");
        assertThat(error(g)).isInstanceOf(IllegalStateException.class).hasMessageContaining("client closed");
        assertThat(server.requests).isEmpty();
        assertThat(server.connections.get()).isZero();
    }

    @Test
    void sharedTransportClosedByOwnerRefuses() {
        server = new Hostile((r, s, out) -> {
            respond(out, 200, track(1));
            return true;
        });
        ReactorNettyTransport transport = ReactorNettyTransport.create();
        bw = BeyondWordsClient.builder()
                .apiKey(KEY)
                .baseUrl(server.baseUrl())
                .transport(transport)
                .build();
        transport.close();
        Throwable e = error(bw.backgroundTracks().get(1));
        assertThat(e).isInstanceOf(IllegalStateException.class);
        assertThat(server.requests).isEmpty();
        assertThat(server.connections.get()).isZero();
    }

    @Test
    void closeWithSharedTransportCancelsCallInFlight() throws Exception {
        server = new Hostile((r, s, out) -> {
            server.awaitHangUp(s, 10_000);
            return false;
        });
        ReactorNettyTransport transport = ReactorNettyTransport.create();
        try {
            bw = BeyondWordsClient.builder()
                    .apiKey(KEY)
                    .baseUrl(server.baseUrl())
                    .transport(transport)
                    .build();
            CompletableFuture<BackgroundTrack> f = bw.backgroundTracks().get(1).toFuture();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (server.requests.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            bw.close();
            long t0 = System.nanoTime();
            // "close()/closeAsync() cancel what is in flight"
            assertThatThrownBy(() -> f.get(3, TimeUnit.SECONDS))
                    .isNotInstanceOf(java.util.concurrent.TimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
        } finally {
            transport.close();
        }
    }

    @Test
    void closeDuringRetryWaitSendsNoRetry() throws Exception {
        AtomicInteger n = new AtomicInteger();
        BackgroundTracks t = start((r, s, out) -> {
            n.incrementAndGet();
            respond(out, 503, h("Retry-After", "2"), "{\"message\":\"down\"}");
            return true;
        });
        CompletableFuture<BackgroundTrack> f = t.get(1).toFuture();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (server.requests.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(100);
        bw.close();
        long t0 = System.nanoTime();
        Throwable e = null;
        try {
            f.get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException ex) {
            e = ex.getCause();
        }
        assertThat(e).isInstanceOf(IllegalStateException.class);
        Thread.sleep(500);
        assertThat(server.requests).hasSize(1);
        // "cancel what is in flight": the call ends at the close, not at the end of the 2 s wait
        assertThat(Duration.ofNanos(System.nanoTime() - t0 - 500_000_000L)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void closeDuringRetryWaitWithSharedTransportSendsNoRetry() throws Exception {
        server = new Hostile((r, s, out) -> {
            respond(out, 503, h("Retry-After", "1"), "{\"message\":\"down\"}");
            return true;
        });
        ReactorNettyTransport transport = ReactorNettyTransport.create();
        try {
            bw = BeyondWordsClient.builder()
                    .apiKey(KEY)
                    .baseUrl(server.baseUrl())
                    .transport(transport)
                    .build();
            CompletableFuture<BackgroundTrack> f = bw.backgroundTracks().get(1).toFuture();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (server.requests.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(100);
            bw.close();
            try {
                f.get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // whatever it ends with
            }
            Thread.sleep(300);
            // "afterwards every call ... sends nothing"
            assertThat(server.requests).hasSize(1);
        } finally {
            transport.close();
        }
    }

    // ---------------- secrets

    @Test
    void apiKeyNeverInToStringOrErrors() {
        BackgroundTracks t = start((r, s, out) -> {
            respond(out, 401, h("X-Request-Id", "req-1"), "{\"code\":401,\"message\":\"Unauthorized\"}");
            return true;
        });
        Throwable e = error(t.get(1));
        assertThat(e).isInstanceOf(UnauthorizedException.class);
        assertThat(e.toString()).doesNotContain(KEY);
        assertThat(e.getMessage()).doesNotContain(KEY);
        assertThat(((UnauthorizedException) e).uri().toString()).doesNotContain(KEY);
        assertThat(((UnauthorizedException) e).response().toString()).doesNotContain(KEY);
        assertThat(bw.toString()).doesNotContain(KEY);
        assertThat(t.toString()).doesNotContain(KEY);
        assertThat(server.requests.get(0).header("X-Api-Key")).isEqualTo(KEY);
        assertThat(server.requests.get(0).target).doesNotContain(KEY);
    }

    @Test
    void apiKeyEchoedByServerIsRedactedInException() {
        BackgroundTracks t = start((r, s, out) -> {
            respond(out, 401, h("X-Api-Key", KEY), "{\"code\":401,\"message\":\"Invalid API key " + KEY + "\"}");
            return true;
        });
        Throwable e = error(t.get(1));
        StringBuilder all = new StringBuilder(e.toString());
        all.append(((UnauthorizedException) e).bodyExcerpt());
        all.append(((UnauthorizedException) e).response());
        all.append(((UnauthorizedException) e).headers());
        assertThat(all.toString()).doesNotContain(KEY);
    }

    // ---------------- validation

    @Test
    void invalidInputNamesTheArgumentBeforeIo() {
        BackgroundTracks t = start((r, s, out) -> {
            respond(out, 200, "[]");
            return true;
        });
        assertThatThrownBy(() -> BackgroundTrackQuery.builder().pageSize(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pageSize");
        assertThatThrownBy(() -> BackgroundTrackQuery.builder().pageSize(101).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pageSize");
        assertThatThrownBy(() -> BackgroundTrackQuery.builder().maxItems(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxItems");
        assertThatThrownBy(() -> BackgroundTrackQuery.builder().concurrency(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("concurrency");
        assertThatThrownBy(() -> BackgroundTrackQuery.builder().name(" ").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> BackgroundTrackRequest.builder().volume(101).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("volume");
        assertThatThrownBy(() -> BackgroundTrackRequest.builder().volume(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("volume");
        assertThatThrownBy(() -> BackgroundTrackRequest.builder().name("  ").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> t.get(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("id");
        assertThatThrownBy(() -> t.get(-5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("id");
        assertThatThrownBy(() -> t.update(0, BackgroundTrackRequest.builder().build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("id");
        assertThatThrownBy(() -> t.create(BackgroundTrackRequest.builder().build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> t.partitions(BackgroundTrackQuery.all(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n");
        for (String url : new String[] {"ftp://api.example.com/v1", "api.beyondwords.io/v1", "/v1", "not a url", ""}) {
            assertThatThrownBy(() ->
                            BeyondWordsClient.builder().apiKey(KEY).baseUrl(url).build())
                    .as(url)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("baseUrl");
        }
        assertThatThrownBy(() -> BeyondWordsClient.builder().apiKey(" ").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apiKey");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void baseUrlWithCredentialsIsRejectedWithoutLeakingThem() {
        assertThatThrownBy(() -> BeyondWordsClient.builder()
                        .apiKey(KEY)
                        .baseUrl("https://user:hunter2@api.example.com/v1")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }

    @Test
    void baseUrlWithPathKeepsIt() {
        server = new Hostile((r, s, out) -> {
            respond(out, 200, track(1));
            return true;
        });
        bw = BeyondWordsClient.builder()
                .apiKey(KEY)
                .baseUrl("http://127.0.0.1:" + server.port() + "/proxy/bw/v1/")
                .build();
        bw.backgroundTracks().get(7).block(T);
        assertThat(server.requests.get(0).path).isEqualTo("/proxy/bw/v1/background_tracks/7");
    }

    @Test
    void filtersEncodedAsDocumented() {
        BackgroundTracks t = start((r, s, out) -> {
            respond(out, 200, "[]");
            return true;
        });
        t.list(BackgroundTrackQuery.builder()
                        .name("rain & snow=1")
                        .custom(true)
                        .scopes("primary", "secondary")
                        .build())
                .blockLast(T);
        String target = server.requests.get(0).target;
        assertThat(target).contains("pagination%5Blimit%5D=100");
        assertThat(target).contains("filter%5Bname%5D=rain%20%26%20snow%3D1");
        assertThat(target).contains("filter%5Bscopes%5D%5B%5D=primary&filter%5Bscopes%5D%5B%5D=secondary");
        assertThat(target.toLowerCase(Locale.ROOT)).contains("filter%5bcustom%5d=true");
    }
}
