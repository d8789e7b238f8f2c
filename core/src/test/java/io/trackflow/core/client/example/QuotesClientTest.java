package io.trackflow.core.client.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.trackflow.core.error.ApiException;
import io.trackflow.core.error.HttpStatusException;
import io.trackflow.core.error.NotFoundException;
import io.trackflow.core.error.ServerException;
import io.trackflow.core.error.TransportException;
import io.trackflow.core.error.UnauthorizedException;
import io.trackflow.core.paging.Page;
import io.trackflow.core.paging.PageCursor;
import io.trackflow.core.retry.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.test.StepVerifier;

/**
 * {@link QuotesClient} against a small quotes server (Reactor Netty, port 0) of 23 quotes that
 * clamps pages at 10 and answers {@code X-Total-Count}, {@code X-Limit} and {@code X-Offset}; a
 * script of faults answers the next requests with a status or a connection reset.
 */
class QuotesClientTest {

    private static final String KEY = "test-api-key";
    private static final int QUOTES = 23;
    private static final int MAX_LIMIT = 10;
    /** In the fault script: close the connection instead of answering. */
    private static final int RESET = 0;

    /** One request the server received. */
    record Seen(String method, String path, Map<String, List<String>> query, Map<String, String> headers) {}

    private DisposableServer server;
    private final Queue<Integer> faults = new ConcurrentLinkedQueue<>();
    /** Listing offsets answered once with a status (or {@link #RESET}) instead of their page. */
    private final Map<Long, Integer> pageFaults = new ConcurrentHashMap<>();

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private QuotesClient client;

    @BeforeEach
    void start() {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle(this::answer)
                .bindNow();
        client = client(KEY, RetryPolicy.none());
    }

    @AfterEach
    void stop() {
        client.close();
        server.disposeNow();
    }

    private QuotesClient client(String key, RetryPolicy retry) {
        return QuotesClient.builder()
                .apiKey(key)
                .baseUrl("http://127.0.0.1:" + server.port() + "/api")
                .retryPolicy(retry)
                .build();
    }

    private Publisher<Void> answer(HttpServerRequest req, HttpServerResponse res) {
        QueryStringDecoder uri = new QueryStringDecoder(req.uri());
        Map<String, String> headers = new LinkedHashMap<>();
        req.requestHeaders().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
        seen.add(new Seen(req.method().name(), uri.path(), uri.parameters(), headers));
        Integer fault = faults.poll();
        if (fault == null && uri.parameters().containsKey("offset")) {
            fault = pageFaults.remove(
                    Long.parseLong(uri.parameters().get("offset").get(0)));
        }
        if (fault != null && fault == RESET) {
            req.withConnection(c -> c.channel().close());
            return Mono.never();
        }
        if (fault != null) {
            return json(res, fault, "{\"message\":\"Injected " + fault + "\"}");
        }
        if (!KEY.equals(headers.get("x-api-key"))) {
            return json(res, 401, "{\"message\":\"Invalid API key\"}");
        }
        if (uri.path().equals("/api/quotes")) {
            long offset = Long.parseLong(uri.parameters().get("offset").get(0));
            int limit = Math.min(
                    MAX_LIMIT, Integer.parseInt(uri.parameters().get("limit").get(0)));
            String items = LongStream.range(offset + 1, Math.min(QUOTES, offset + limit) + 1)
                    .mapToObj(QuotesClientTest::quote)
                    .collect(Collectors.joining(",", "[", "]"));
            res.header("X-Total-Count", Integer.toString(QUOTES))
                    .header("X-Limit", Integer.toString(limit))
                    .header("X-Offset", Long.toString(offset));
            return json(res, 200, items);
        }
        long id = Long.parseLong(uri.path().substring("/api/quotes/".length()));
        return id <= QUOTES ? json(res, 200, quote(id)) : json(res, 404, "{\"message\":\"No such quote\"}");
    }

    private static Publisher<Void> json(HttpServerResponse res, int status, String body) {
        return res.status(status)
                .header("Content-Type", "application/json")
                .sendString(Mono.just(body), StandardCharsets.UTF_8)
                .then();
    }

    private static String quote(long id) {
        String author = id % 5 == 0 ? "" : ",\"author\":\"Author " + id + "\"";
        return "{\"id\":" + id + ",\"text\":\"Quote " + id + "\"" + author + ",\"likes\":" + id * 3 + "}";
    }

    private static void assertSentWithKey(Seen r) {
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.headers()).containsEntry("x-api-key", KEY).containsEntry("accept", "application/json");
        assertThat(r.headers().get("user-agent")).startsWith("trackflow/");
    }

    private static Map<String, List<String>> page(long offset, int limit) {
        return Map.of("limit", List.of(Integer.toString(limit)), "offset", List.of(Long.toString(offset)));
    }

    private List<Long> offsetsAsked() {
        return seen.stream()
                .map(s -> Long.parseLong(s.query().get("offset").get(0)))
                .collect(Collectors.toList());
    }

    // get(id)

    @Test
    void getReadsAQuoteAndSendsTheKeyInItsHeader() {
        StepVerifier.create(client.get(7))
                .expectNext(
                        Quote.builder().id(7).text("Quote 7").author("Author 7").build())
                .verifyComplete();
        assertThat(seen).singleElement().satisfies(r -> {
            assertSentWithKey(r);
            assertThat(r.path()).isEqualTo("/api/quotes/7");
            assertThat(r.query()).isEmpty();
        });
    }

    @Test
    void aMissingAuthorIsEmpty() {
        assertThat(client.get(5).block().author()).isEmpty();
    }

    @Test
    void anUnknownQuoteIsANotFoundExceptionLedByTheServersMessage() {
        StepVerifier.create(client.get(99))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(NotFoundException.class).hasMessageStartingWith("No such quote");
                    assertThat(((HttpStatusException) e).uri().getPath()).isEqualTo("/api/quotes/99");
                })
                .verify();
        assertThat(seen).singleElement().satisfies(r -> assertThat(r.path()).isEqualTo("/api/quotes/99"));
    }

    @Test
    void aServerErrorIsRetriedByThePipelineThenSurfacesAsServerException() {
        try (QuotesClient retrying = client(
                KEY,
                RetryPolicy.builder()
                        .initialBackoff(Duration.ofMillis(1))
                        .maxBackoff(Duration.ofMillis(5))
                        .build())) {
            faults.addAll(List.of(503, 503, 503, 503));
            StepVerifier.create(retrying.get(3))
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(ServerException.class).hasMessageStartingWith("Injected 503");
                        assertThat(((ApiException) e).attempts()).isEqualTo(4);
                    })
                    .verify();
        }
        assertThat(seen).hasSize(4).allSatisfy(r -> {
            assertSentWithKey(r);
            assertThat(r.path()).isEqualTo("/api/quotes/3");
        });
    }

    @Test
    void aConnectionResetIsATransportException() {
        faults.add(RESET);
        StepVerifier.create(client.get(3)).expectError(TransportException.class).verify();
        assertThat(seen).singleElement().satisfies(r -> {
            assertSentWithKey(r);
            assertThat(r.path()).isEqualTo("/api/quotes/3");
        });
    }

    @Test
    void aWrongKeyIsUnauthorizedAndNeverPrinted() {
        String wrong = "wrong-key-" + System.nanoTime();
        try (QuotesClient bad = client(wrong, RetryPolicy.none())) {
            StepVerifier.create(bad.get(1))
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(UnauthorizedException.class).hasMessageNotContaining(wrong);
                        assertThat(e.toString()).doesNotContain(wrong);
                    })
                    .verify();
            assertThat(bad.toString()).doesNotContain(wrong).contains("****");
        }
        assertThat(seen).singleElement().satisfies(r -> assertThat(r.headers()).containsEntry("x-api-key", wrong));
    }

    @Test
    void aBadIdOrAMissingKeyIsRejectedBeforeAnyIo() {
        assertThatIllegalArgumentException().isThrownBy(() -> client.get(0)).withMessageContaining("id");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> QuotesClient.builder().build())
                .withMessageContaining("apiKey");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> QuotesClient.builder().apiKey(" ").build())
                .withMessageContaining("apiKey");
        assertThat(seen).isEmpty();
    }

    // list() and pages()

    @Test
    void listPagesAcrossTheClampedPagesInOrder() {
        StepVerifier.create(client.list().map(Quote::id).collectList())
                .expectNext(LongStream.rangeClosed(1, QUOTES).boxed().collect(Collectors.toList()))
                .verifyComplete();
        assertThat(seen).allSatisfy(r -> {
            assertSentWithKey(r);
            assertThat(r.path()).isEqualTo("/api/quotes");
        });
        // asked 20, clamped to 10: the later pages are asked at 10, the last at what is left
        assertThat(seen.get(0).query()).isEqualTo(page(0, 20));
        assertThat(seen.stream().map(Seen::query)).containsExactlyInAnyOrder(page(0, 20), page(10, 10), page(20, 3));
    }

    @Test
    void pagesCarryTheTotalTheLimitInForceTheOffsetAndTheNextCursor() {
        List<Page<Quote>> pages = client.pages().collectList().block();
        assertThat(pages).extracting(Page::offset).containsExactly(0L, 10L, 20L);
        assertThat(pages).extracting(Page::size).containsExactly(10, 10, 3);
        assertThat(pages.get(0).totalCount()).hasValue(QUOTES);
        assertThat(pages.get(0).limit()).isEqualTo(MAX_LIMIT);
        assertThat(pages.get(0).header("X-Total-Count")).contains("23");
        assertThat(pages.get(0).nextCursor())
                .hasValueSatisfying(c -> assertThat(c.offset()).isEqualTo(10));
        assertThat(pages.get(2).nextCursor()).isEmpty();
    }

    @Test
    void listResumesFromACursorWithNoGapAndNoDuplicate() {
        PageCursor next = client.pages().blockFirst().nextCursor().orElseThrow();
        seen.clear();
        List<Long> rest = client.list(PageCursor.parse(next.toString()))
                .map(Quote::id)
                .collectList()
                .block();
        assertThat(rest).isEqualTo(LongStream.rangeClosed(11, QUOTES).boxed().collect(Collectors.toList()));
        assertThat(seen.get(0).query()).isEqualTo(page(10, 20));
        assertThat(offsetsAsked()).doesNotContain(0L);
    }

    @Test
    void aFailedPageEndsTheListingWithACursorFromWhichItResumes() {
        pageFaults.put(10L, 500);
        List<Long> ids = new ArrayList<>();
        ApiException failure = client.list()
                .doOnNext(q -> ids.add(q.id()))
                .then(Mono.<ApiException>empty())
                .onErrorResume(ApiException.class, Mono::just)
                .block();
        assertThat(failure).isInstanceOf(ServerException.class);
        assertThat(ids).isEqualTo(LongStream.rangeClosed(1, 10).boxed().collect(Collectors.toList()));
        PageCursor resume = failure.resumeCursor().orElseThrow();
        assertThat(resume.offset()).isEqualTo(10);
        seen.clear();
        client.list(resume).doOnNext(q -> ids.add(q.id())).blockLast();
        assertThat(ids).isEqualTo(LongStream.rangeClosed(1, QUOTES).boxed().collect(Collectors.toList()));
        // the resumed listing starts at offset 10 (two pages are in flight, so in either order) and
        // asks for nothing before it
        assertThat(seen).extracting(Seen::query).contains(page(10, 20));
        assertThat(seen)
                .extracting(r -> Long.parseLong(r.query().get("offset").get(0)))
                .allMatch(offset -> offset >= 10);
    }

    @Test
    void aConnectionResetOnAPageEndsTheListingWithATransportException() {
        pageFaults.put(0L, RESET);
        StepVerifier.create(client.list())
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(TransportException.class);
                    assertThat(((ApiException) e).resumeCursor())
                            .hasValueSatisfying(c -> assertThat(c.offset()).isZero());
                })
                .verify();
        assertThat(seen).singleElement().satisfies(r -> {
            assertSentWithKey(r);
            assertThat(r.query()).isEqualTo(page(0, 20));
        });
    }
}
