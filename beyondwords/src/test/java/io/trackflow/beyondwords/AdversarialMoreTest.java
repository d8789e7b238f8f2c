package io.trackflow.beyondwords;

import static io.trackflow.beyondwords.Hostile.h;
import static io.trackflow.beyondwords.Hostile.items;
import static io.trackflow.beyondwords.Hostile.respond;
import static io.trackflow.beyondwords.Hostile.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.core.error.RateLimitException;
import io.trackflow.core.paging.OffsetRange;
import io.trackflow.core.retry.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class AdversarialMoreTest extends HostileServerTest {

    /** A client with the default retry policy. */
    @Override
    BackgroundTracks start(Hostile.Handler h) {
        bw = builder(h).retryPolicy(RetryPolicy.defaults()).build();
        return bw.backgroundTracks();
    }

    /** Owned transport: close() while a page is in flight on a server that does not answer. */
    @Test
    void closeCancelsACallInFlightOnTheClientsOwnTransport() throws Exception {
        BackgroundTracks t = start((r, s, out) -> {
            server.awaitHangUp(s, 10_000);
            return false;
        });
        CompletableFuture<BackgroundTrack> f = t.get(1).toFuture();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (server.requests.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long t0 = System.nanoTime();
        bw.close();
        Throwable e = null;
        try {
            f.get(8, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException ex) {
            e = ex.getCause();
        } catch (java.util.concurrent.TimeoutException ex) {
            e = ex;
        }
        long endMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(endMillis).isLessThan(1000);
        long hangUpBy = System.nanoTime() + 2_000_000_000L; // the server sees the hang-up a moment after the client
        while (server.hungUpWhileWaiting.get() == 0 && System.nanoTime() < hangUpBy) {
            Thread.sleep(10);
        }
        assertThat(server.hungUpWhileWaiting.get()).isEqualTo(1);
    }

    @Test
    void retryAfterInObsoleteHttpDateFormatsIsHonoured() {
        // RFC 9110 §5.6.7: a recipient MUST accept all three HTTP-date formats
        AtomicInteger n = new AtomicInteger();
        BackgroundTracks t = start((r, s, out) -> {
            if (n.getAndIncrement() == 0) {
                java.time.ZonedDateTime at =
                        java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(2);
                String rfc850 = java.time.format.DateTimeFormatter.ofPattern(
                                "EEEE, dd-MMM-yy HH:mm:ss 'GMT'", java.util.Locale.US)
                        .format(at);
                respond(out, 503, h("Retry-After", rfc850), "{\"message\":\"later\"}");
            } else {
                respond(out, 200, track(1));
            }
            return true;
        });
        t.get(1).block(T);
        assertThat(server.requests).hasSize(2);
        assertThat(TimeUnit.NANOSECONDS.toMillis(server.requests.get(1).nanos - server.requests.get(0).nanos))
                .isGreaterThanOrEqualTo(900);
    }

    @Test
    void partitionsCoverTheListingDisjointlyUnderAClamp() {
        BackgroundTracks t = start((r, s, out) -> {
            long off = r.offset();
            long n = Math.max(0, Math.min(Math.min(r.limit(), 7), 100 - off));
            respond(out, 200, h("X-Pagination-Total-Count", "100"), items(off, n));
            return true;
        });
        List<OffsetRange> parts = t.partitions(BackgroundTrackQuery.all(), 3).block(T);
        assertThat(server.listRequests()).hasSize(1);
        assertThat(server.listRequests().get(0).limit()).isEqualTo(1);
        List<Long> all = new ArrayList<>();
        for (OffsetRange p : parts) {
            t.list(BackgroundTrackQuery.builder().pageSize(20).build(), p)
                    .map(BackgroundTrack::id)
                    .doOnNext(all::add)
                    .blockLast(T);
        }
        assertThat(all).isEqualTo(LongStream.rangeClosed(1, 100).boxed().collect(Collectors.toList()));
    }

    @Test
    void rateLimitedListingPagePastDeadlineCarriesResumeCursor() {
        server = new Hostile((r, s, out) -> {
            if (r.offset() == 0) {
                respond(out, 200, h("X-Pagination-Total-Count", "200"), items(0, 100));
            } else {
                respond(out, 429, h("Retry-After", "30"), "{\"message\":\"slow\"}");
            }
            return true;
        });
        bw = BeyondWordsClient.builder()
                .apiKey("SECRET-KEY-123")
                .baseUrl(server.baseUrl())
                .totalTimeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.defaults())
                .build();
        List<BackgroundTrack> seen = new ArrayList<>();
        Throwable e = null;
        long t0 = System.nanoTime();
        try {
            bw.backgroundTracks().list().doOnNext(seen::add).blockLast(T);
        } catch (Throwable x) {
            e = x;
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
        assertThat(e).isInstanceOf(RateLimitException.class);
        assertThat(((RateLimitException) e).retryAfter()).hasValue(Duration.ofSeconds(30));
        assertThat(((RateLimitException) e).resumeCursor().orElseThrow().offset())
                .isEqualTo(100);
        assertThat(seen).hasSize(100);
    }

    private static Throwable err(reactor.core.publisher.Mono<?> m) {
        try {
            Object v = m.block(T);
            return new AssertionError("no error, value " + v);
        } catch (Throwable e) {
            return e;
        }
    }

    @Test
    void oddSuccessBodiesAreDecodingExceptions() {
        String[] bodies = {
            "null",
            "{}",
            "",
            "[{\"id\":null,\"name\":\"a\",\"created\":\"2023-01-01T00:00:00Z\"}]",
            "[1,2]",
            "{\"data\":[]}"
        };
        AtomicInteger i = new AtomicInteger();
        BackgroundTracks t = start((r, s, out) -> {
            respond(out, 200, bodies[i.getAndIncrement() % bodies.length]);
            return true;
        });
        for (String b : bodies) {
            Throwable e;
            try {
                Object v = t.list().collectList().block(T);
                e = new AssertionError("no error, value " + v);
            } catch (Throwable x) {
                e = x;
            }
            assertThat(e).as(b).isInstanceOf(io.trackflow.core.error.DecodingException.class);
        }
        assertThat(server.requests).hasSize(bodies.length);
    }

    @Test
    void getAnsweredWithNoContentIsAnError() {
        BackgroundTracks t = start((r, s, out) -> {
            out.write("HTTP/1.1 204 No Content\r\n\r\n".getBytes());
            out.flush();
            return true;
        });
        assertThat(err(t.get(1))).isInstanceOf(io.trackflow.core.error.DecodingException.class);
    }

    @Test
    void getAnsweredWithAnArrayIsDecodingException() {
        BackgroundTracks t = start((r, s, out) -> {
            respond(out, 200, items(0, 1));
            return true;
        });
        assertThat(err(t.get(1))).isInstanceOf(io.trackflow.core.error.DecodingException.class);
    }

    @Test
    void unauthorizedListingIsNotRetried() {
        BackgroundTracks t = start((r, s, out) -> {
            respond(out, 401, "{\"code\":401,\"message\":\"Unauthorized\"}");
            return true;
        });
        Throwable e;
        try {
            t.list().blockLast(T);
            e = null;
        } catch (Throwable x) {
            e = x;
        }
        assertThat(e).isInstanceOf(io.trackflow.core.error.UnauthorizedException.class);
        assertThat(((io.trackflow.core.error.ApiException) e)
                        .resumeCursor()
                        .orElseThrow()
                        .offset())
                .isZero();
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void bogusGzipIsNotASuccessAndNotRetriedForever() {
        BackgroundTracks t = start((r, s, out) -> {
            respond(out, 200, h("Content-Encoding", "gzip"), track(1));
            return true;
        });
        Throwable e = err(t.get(1));
        assertThat(e).isInstanceOf(io.trackflow.core.error.ApiException.class);
    }

    @Test
    void closeBetweenPagesThenDemandFailsWithClientClosedAndSendsNothing() {
        BackgroundTracks t = start((r, s, out) -> {
            respond(out, 200, h("X-Pagination-Total-Count", "300"), items(r.offset(), 100));
            return true;
        });
        reactor.test.StepVerifier.create(
                        t.list(BackgroundTrackQuery.builder().concurrency(1).build()), 100)
                .expectNextCount(100)
                .then(() -> bw.close())
                .thenRequest(1)
                .expectErrorSatisfies(e ->
                        assertThat(e).isInstanceOf(IllegalStateException.class).hasMessageContaining("client closed"))
                .verify(T);
        assertThat(server.requests).hasSize(1);
    }
}
