package io.trackflow.beyondwords;

import static io.trackflow.beyondwords.Hostile.h;
import static io.trackflow.beyondwords.Hostile.respond;
import static io.trackflow.beyondwords.Hostile.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.trackflow.core.error.ApiException;
import io.trackflow.core.error.DecodingException;
import io.trackflow.core.error.HttpStatusException;
import io.trackflow.core.error.RateLimitException;
import io.trackflow.core.retry.RetryPolicy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Edges of a 429's hold of the client and of masking a 2xx that does not decode (an adversarial review's cases). */
class HoldAndMaskingEdgesTest extends HostileServerTest {

    /** All identifier characters: Jackson reads it as one unquoted token. */
    static final String LONG_KEY = "k3yAbCdEf0123456789xyzQWERTY";

    private static String fullTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    // ---------------------------------------------------------------- 3600663: masking

    /**
     * The key straddles the 2 KiB excerpt boundary: the excerpt is cut first and masked after, so the
     * key's first bytes are in bodyExcerpt() (the error-status path masks the whole body first).
     */
    @Test
    void aKeyAcrossTheExcerptBoundaryOfA2xxIsNotShownInPart() {
        String body = " ".repeat(2048 - 10) + KEY; // the excerpt ends after KEY's first 10 chars
        BackgroundTracks t = start((r, s, out) -> {
            respond(out, 200, body);
            return true;
        });
        Throwable e = catchThrowable(() -> t.get(1).block(T));
        assertThat(e).isInstanceOf(DecodingException.class);
        assertThat(((DecodingException) e).bodyExcerpt()).doesNotContain(KEY.substring(0, 10));
        assertThat(fullTrace(e)).doesNotContain(KEY.substring(0, 10));
    }

    /** Control: the same body with an error status shows no part of the key (whole body masked, then cut). */
    @Test
    void aKeyAcrossTheExcerptBoundaryOfAnErrorStatusIsMaskedWhole() {
        String body = " ".repeat(2048 - 10) + KEY;
        BackgroundTracks t = start((r, s, out) -> {
            respond(out, 400, body);
            return true;
        });
        Throwable e = catchThrowable(() -> t.get(1).block(T));
        assertThat(e).isInstanceOf(HttpStatusException.class);
        assertThat(((HttpStatusException) e).bodyExcerpt()).doesNotContain(KEY.substring(0, 10));
    }

    /**
     * Jackson cuts the token it names in its message at 256 characters ("..."): an echoed key that
     * straddles that cut is in the message and the cause in part, which whole-key matching misses.
     */
    @Test
    void aKeyCutInJacksonsTokenReportIsNotShownInPart() {
        String body = "{\"id\": " + "z".repeat(256 - 12) + LONG_KEY + "}";
        bw = builder((r, s, out) -> {
                    respond(out, 200, body);
                    return true;
                })
                .apiKey(LONG_KEY)
                .build();
        Throwable e = catchThrowable(() -> bw.backgroundTracks().get(1).block(T));
        assertThat(e).isInstanceOf(DecodingException.class);
        String part = LONG_KEY.substring(0, 12);
        for (Throwable c = e; c != null; c = c.getCause()) {
            assertThat(c.toString()).as("in the chain: %s", c.getClass()).doesNotContain(part);
        }
    }

    /** Held up: a masked chain (MaskedCause) serializes, and its trace shows no key. */
    @Test
    void aMaskedDecodingExceptionSerializesAndItsTraceShowsNoKey() throws Exception {
        bw = builder((r, s, out) -> {
                    respond(out, 200, "{\"id\": abcdef" + "SECRETxKEYx123" + "}");
                    return true;
                })
                .apiKey("SECRETxKEYx123")
                .build();
        Throwable e = catchThrowable(() -> bw.backgroundTracks().get(1).block(T));
        assertThat(e).isInstanceOf(DecodingException.class);
        assertThat(e.getCause().getClass().getSimpleName()).isEqualTo("MaskedCause");
        assertThat(fullTrace(e)).doesNotContain("SECRETxKEYx123");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
            o.writeObject(e);
        }
        Object back = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();
        assertThat(fullTrace((Throwable) back)).doesNotContain("SECRETxKEYx123");
    }

    // ---------------------------------------------------------------- b01688f: the hold

    /**
     * A call tried twice (two 503s) that a 429 of another call then holds past its deadline surfaces a
     * RateLimitException that says it was tried once, and drops the 503 it had.
     */
    @Test
    void aHeldCallThatFailsAtItsDeadlineKeepsItsAttemptCount() throws Exception {
        AtomicInteger twos = new AtomicInteger();
        CompletableFuture<Void> secondSent = new CompletableFuture<>();
        bw = builder((r, s, out) -> {
                    if (r.path.endsWith("/1")) {
                        respond(out, 429, h("Retry-After", "3"), "{\"message\":\"Too Many Attempts.\"}");
                    } else {
                        if (twos.incrementAndGet() == 2) {
                            secondSent.complete(null);
                            Thread.sleep(300); // the 429 arrives meanwhile
                        }
                        respond(out, 503, "{\"message\":\"busy\"}");
                    }
                    return true;
                })
                .totalTimeout(Duration.ofSeconds(2))
                .build();
        BackgroundTracks t = bw.backgroundTracks();
        CompletableFuture<?> b = t.get(2).toFuture();
        secondSent.get(10, TimeUnit.SECONDS);
        catchThrowable(() -> t.get(1).block(T)); // the 429: a hold of 3 s, past its own 2 s deadline
        Throwable e = catchThrowable(() -> b.get(10, TimeUnit.SECONDS)).getCause();
        assertThat(twos.get()).isEqualTo(2); // tried twice, then held: nothing more sent
        assertThat(e).isInstanceOf(RateLimitException.class);
        assertThat(((ApiException) e).attempts())
                .as("attempts() of a call tried twice")
                .isGreaterThanOrEqualTo(2);
    }

    /** Held up: close() ends a held call at once with "client closed", and nothing is sent after. */
    @Test
    void closeEndsAHeldCallAtOnceAndSendsNothing() throws Exception {
        AtomicInteger n = new AtomicInteger();
        CountDownLatch holdSet = new CountDownLatch(1);
        bw = builder((r, s, out) -> {
                    if (n.getAndIncrement() == 0) {
                        respond(out, 429, h("Retry-After", "1"), "{}");
                    } else {
                        respond(out, 200, track(1));
                    }
                    return true;
                })
                .retryListener((retry, error, delay) -> holdSet.countDown()) // after the hold is set
                .build();
        BackgroundTracks t = bw.backgroundTracks();
        CompletableFuture<?> first = t.get(1).toFuture();
        assertThat(holdSet.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<?> held = t.get(2).toFuture();
        Thread.sleep(50);
        long t0 = System.nanoTime();
        bw.close();
        Throwable e1 = catchThrowable(() -> held.get(5, TimeUnit.SECONDS)).getCause();
        Throwable e2 = catchThrowable(() -> first.get(5, TimeUnit.SECONDS)).getCause();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(300));
        assertThat(e1).isInstanceOf(IllegalStateException.class).hasMessageContaining("client closed");
        assertThat(e2).isInstanceOf(IllegalStateException.class).hasMessageContaining("client closed");
        Thread.sleep(1500);
        assertThat(server.requests).hasSize(1);
    }

    /**
     * Held up: a Retry-After past what nanoseconds count, under a cap that lets it hold, holds without
     * overflow; a held call fails at once.
     */
    @Test
    void aHugeRetryAfterHoldsWithoutOverflow() {
        bw = tooManyOnce("999999999999999999")
                .retryPolicy(RetryPolicy.builder()
                        .from(FAST)
                        .maxRetryAfter(Duration.ofSeconds(Long.MAX_VALUE))
                        .build())
                .build();
        BackgroundTracks t = bw.backgroundTracks();
        catchThrowable(() -> t.get(1).block(T));
        long t0 = System.nanoTime();
        Throwable e = catchThrowable(() -> t.get(2).block(T));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
        assertThat(e).isInstanceOf(RateLimitException.class);
        assertThat(((RateLimitException) e).retryAfter())
                .hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofDays(365)));
        assertThat(server.requests).hasSize(1);
    }
}
