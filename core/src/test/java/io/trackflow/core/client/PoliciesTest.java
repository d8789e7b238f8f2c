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
 * Each policy of the pipeline alone, in front of a scripted rest of the pipeline (a {@link
 * CallPolicy.Next} that records the calls it is given and answers from a script).
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

    @Test
    void defaultHeadersAreAddedUnlessTheRequestSetsThem() {
        HttpRequest own = GET.withHeader("accept", "text/plain");
        DefaultHeadersPolicy p = new DefaultHeadersPolicy(Map.of("Accept", "application/json", "X-Client", "t"));
        StepVerifier.create(p.apply(call().withRequest(own), rest))
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
        StepVerifier.create(new AuthenticationPolicy(refreshing).apply(call(), rest))
                .expectNext("ok")
                .verifyComplete();
        assertThat(seen).hasSize(2).allSatisfy(c -> assertThat(c.auth()).isSameAs(refreshing));

        // a second 401 after the refresh is final; a strategy that cannot refresh ends at the first
        seen.clear();
        script.add(Mono.error(TestErrors.status(401)));
        StepVerifier.create(new AuthenticationPolicy(refreshing).apply(call(), rest))
                .expectError(UnauthorizedException.class)
                .verify();
        assertThat(seen).hasSize(1);
        seen.clear();
        script.add(Mono.error(TestErrors.status(401)));
        StepVerifier.create(new AuthenticationPolicy(AuthStrategy.none()).apply(call(), rest))
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
        Call<String> c = call();
        StepVerifier.create(new RetryingPolicy(FAST, listener, false).apply(c, rest))
                .expectNext("ok")
                .verifyComplete();
        assertThat(seen).extracting(Call::attempt).containsExactly(0, 1, 2);
        assertThat(told).containsExactly(1, 2); // retries from 1, as the trackflow.retry tag (issue 27)
        assertThat(c.state().attempts()).isEqualTo(3);
        assertThat(c.state().retries()).isEqualTo(2);
    }

    @Test
    void retryEndsAtOnceOnWhatIsNotRetryableOrAWaitPastTheDeadline() {
        script.add(Mono.error(TestErrors.status(404)));
        StepVerifier.create(new RetryingPolicy(FAST, RetryListener.NONE, false).apply(call(), rest))
                .expectError(NotFoundException.class)
                .verify();
        assertThat(seen).hasSize(1);

        seen.clear();
        script.add(Mono.error(TestErrors.status(503, Optional.of(Duration.ofSeconds(30)))));
        long started = System.nanoTime();
        StepVerifier.create(
                        new RetryingPolicy(FAST, RetryListener.NONE, false).apply(call(Duration.ofSeconds(5)), rest))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(ServerException.class)
                        .extracting(x -> ((ServerException) x).attempts())
                        .isEqualTo(1))
                .verify();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(seen).hasSize(1);
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
