package io.trackflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The fakes count connections, not requests: many requests on one keep-alive connection are one
 * accepted and one open connection (the server observes each channel once, so it keeps nothing of a
 * request once it is answered), and none is open once the client's pool is gone.
 */
class ConnectionCountTest {

    @Test
    void requestsOnOneKeepAliveConnectionAreOneConnection() throws InterruptedException {
        try (FakeBeyondWords server = FakeBeyondWords.start().seed(5)) {
            ConnectionProvider one = ConnectionProvider.create("one-connection", 1);
            try {
                HttpClient client = HttpClient.create(one).headers(h -> h.add("X-Api-Key", server.apiKey()));
                Long answered = Flux.range(0, 50)
                        .concatMap(i -> client.get()
                                .uri(server.baseUrl() + "/background_tracks")
                                .responseSingle((res, body) ->
                                        body.asString().thenReturn(res.status().code())))
                        .filter(code -> code == 200)
                        .count()
                        .block(Duration.ofSeconds(20));
                assertThat(answered).isEqualTo(50);
                assertThat(server.requestCount()).isEqualTo(50);
                assertThat(server.acceptedConnections()).isEqualTo(1);
                assertThat(server.openConnections()).isEqualTo(1);
            } finally {
                one.disposeLater().block(Duration.ofSeconds(10));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (server.openConnections() != 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(server.openConnections()).isZero();
            assertThat(server.acceptedConnections()).isEqualTo(1);
        }
    }
}
