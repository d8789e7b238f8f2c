package io.trackflow.beyondwords;

import static io.trackflow.beyondwords.Recorded.FAST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.trackflow.core.error.DecodingException;
import io.trackflow.core.error.NotFoundException;
import io.trackflow.core.error.RateLimitException;
import io.trackflow.core.error.UnauthorizedException;
import io.trackflow.core.retry.RetryPolicy;
import io.trackflow.testkit.FakeBeyondWords;
import io.trackflow.testkit.Fault;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What a server sends that is not what it says: a body that does not decode, a wait past any deadline, an old date form. */
class WireFaultsTest {

    /**
     * A server on a raw socket that answers every request with {@code status} and a body that says it is
     * gzip and is not; {@code requests} counts what it read.
     */
    private static ServerSocket badGzipServer(int status, AtomicInteger requests) throws Exception {
        ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!ss.isClosed()) {
                try (Socket s = ss.accept()) {
                    InputStream in = s.getInputStream();
                    if (in.read(new byte[8192]) <= 0) {
                        continue;
                    }
                    requests.incrementAndGet();
                    byte[] body = "{\"id\":1,\"name\":\"a\",\"created\":\"2023-01-01T00:00:00Z\"}"
                            .getBytes(StandardCharsets.UTF_8);
                    OutputStream out = s.getOutputStream();
                    out.write(
                            ("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
                                            + "Connection: close\r\nContent-Length: " + body.length + "\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                } catch (Exception e) {
                    // the next connection
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return ss;
    }

    private static BeyondWordsClient clientOf(ServerSocket ss) {
        return BeyondWordsClient.builder()
                .apiKey("k")
                .baseUrl("http://127.0.0.1:" + ss.getLocalPort() + "/v1")
                .retryPolicy(FAST)
                .build();
    }

    /** DESIGN §4: "A malformed 2xx body is not retried: it is a DecodingException" (a gzip body that is not gzip). */
    @Test
    void aSuccessWhoseGzipBodyDoesNotDecodeIsADecodingExceptionNotRetried() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (ServerSocket ss = badGzipServer(200, requests);
                BeyondWordsClient bw = clientOf(ss)) {
            Throwable e = catchThrowable(() -> bw.backgroundTracks().get(1).block(Duration.ofSeconds(10)));
            assertThat(e).isInstanceOf(DecodingException.class).hasMessageContaining("Content-Encoding");
            assertThat(((DecodingException) e).status()).contains(200);
            assertThat(requests.get()).isEqualTo(1);
        }
    }

    /** An error whose gzip body does not decode is still its status: a 404, not a retried transport failure. */
    @Test
    void anErrorWhoseGzipBodyDoesNotDecodeKeepsItsStatus() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (ServerSocket ss = badGzipServer(404, requests);
                BeyondWordsClient bw = clientOf(ss)) {
            Throwable e = catchThrowable(() -> bw.backgroundTracks().get(1).block(Duration.ofSeconds(10)));
            assertThat(e).isInstanceOf(NotFoundException.class);
            assertThat(((NotFoundException) e).status()).isEqualTo(404);
            assertThat(requests.get()).isEqualTo(1);
        }
    }

    /** A Retry-After longer than any wait (here ~317 years) surfaces with the server's value, at once. */
    @Test
    void aRetryAfterPastAnyWaitSurfacesWithTheServersValue() {
        try (FakeBeyondWords server = FakeBeyondWords.start().seed(3);
                BeyondWordsClient bw = Recorded.client(server, FAST)) {
            server.faults().inject(r -> true, Fault.rateLimited("9999999999"), 10);
            Throwable e = catchThrowable(() -> bw.backgroundTracks().get(1).block(Duration.ofSeconds(10)));
            assertThat(e).isInstanceOf(RateLimitException.class);
            assertThat(((RateLimitException) e).retryAfter()).contains(Duration.ofSeconds(9_999_999_999L));
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }

    /** RFC 9110 §5.6.7: a recipient accepts the obsolete RFC 850 date form too. */
    @Test
    void aRetryAfterInTheRfc850FormIsWaitedFor() {
        String rfc850 = DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.US)
                .format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(3));
        try (FakeBeyondWords server = FakeBeyondWords.start().seed(3);
                BeyondWordsClient bw = Recorded.client(server, FAST)) {
            server.faults().next(Fault.status(503).withRetryAfter(rfc850));
            long started = System.nanoTime();
            assertThat(bw.backgroundTracks()
                            .get(1)
                            .block(Duration.ofSeconds(10))
                            .id())
                    .isEqualTo(1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(1500));
            assertThat(server.requestCount()).isEqualTo(2);
        }
    }
    /** DESIGN §4: credentials are shown as **** in every exception, even when the server echoes them. */
    @Test
    void anApiKeyEchoedByTheServerIsMaskedInTheError() {
        try (FakeBeyondWords server = FakeBeyondWords.start().seed(3);
                BeyondWordsClient bw = Recorded.client(server, FAST)) {
            server.faults()
                    .next(Fault.body(
                            401,
                            "application/json",
                            ("{\"code\":401,\"message\":\"Invalid API key " + server.apiKey() + "\"}")
                                    .getBytes(StandardCharsets.UTF_8)));
            Throwable e = catchThrowable(() -> bw.backgroundTracks().get(1).block(Duration.ofSeconds(10)));
            assertThat(e).isInstanceOf(UnauthorizedException.class);
            UnauthorizedException u = (UnauthorizedException) e;
            assertThat(u.getMessage()).doesNotContain(server.apiKey()).contains("Invalid API key ****");
            assertThat(u.bodyExcerpt()).doesNotContain(server.apiKey());
            assertThat(u.toString()).doesNotContain(server.apiKey());
        }
    }
    /**
     * DESIGN §4: a 2xx that echoes the API key and does not decode keeps it out of the {@code
     * DecodingException}: its message, its excerpt and its causes' messages (a parser names the token it
     * could not read), in the forms a server may echo it.
     */
    @Test
    void anApiKeyEchoedInASuccessThatDoesNotDecodeIsMaskedInTheError() {
        try (FakeBeyondWords server = FakeBeyondWords.start().seed(3);
                BeyondWordsClient bw = Recorded.client(server, FAST)) {
            String key = server.apiKey();
            for (String body : List.of(
                    "{\"id\": " + key + "}", // the parser quotes the token it cannot read
                    "{\"id\":\"" + key + "\",\"name\":\"x\"}", // a string where a number goes
                    key)) {
                server.faults().next(Fault.body(200, "application/json", body.getBytes(StandardCharsets.UTF_8)));
                Throwable e = catchThrowable(() -> bw.backgroundTracks().get(1).block(Duration.ofSeconds(10)));
                assertThat(e).as(body).isInstanceOf(DecodingException.class);
                assertThat(((DecodingException) e).bodyExcerpt())
                        .as(body)
                        .doesNotContain(key)
                        .contains("****");
                for (Throwable t = e; t != null; t = t.getCause()) {
                    assertThat(String.valueOf(t.getMessage())).as(body).doesNotContain(key);
                    assertThat(t.toString()).as(body).doesNotContain(key);
                }
            }
        }
    }

    /** A Retry-After within an unbounded maxRetryAfter but past the deadline surfaces; no arithmetic overflow. */
    @Test
    void aHugeRetryAfterUnderAnUnboundedCapSurfacesAtTheDeadline() {
        try (FakeBeyondWords server = FakeBeyondWords.start().seed(3);
                BeyondWordsClient bw = BeyondWordsClient.builder()
                        .apiKey(server.apiKey())
                        .baseUrl(server.baseUrl())
                        .retryPolicy(RetryPolicy.builder()
                                .maxRetryAfter(Duration.ofSeconds(Long.MAX_VALUE / 2))
                                .build())
                        .build()) {
            server.faults().inject(r -> true, Fault.rateLimited("10000000000"), 10);
            Throwable e = catchThrowable(() -> bw.backgroundTracks().get(1).block(Duration.ofSeconds(10)));
            assertThat(e).isInstanceOf(RateLimitException.class);
            assertThat(((RateLimitException) e).retryAfter()).contains(Duration.ofSeconds(10_000_000_000L));
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }
}
