package io.trackflow.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.core.auth.AuthStrategy;
import io.trackflow.core.http.HttpRequest;
import io.trackflow.core.http.ReactorNettyTransport;
import io.trackflow.core.retry.RetryListener;
import io.trackflow.core.retry.RetryPolicy;
import io.trackflow.core.testing.TestErrors;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

/** Review of CallRun: what the deleted operator chain did that the run must keep doing. */
class CallRunReviewTest {

    private static final RetryPolicy FAST = RetryPolicy.builder()
            .initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(5))
            .build();

    private DisposableServer server;
    private ReactorNettyTransport transport;
    private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
    private final AtomicInteger received = new AtomicInteger();

    @BeforeEach
    void start() {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((req, res) -> {
                    received.incrementAndGet();
                    Integer s = statuses.poll();
                    return res.status(s == null ? 200 : s)
                            .header("Content-Type", "application/json")
                            .sendString(Mono.just("{}"))
                            .then();
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

    private ApiClientBuilder builder() {
        return ApiClient.builder(URI.create("http://127.0.0.1:" + server.port() + "/v1/"))
                .retryPolicy(FAST)
                .transport(transport);
    }

    private static HttpRequest get(ApiClient c) {
        return HttpRequest.get(c.uri(List.of("things"), List.of()));
    }

    /**
     * The old RetryingPolicy called the listener from onErrorResume's function: a throwing listener
     * failed the call with its exception. CallRun calls it from its own onError, so the exception is
     * thrown back into whatever delivered the attempt's failure (here a Netty event loop) and the call
     * never terminates.
     */
    @Test
    void aRetryListenerThatThrowsFailsTheCallInsteadOfHangingIt() {
        statuses.add(503);
        try (ApiClient c = builder()
                .retryListener((retry, error, delay) -> {
                    throw new IllegalStateException("listener down");
                })
                .build()) {
            StepVerifier.create(c.call("things.get", get(c), (head, body) -> "ok"))
                    .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("listener down"))
                    .verify(Duration.ofSeconds(5));
        }
    }

    /** The same, with the attempt failing asynchronously from a plain thread: the call hangs. */
    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aRetryListenerThatThrowsOnAnAsyncFailureFailsTheCall() throws Exception {
        Sinks.One<String> failure = Sinks.one();
        CallPolicy.Next<String> rest = call -> failure.asMono();
        RetryListener throwing = (retry, error, delay) -> {
            throw new IllegalStateException("listener down");
        };
        Pipeline p = new Pipeline(Map.of(), AuthStrategy.none(), FAST, throwing, (CallPolicy.Next) rest);
        Mono<String> call = CallRun.of(
                p,
                new RunningCalls(),
                () -> null,
                "things.get",
                HttpRequest.get(URI.create("https://x/y")),
                (head, in) -> "body",
                Duration.ofSeconds(30));
        StepVerifier.create(call)
                .then(() -> {
                    Thread t = new Thread(() -> {
                        try {
                            failure.tryEmitError(TestErrors.status(503));
                        } catch (RuntimeException thrownBack) {
                            // the listener's exception, thrown into the thread that signalled the failure
                        }
                    });
                    t.start();
                })
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("listener down"))
                .verify(Duration.ofSeconds(5));
    }

    /**
     * A policy throwing a (non-fatal) Error on a retry: the old chain's Mono.defer(this::attempt)
     * caught it and failed the call; CallRun.attempt catches only RuntimeException and runs on the
     * retry timer's thread, where the Error is swallowed by the scheduler: the call hangs.
     */
    @Test
    void aPolicyThatThrowsAnErrorOnARetryFailsTheCall() {
        statuses.add(503);
        try (ApiClient c = builder()
                .policy(new CallPolicy() {
                    @Override
                    public <T> Mono<T> apply(Call<T> call, Next<T> next) {
                        if (call.attempt() > 0) {
                            throw new AssertionError("policy bug");
                        }
                        return next.proceed(call);
                    }
                })
                .build()) {
            StepVerifier.create(c.call("things.get", get(c), (head, body) -> "ok"))
                    .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("policy bug"))
                    .verify(Duration.ofSeconds(5));
        }
    }

    /**
     * An attempt whose publisher fails as it is cancelled (a cancel racing an upstream error, made
     * certain: the operators of a full pipeline drop a signal after a cancel, but one already on its way
     * when the cancel comes still arrives): the call has ended, so the failure is dropped; it is not
     * retried, and the client's retry listener is not told of a retry that will not happen.
     */
    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aFailureThatComesAfterTheCallEndedIsNotRetried() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger retries = new AtomicInteger();
        CallPolicy.Next<String> rest = call -> {
            attempts.incrementAndGet();
            return new Mono<String>() {
                @Override
                public void subscribe(reactor.core.CoreSubscriber<? super String> actual) {
                    actual.onSubscribe(new org.reactivestreams.Subscription() {
                        @Override
                        public void request(long n) {}

                        @Override
                        public void cancel() {
                            actual.onError(TestErrors.status(503));
                        }
                    });
                }
            };
        };
        RetryListener counting = (retry, error, delay) -> retries.incrementAndGet();
        Pipeline p = new Pipeline(Map.of(), AuthStrategy.none(), FAST, counting, (CallPolicy.Next) rest);
        RunningCalls running = new RunningCalls();
        Mono<String> call = CallRun.of(
                p,
                running,
                () -> null,
                "things.get",
                HttpRequest.get(URI.create("https://x/y")),
                (head, in) -> "body",
                Duration.ofSeconds(30));
        call.subscribe(v -> {}, e -> {}).dispose();
        Thread.sleep(100); // a retry would be after 1-5 ms
        assertThat(attempts).hasValue(1);
        assertThat(retries).hasValue(0);
    }

    private static AuthStrategy answering401With(java.util.function.Function<HttpRequest, Mono<Boolean>> answer) {
        return new AuthStrategy() {
            @Override
            public Mono<HttpRequest> authenticate(HttpRequest request) {
                return Mono.just(request.withHeader("Authorization", "Bearer t"));
            }

            @Override
            public Mono<Boolean> onUnauthorized(HttpRequest rejected) {
                return answer.apply(rejected);
            }
        };
    }

    /**
     * A strategy whose onUnauthorized returns null (a broken strategy): the old AuthenticationPolicy
     * called it inside onErrorResume's function, so the NullPointerException failed the call. CallRun
     * dereferences it outside its try, inside its onError on the event loop: the call hangs.
     */
    @Test
    void aStrategyAnsweringNullAfterA401FailsTheCall() {
        statuses.add(401);
        try (ApiClient c = builder().auth(answering401With(r -> null)).build()) {
            StepVerifier.create(c.call("things.get", get(c), (head, body) -> "ok"))
                    .expectError(NullPointerException.class)
                    .verify(Duration.ofSeconds(5));
        }
    }

    /**
     * A strategy that throws from onUnauthorized: the old chain (onErrorResume's function) failed the
     * call with that exception carrying the 401 as a suppressed exception (Operators.onOperatorError);
     * CallRun signals the bare exception, and the 401 is lost.
     */
    @Test
    void aStrategyThrowingAfterA401KeepsThe401AsSuppressed() {
        statuses.add(401);
        try (ApiClient c = builder()
                .auth(answering401With(r -> {
                    throw new IllegalStateException("token store down");
                }))
                .build()) {
            StepVerifier.create(c.call("things.get", get(c), (head, body) -> "ok"))
                    .expectErrorSatisfies(e -> assertThat(e)
                            .hasMessage("token store down")
                            .satisfies(x -> assertThat(x.getSuppressed())
                                    .hasAtLeastOneElementOfType(io.trackflow.core.error.UnauthorizedException.class)))
                    .verify(Duration.ofSeconds(5));
        }
    }
    /**
     * A strategy answering at once (as BearerTokenAuth does, Mono.fromSupplier) whose re-run fails at
     * once into a retry wait: CallRun.end stores the strategy's finished subscriber in {@code waiting}
     * after the wait's timer was stored there, so a cancel no longer disposes the timer. The old chain
     * (Mono.delay) disposed it. Observed with a schedule hook: the timer's task still runs after the
     * cancel.
     */
    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aCancelDisposesTheRetryWaitOfTheRunAfterA401() throws Exception {
        Queue<Mono<String>> script = new ConcurrentLinkedQueue<>();
        script.add(Mono.error(TestErrors.status(401)));
        script.add(Mono.error(TestErrors.status(503, java.util.Optional.of(Duration.ofMillis(300)))));
        AtomicInteger attempts = new AtomicInteger();
        CallPolicy.Next<String> rest = call -> {
            attempts.incrementAndGet();
            call.state().sent(call.request());
            Mono<String> next = script.poll();
            return next == null ? Mono.just("ok") : next;
        };
        AuthStrategy atOnce = new AuthStrategy() {
            @Override
            public Mono<HttpRequest> authenticate(HttpRequest request) {
                return Mono.just(request);
            }

            @Override
            public Mono<Boolean> onUnauthorized(HttpRequest rejected) {
                return Mono.fromSupplier(() -> true);
            }
        };
        Pipeline p = new Pipeline(Map.of(), atOnce, FAST, RetryListener.NONE, (CallPolicy.Next) rest);
        AtomicInteger ran = new AtomicInteger();
        reactor.core.scheduler.Schedulers.onScheduleHook("review", r -> () -> {
            ran.incrementAndGet();
            r.run();
        });
        try {
            reactor.core.Disposable d = CallRun.of(
                            p,
                            new RunningCalls(),
                            () -> null,
                            "things.get",
                            HttpRequest.get(URI.create("https://x/y")),
                            (head, in) -> "body",
                            Duration.ofSeconds(30))
                    .subscribe();
            assertThat(attempts).hasValue(2); // the 401, then the re-run's 503: now waiting 300 ms
            d.dispose();
            Thread.sleep(700);
            assertThat(attempts).hasValue(2);
            assertThat(ran).as("timer tasks run after the cancel").hasValue(0);
        } finally {
            reactor.core.scheduler.Schedulers.resetOnScheduleHook("review");
        }
    }
}
