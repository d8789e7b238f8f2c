package io.trackflow.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.core.http.internal.TransportFailure;
import io.trackflow.core.testing.NettyLeakGuard;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

/** Adversarial review of BodyReceiver against the old Mono.using chain. */
class BodyReceiverReviewTest {

    private DisposableServer server;
    private ReactorNettyTransport transport;
    private final AtomicInteger connections = new AtomicInteger();

    @BeforeEach
    void start() {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .doOnChannelInit((obs, ch, addr) -> connections.incrementAndGet())
                .route(r -> r.get("/hello", (req, res) -> res.sendString(Mono.just("{\"hi\":1}")))
                        .get("/500small", (req, res) -> res.status(500).sendString(Mono.just("oops")))
                        .get(
                                "/500big",
                                (req, res) -> res.status(500)
                                        .sendByteArray(Flux.range(0, 40).map(i -> new byte[1024])))
                        .get("/empty", (req, res) -> res.status(204).send())
                        .get(
                                "/chunks",
                                (req, res) -> res.sendString(Flux.range(0, 20)
                                        .map(i -> "[" + i + "]" + " ".repeat(200))
                                        .delayElements(Duration.ofNanos(
                                                ThreadLocalRandom.current().nextInt(200_000))))))
                .bindNow();
        transport = ReactorNettyTransport.builder()
                .maxConnections(1)
                .responseTimeout(Duration.ofMillis(2000))
                .maxResponseBytes(32 * 1024)
                .build();
    }

    @AfterEach
    void stop() {
        transport.close();
        server.disposeNow();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static final ResponseHandler<Integer> LENGTH = ReactorNettyTransportTest.LENGTH;

    private static <T> ResponseHandler<T> throwing(RuntimeException e) {
        return new ResponseHandler<>() {
            @Override
            public T onSuccess(HttpResponse head, ResponseBody body) {
                throw e;
            }

            @Override
            public T onFailure(HttpResponse response) {
                throw e;
            }
        };
    }

    @Test
    void successBodiesKeepTheirConnection() {
        for (int i = 0; i < 3; i++) {
            StepVerifier.create(transport.exchange(HttpRequest.get(uri("/hello")), LENGTH))
                    .expectNext(8)
                    .verifyComplete();
        }
        assertThat(connections).hasValue(1);
    }

    /** A handler's failure on a non-success body ({@code /500small}) and on a success body ({@code /hello}). */
    @ParameterizedTest
    @ValueSource(strings = {"/500small", "/hello"})
    void aHandlerFailureKeepsTheConnection(String path) {
        IllegalStateException boom = new IllegalStateException("boom");
        StepVerifier.create(transport.exchange(HttpRequest.get(uri(path)), throwing(boom)))
                .expectErrorSatisfies(e -> assertThat(e).isSameAs(boom))
                .verify(Duration.ofSeconds(5));
        StepVerifier.create(transport.exchange(HttpRequest.get(uri("/hello")), LENGTH))
                .expectNext(8)
                .verifyComplete();
        assertThat(connections).hasValue(1);
    }

    @Test
    void aNonSuccessBodyOverTheLimitClosesItsConnection() {
        StepVerifier.create(transport.exchange(HttpRequest.get(uri("/500big")), LENGTH))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(TransportFailure.class, t -> {
                    assertThat(t.kind()).isEqualTo(TransportFailure.Kind.TOO_LARGE);
                    assertThat(t.status()).isEqualTo(500);
                }))
                .verify(Duration.ofSeconds(5));
        StepVerifier.create(transport.exchange(HttpRequest.get(uri("/hello")), LENGTH))
                .expectNext(8)
                .verifyComplete();
        assertThat(connections).hasValue(2);
    }

    @Test
    void aHandlerReturningNullCompletesEmptyAndAnEmptyBodyIsZeroBytes() {
        StepVerifier.create(transport.exchange(HttpRequest.get(uri("/hello")), new ResponseHandler<Object>() {
                    @Override
                    public Object onSuccess(HttpResponse head, ResponseBody body) {
                        return null;
                    }

                    @Override
                    public Object onFailure(HttpResponse response) {
                        return null;
                    }
                }))
                .verifyComplete();
        StepVerifier.create(transport.exchange(HttpRequest.get(uri("/empty")), LENGTH))
                .expectNext(0)
                .verifyComplete();
        assertThat(connections).hasValue(1);
    }

    @Test
    void theOperatorErrorHookSeesAThrowingHandler() {
        IllegalStateException boom = new IllegalStateException("boom");
        List<Throwable> hooked = operatorErrorsDuring(
                () -> StepVerifier.create(transport.exchange(HttpRequest.get(uri("/hello")), throwing(boom)))
                        .expectErrorSatisfies(e -> assertThat(e).isSameAs(boom))
                        .verify(Duration.ofSeconds(5)));
        assertThat(hooked).anySatisfy(e -> assertThat(e.getCause()).isSameAs(boom));
    }

    @Test
    void theOperatorErrorHookSeesABodyOverTheLimit() {
        List<Throwable> hooked = operatorErrorsDuring(
                () -> StepVerifier.create(transport.exchange(HttpRequest.get(uri("/500big")), LENGTH))
                        .expectError(TransportFailure.class)
                        .verify(Duration.ofSeconds(5)));
        assertThat(hooked)
                .anySatisfy(e -> assertThat(e.getClass().getSimpleName()).isEqualTo("TooLarge"));
    }

    /** What {@code Hooks.onOperatorError} sees while {@code action} runs. */
    private static List<Throwable> operatorErrorsDuring(Runnable action) {
        List<Throwable> hooked = new CopyOnWriteArrayList<>();
        Hooks.onOperatorError("review", (e, data) -> {
            hooked.add(e);
            return e;
        });
        try {
            action.run();
        } finally {
            Hooks.resetOnOperatorError("review");
        }
        return hooked;
    }

    @Test
    void cancelsFromAnotherThreadWhileAHandlerReadsSlowlyNeverLeak() {
        ResponseHandler<Integer> slow = new ResponseHandler<>() {
            @Override
            public Integer onSuccess(HttpResponse head, ResponseBody body) throws java.io.IOException {
                int n = 0;
                try (java.io.InputStream in = body.stream()) {
                    while (in.read() >= 0) {
                        if (++n % 512 == 0) {
                            LockSupport.parkNanos(20_000);
                        }
                    }
                }
                return n;
            }

            @Override
            public Integer onFailure(HttpResponse response) {
                return -1;
            }
        };
        for (int i = 0; i < 500; i++) {
            Disposable call =
                    transport.exchange(HttpRequest.get(uri("/chunks")), slow).subscribe(v -> {}, e -> {});
            LockSupport.parkNanos(ThreadLocalRandom.current().nextInt(3_000_000));
            call.dispose();
        }
        StepVerifier.create(transport.exchange(HttpRequest.get(uri("/chunks")), LENGTH))
                .expectNextCount(1)
                .verifyComplete();
        assertThat(NettyLeakGuard.drain()).isEmpty();
    }
}
