package io.trackflow.beyondwords;

import static io.trackflow.beyondwords.Recorded.FAST;
import static io.trackflow.beyondwords.Recorded.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.beyondwords.model.BackgroundTrackRequest;
import io.trackflow.core.http.ReactorNettyTransport;
import io.trackflow.testkit.FakeBeyondWords;
import io.trackflow.testkit.Fault;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * A closed client refuses: every call, and every {@code Mono}/{@code Flux} it assembled before the close,
 * fails at once with an {@link IllegalStateException}, sends nothing and opens no connection; calls in
 * flight end and release their connections; a transport closed by its owner refuses the same way.
 */
class LifecycleTest {

    private FakeBeyondWords server;

    @BeforeEach
    void start() {
        server = FakeBeyondWords.start().seed(300);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aClosedClientRefusesEveryCallAtOnceAndSendsNothing() {
        BeyondWordsClient bw = client(server, FAST);
        bw.backgroundTracks().get(1).block(Duration.ofSeconds(10));
        awaitConnections(1); // the pool's keep-alive connection
        bw.close();
        awaitConnections(0);
        server.clearRequests();
        long accepted = server.acceptedConnections();

        BackgroundTracks tracks = bw.backgroundTracks();
        List<Mono<?>> monos = List.of(
                tracks.get(1001),
                tracks.create(BackgroundTrackRequest.builder().name("n").build()),
                tracks.update(1, BackgroundTrackRequest.builder().volume(3).build()),
                tracks.partitions(BackgroundTrackQuery.all(), 2));
        List<Flux<?>> fluxes = List.of(
                tracks.list(),
                tracks.pages(BackgroundTrackQuery.all()),
                tracks.list(BackgroundTrackQuery.all(), io.trackflow.core.paging.OffsetRange.of(0, 10)));
        for (Mono<?> m : monos) {
            StepVerifier.create(m)
                    .expectErrorSatisfies(LifecycleTest::isClientClosed)
                    .verify(Duration.ofSeconds(2));
        }
        for (Flux<?> f : fluxes) {
            StepVerifier.create(f)
                    .expectErrorSatisfies(LifecycleTest::isClientClosed)
                    .verify(Duration.ofSeconds(2));
        }
        assertThat(server.requestCount()).isZero();
        assertThat(server.acceptedConnections()).isEqualTo(accepted);
        assertThat(server.openConnections()).isZero();
        bw.close(); // twice: harmless
        bw.closeAsync().block(Duration.ofSeconds(5));
    }

    @Test
    void whatWasAssembledBeforeTheCloseFailsWhenSubscribedAfterIt() {
        Flux<BackgroundTrack> listing;
        Mono<BackgroundTrack> one;
        try (BeyondWordsClient bw = client(server, FAST)) {
            listing = bw.backgroundTracks().list();
            one = bw.backgroundTracks().get(2);
        }
        StepVerifier.create(listing)
                .expectErrorSatisfies(LifecycleTest::isClientClosed)
                .verify(Duration.ofSeconds(2));
        StepVerifier.create(one)
                .expectErrorSatisfies(LifecycleTest::isClientClosed)
                .verify(Duration.ofSeconds(2));
        assertThat(server.requestCount()).isZero();
        assertThat(server.acceptedConnections()).isZero();
    }

    @Test
    void closeAsyncClosesOnSubscription() {
        BeyondWordsClient bw = client(server, FAST);
        Mono<Void> closing = bw.closeAsync();
        bw.backgroundTracks().get(1).block(Duration.ofSeconds(10)); // not subscribed yet: still open
        closing.block(Duration.ofSeconds(5));
        StepVerifier.create(bw.backgroundTracks().get(1))
                .expectErrorSatisfies(LifecycleTest::isClientClosed)
                .verify(Duration.ofSeconds(2));
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void aListingInFlightAtTheCloseEndsAndReleasesItsConnections() {
        server.faults().latency(Duration.ofMillis(300));
        BeyondWordsClient bw = client(server, FAST);
        List<BackgroundTrack> seen = new CopyOnWriteArrayList<>();
        List<Throwable> failed = new CopyOnWriteArrayList<>();
        Disposable listing = bw.backgroundTracks()
                .list(BackgroundTrackQuery.builder().pageSize(10).concurrency(4).build())
                .subscribe(seen::add, failed::add);
        awaitRequests(2);
        // the requests sent before the close: after page 1 the next pages go out together, but those on a
        // new connection reach the server a few ms later; the count settles long before the 300 ms answers
        long sent = awaitSteadyCount(Duration.ofMillis(100));
        bw.close();
        awaitCondition(() -> !failed.isEmpty(), "the listing ends");
        // the pool the client created is freed under it: the listing ends with the transport's refusal
        assertThat(failed)
                .singleElement()
                .satisfies(e ->
                        assertThat(e).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed"));
        assertThat(listing.isDisposed()).isTrue();
        awaitConnections(0);
        sleep(700); // nothing more is sent after the close
        assertThat(server.requestCount()).isEqualTo(sent);
        assertThat(seen.size()).isLessThan(300);
    }

    @Test
    void aSharedTransportClosedByItsOwnerRefusesAndNeverOpensANewPool() {
        ReactorNettyTransport transport = ReactorNettyTransport.create();
        BeyondWordsClient bw = BeyondWordsClient.builder()
                .apiKey(server.apiKey())
                .baseUrl(server.baseUrl())
                .transport(transport)
                .retryPolicy(FAST)
                .build();
        bw.backgroundTracks().get(1).block(Duration.ofSeconds(10));
        transport.close();
        awaitConnections(0);
        server.clearRequests();
        long accepted = server.acceptedConnections();
        StepVerifier.create(bw.backgroundTracks().get(1))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("transport closed"))
                .verify(Duration.ofSeconds(5));
        assertThat(server.requestCount()).isZero();
        assertThat(server.acceptedConnections()).isEqualTo(accepted);
        transport.close(); // twice: harmless
        bw.close();
    }

    @Test
    void closingAClientLeavesASharedTransportToItsOwner() {
        try (ReactorNettyTransport transport = ReactorNettyTransport.create()) {
            BeyondWordsClient first = BeyondWordsClient.builder()
                    .apiKey(server.apiKey())
                    .baseUrl(server.baseUrl())
                    .transport(transport)
                    .build();
            BeyondWordsClient second = BeyondWordsClient.builder()
                    .apiKey(server.apiKey())
                    .baseUrl(server.baseUrl())
                    .transport(transport)
                    .build();
            first.close();
            assertThat(second.backgroundTracks()
                            .get(3)
                            .block(Duration.ofSeconds(10))
                            .id())
                    .isEqualTo(3);
            StepVerifier.create(first.backgroundTracks().get(3))
                    .expectErrorSatisfies(LifecycleTest::isClientClosed)
                    .verify(Duration.ofSeconds(2));
            second.close();
        }
    }

    /**
     * A call the server has not answered ends at the close with the client's refusal, at once, and its
     * connection is closed, on a transport the client created as on a shared one (which stays open).
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aCallInFlightEndsAtOnceAtTheClose(boolean shared) throws Exception {
        server.faults().latency(Duration.ofSeconds(20));
        ReactorNettyTransport transport = shared ? ReactorNettyTransport.create() : null;
        BeyondWordsClient bw = clientOn(transport);
        try {
            CompletableFuture<BackgroundTrack> call =
                    bw.backgroundTracks().get(1).toFuture();
            awaitRequests(1);
            closeEndsAtOnce(bw, call, 2);
            awaitConnections(0);
            assertThat(server.requestCount()).isEqualTo(1);
        } finally {
            if (transport != null) {
                transport.close();
            }
        }
    }

    /** A call waiting to retry ends at the close, at once, and no retry is sent, on a shared transport too. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aCallWaitingToRetryEndsAtTheCloseAndSendsNoRetry(boolean shared) throws Exception {
        server.faults().inject(r -> true, Fault.status(503).withRetryAfter("2"), 10);
        ReactorNettyTransport transport = shared ? ReactorNettyTransport.create() : null;
        BeyondWordsClient bw = clientOn(transport);
        try {
            CompletableFuture<BackgroundTrack> call =
                    bw.backgroundTracks().get(1).toFuture();
            awaitRequests(1);
            sleep(100); // the 503 read: the call waits 2 s for its retry
            closeEndsAtOnce(bw, call, 1);
            sleep(2500); // past the Retry-After
            assertThat(server.requestCount()).isEqualTo(1);
        } finally {
            if (transport != null) {
                transport.close();
            }
        }
    }

    /** Closes {@code bw} and checks that {@code call} fails with "client closed" within {@code seconds}. */
    private static void closeEndsAtOnce(BeyondWordsClient bw, CompletableFuture<?> call, int seconds) {
        long closed = System.nanoTime();
        bw.close();
        assertThatThrownBy(() -> call.get(seconds, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .satisfies(LifecycleTest::isClientClosed);
        assertThat(Duration.ofNanos(System.nanoTime() - closed)).isLessThan(Duration.ofSeconds(seconds));
    }

    /** A client of the fake with fast retries, on {@code transport} when given, else on one of its own. */
    private BeyondWordsClient clientOn(ReactorNettyTransport transport) {
        BeyondWordsClient.Builder b = BeyondWordsClient.builder()
                .apiKey(server.apiKey())
                .baseUrl(server.baseUrl())
                .retryPolicy(FAST);
        return transport == null ? b.build() : b.transport(transport).build();
    }

    private static void isClientClosed(Throwable e) {
        assertThat(e).isInstanceOf(IllegalStateException.class).hasMessageContaining("client closed");
    }

    private void awaitConnections(int n) {
        awaitCondition(() -> server.openConnections() == n, n + " open connections at the server");
    }

    /** The server's request count once it has not changed for {@code quiet}. */
    private long awaitSteadyCount(Duration quiet) {
        long seen = server.requestCount();
        long since = System.nanoTime();
        while (System.nanoTime() - since < quiet.toNanos()) {
            sleep(10);
            long now = server.requestCount();
            if (now != seen) {
                seen = now;
                since = System.nanoTime();
            }
        }
        return seen;
    }

    private void awaitRequests(long n) {
        awaitCondition(() -> server.requestCount() >= n, n + " requests at the server");
    }

    private static void awaitCondition(java.util.function.BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            sleep(20);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
