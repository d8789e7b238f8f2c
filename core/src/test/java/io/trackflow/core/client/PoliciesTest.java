package io.trackflow.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.core.auth.AuthStrategy;
import io.trackflow.core.error.NotFoundException;
import io.trackflow.core.error.RateLimitException;
import io.trackflow.core.error.ServerException;
import io.trackflow.core.error.TimeoutException;
import io.trackflow.core.error.UnauthorizedException;
import io.trackflow.core.http.HttpRequest;
import io.trackflow.core.ratelimit.Permit;
import io.trackflow.core.ratelimit.RateLimiter;
import io.trackflow.core.ratelimit.RateLimits;
import io.trackflow.core.retry.RetryListener;
import io.trackflow.core.retry.RetryPolicy;
import io.trackflow.core.testing.TestErrors;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Each step of the pipeline alone, in front of a scripted rest of the pipeline (a {@link
 * CallPolicy.Next} that records the calls it is given and answers from a script): the per-attempt
 * policies, and the call's run ({@link CallRun}: default headers, credentials and the 401 re-try,
 * retries) over scripted attempts.
 */
class PoliciesTest {

    private static final HttpRequest GET = HttpRequest.get(URI.create("https://api.example.com/v1/things/1"));
    private static final RetryPolicy FAST = RetryPolicy.builder()
            .initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(2))
            .build();

    private final List<Call<String>> seen = new CopyOnWriteArrayList<>();
    private final Queue<Mono<String>> script = new ConcurrentLinkedQueue<>();

    /** The scripted rest of the pipeline: records the call, marks the request sent, answers in order. */
    private final CallPolicy.Next<String> rest = call -> {
        seen.add(call);
        call.state().sent(call.request());
        Mono<String> next = script.poll();
        return next == null ? Mono.just("ok") : next;
    };

    private static Call<String> call(Duration timeout) {
        return Call.start("things.get", GET, (head, in) -> "body", timeout);
    }

    private static Call<String> call() {
        return call(Duration.ofSeconds(30));
    }

    /** A call of {@link #GET} run by a pipeline whose attempts are {@link #rest}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Mono<String> run(
            HttpRequest request, Map<String, String> defaults, AuthStrategy auth, RetryListener listener, Duration t) {
        Pipeline p = new Pipeline(defaults, auth, FAST, listener, (CallPolicy.Next) rest);
        return CallRun.of(p, new RunningCalls(), () -> null, "things.get", request, (head, in) -> "body", t);
    }

    private Mono<String> run(AuthStrategy auth) {
        return run(GET, Map.of(), auth, RetryListener.NONE, Duration.ofSeconds(30));
    }

    private Mono<String> run(RetryListener listener, Duration timeout) {
        return run(GET, Map.of(), AuthStrategy.none(), listener, timeout);
    }

    @Test
    void defaultHeadersAreAddedUnlessTheRequestSetsThem() {
        HttpRequest own = GET.withHeader("accept", "text/plain");
        Map<String, String> defaults = Map.of("Accept", "application/json", "X-Client", "t");
        StepVerifier.create(run(own, defaults, AuthStrategy.none(), RetryListener.NONE, Duration.ofSeconds(30)))
                .expectNext("ok")
                .verifyComplete();
        assertThat(seen.get(0).request().header("Accept")).contains("text/plain");
        assertThat(seen.get(0).request().header("X-Client")).contains("t");
    }

    @Test
    void authenticationGivesTheCallItsStrategyAndRunsItOnceMoreAfterA401WhenRefreshed() {
        AtomicInteger refreshes = new AtomicInteger();
        AuthStrategy refreshing = new AuthStrategy() {
            @Override
            public Mono<HttpRequest> authenticate(HttpRequest request) {
                return Mono.just(request);
            }

            @Override
            public Mono<Boolean> onUnauthorized(HttpRequest rejected) {
                return Mono.fromCallable(() -> refreshes.incrementAndGet() == 1);
            }
        };
        script.add(Mono.error(TestErrors.status(401)));
        StepVerifier.create(run(refreshing)).expectNext("ok").verifyComplete();
        assertThat(seen).hasSize(2).allSatisfy(c -> assertThat(c.auth()).isSameAs(refreshing));

        // a second 401 after the refresh is final; a strategy that cannot refresh ends at the first
        seen.clear();
        script.add(Mono.error(TestErrors.status(401)));
        StepVerifier.create(run(refreshing))
                .expectError(UnauthorizedException.class)
                .verify();
        assertThat(seen).hasSize(1);
        seen.clear();
        script.add(Mono.error(TestErrors.status(401)));
        StepVerifier.create(run(AuthStrategy.none()))
                .expectError(UnauthorizedException.class)
                .verify();
        assertThat(seen).hasSize(1);
    }

    @Test
    void retryRunsTheRestOncePerAttemptNumberingThem() {
        script.add(Mono.error(TestErrors.status(503)));
        script.add(Mono.error(TestErrors.transport(false)));
        List<Integer> told = new ArrayList<>();
        RetryListener listener = (retry, error, delay) -> told.add(retry);
        StepVerifier.create(run(listener, Duration.ofSeconds(30)))
                .expectNext("ok")
                .verifyComplete();
        assertThat(seen).extracting(Call::attempt).containsExactly(0, 1, 2);
        assertThat(told).containsExactly(1, 2); // retries from 1, as the trackflow.retry tag (issue 27)
        Call.CallState state = seen.get(0).state();
        assertThat(seen).allSatisfy(c -> assertThat(c.state()).isSameAs(state));
        assertThat(state.attempts()).isEqualTo(3);
        assertThat(state.retries()).isEqualTo(2);
    }

    @Test
    void retryEndsAtOnceOnWhatIsNotRetryableOrAWaitPastTheDeadline() {
        script.add(Mono.error(TestErrors.status(404)));
        StepVerifier.create(run(RetryListener.NONE, Duration.ofSeconds(30)))
                .expectError(NotFoundException.class)
                .verify();
        assertThat(seen).hasSize(1);

        seen.clear();
        script.add(Mono.error(TestErrors.status(503, Optional.of(Duration.ofSeconds(30)))));
        long started = System.nanoTime();
        StepVerifier.create(run(RetryListener.NONE, Duration.ofSeconds(5)))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(ServerException.class)
                        .extracting(x -> ((ServerException) x).attempts())
                        .isEqualTo(1))
                .verify();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(seen).hasSize(1);
    }

    @Test
    void aRunAfterA401RetriesAfreshAndNumbersItsAttemptsOnFromTheFirstRun() {
        AuthStrategy refreshing = new AuthStrategy() {
            @Override
            public Mono<HttpRequest> authenticate(HttpRequest request) {
                return Mono.just(request);
            }

            @Override
            public Mono<Boolean> onUnauthorized(HttpRequest rejected) {
                return Mono.just(true);
            }
        };
        RetryPolicy once = RetryPolicy.builder()
                .maxRetries(1)
                .initialBackoff(Duration.ofMillis(1))
                .maxBackoff(Duration.ofMillis(2))
                .build();
        script.add(Mono.error(TestErrors.status(503)));
        script.add(Mono.error(TestErrors.status(401)));
        script.add(Mono.error(TestErrors.status(503)));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Pipeline p = new Pipeline(Map.of(), refreshing, once, RetryListener.NONE, (CallPolicy.Next) rest);
        StepVerifier.create(CallRun.of(
                        p,
                        new RunningCalls(),
                        () -> null,
                        "things.get",
                        GET,
                        (head, in) -> "body",
                        Duration.ofSeconds(30)))
                .expectNext("ok")
                .verifyComplete();
        assertThat(seen).extracting(Call::attempt).containsExactly(0, 1, 2, 3);
        assertThat(seen.get(0).state().retries()).isEqualTo(2);
    }

    @Test
    void aStrategyThatAnswersNothingAfterA401LeavesTheCallFailedWithThe401() {
        AuthStrategy silent = new AuthStrategy() {
            @Override
            public Mono<HttpRequest> authenticate(HttpRequest request) {
                return Mono.just(request);
            }

            @Override
            public Mono<Boolean> onUnauthorized(HttpRequest rejected) {
                return Mono.empty();
            }
        };
        script.add(Mono.error(TestErrors.status(401)));
        StepVerifier.create(run(silent))
                .expectError(UnauthorizedException.class)
                .verify();
        assertThat(seen).hasSize(1);
    }

    @Test
    void aCancelDuringTheWaitBeforeARetryStartsNoMoreAttempts() throws InterruptedException {
        script.add(Mono.error(TestErrors.status(503, Optional.of(Duration.ofMillis(300)))));
        StepVerifier.create(run(RetryListener.NONE, Duration.ofSeconds(30)))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(100))
                .thenCancel()
                .verify(Duration.ofSeconds(5));
        assertThat(seen).hasSize(1);
        Thread.sleep(600);
        assertThat(seen).hasSize(1);
    }

    @Test
    void aCancelStopsTheAttemptInFlight() {
        AtomicInteger cancelled = new AtomicInteger();
        script.add(Mono.<String>never().doOnCancel(cancelled::incrementAndGet));
        StepVerifier.create(run(RetryListener.NONE, Duration.ofSeconds(30)))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(100))
                .thenCancel()
                .verify(Duration.ofSeconds(5));
        assertThat(cancelled).hasValue(1);
    }

    @Test
    void aRefusedCallSendsNothingAndEachSubscriptionRunsAnew() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Pipeline p = new Pipeline(Map.of(), AuthStrategy.none(), FAST, RetryListener.NONE, (CallPolicy.Next) rest);
        StepVerifier.create(CallRun.of(
                        p,
                        new RunningCalls(),
                        () -> new IllegalStateException("closed"),
                        "things.get",
                        GET,
                        (h, in) -> "b",
                        Duration.ofSeconds(1)))
                .expectErrorMessage("closed")
                .verify();
        assertThat(seen).isEmpty();
        Mono<String> call = run(AuthStrategy.none());
        StepVerifier.create(call).expectNext("ok").verifyComplete();
        StepVerifier.create(call).expectNext("ok").verifyComplete();
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0).state()).isNotSameAs(seen.get(1).state());
    }

    @Test
    void theDeadlineEndsAnAttemptThatOutlivesTheCall() {
        script.add(Mono.never());
        StepVerifier.create(new DeadlinePolicy().apply(call(Duration.ofMillis(80)), rest))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOfSatisfying(
                                TimeoutException.class,
                                t -> assertThat(t.kind()).isEqualTo(TimeoutException.Kind.TOTAL)))
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void rateLimitTakesAPermitBeforeTheRestAndGivesItBackAfterwards() {
        List<String> events = new CopyOnWriteArrayList<>();
        RateLimiter limiter = new RateLimiter() {
            @Override
            public Mono<Permit> acquire(HttpRequest request, long deadlineNanos) {
                return Mono.fromCallable(() -> {
                    events.add("acquire");
                    return new Permit() {
                        @Override
                        public long grantedAtNanos() {
                            return System.nanoTime();
                        }

                        @Override
                        public void release() {
                            events.add("release");
                        }
                    };
                });
            }

            @Override
            public void update(io.trackflow.core.http.HttpResponse response, Permit permit) {
                events.add("update");
            }

            @Override
            public void hold(Duration duration) {
                events.add("hold " + duration.toSeconds());
            }

            @Override
            public io.trackflow.core.ratelimit.RateLimitStats stats() {
                return RateLimits.none().stats();
            }
        };
        CallPolicy.Next<String> recording = c -> {
            events.add("rest");
            return rest.proceed(c);
        };
        StepVerifier.create(new RateLimitPolicy(limiter, null).apply(call(), recording))
                .expectNext("ok")
                .verifyComplete();
        assertThat(events).containsExactly("acquire", "rest", "release");

        // a 429 that says when to come back holds the whole limiter for that long
        events.clear();
        RateLimitException tooMany = (RateLimitException) TestErrors.status(429, Optional.of(Duration.ofSeconds(7)));
        script.add(Mono.error(tooMany));
        StepVerifier.create(new RateLimitPolicy(limiter, null).apply(call(), recording))
                .expectError(RateLimitException.class)
                .verify();
        assertThat(events).containsExactly("acquire", "rest", "hold 7", "release");
    }
}
