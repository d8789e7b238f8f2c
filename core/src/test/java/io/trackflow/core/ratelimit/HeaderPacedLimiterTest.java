package io.trackflow.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.core.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The header limiter's arithmetic on a clock of the test's own: a simulated server keeps fixed
 * windows on its (skewed) clock and sends whole-second {@code Date} and {@code X-RateLimit-Reset}
 * headers; the limiter's hooks are driven directly with the simulated instants, no real time passes.
 */
class HeaderPacedLimiterTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final long T0 = 5_000 * SECOND; // an arbitrary origin of the local nanoTime scale

    /** A Laravel-like fixed window on a clock {@code offsetNanos} ahead of the local nanoTime scale. */
    private static final class Server {
        final int limit;
        final long windowNanos;
        final long offsetNanos;
        final boolean floor;
        boolean open;
        long end; // local nanos
        int used;
        int refused;
        final List<Long> openedAt = new ArrayList<>();
        final List<Long> lateness = new ArrayList<>(); // each new window's opening after the previous end

        Server(int limit, long windowNanos, long offsetNanos, boolean floor) {
            this.limit = limit;
            this.windowNanos = windowNanos;
            this.offsetNanos = offsetNanos;
            this.floor = floor;
        }

        HttpResponse attempt(long at) {
            if (!open || at >= end) {
                if (open) {
                    lateness.add(at - end);
                }
                open = true;
                end = at + windowNanos;
                used = 0;
                openedAt.add(at);
            }
            long serverNow = at + offsetNanos;
            long serverEnd = end + offsetNanos;
            long reset = floor ? Math.floorDiv(serverEnd, SECOND) : -Math.floorDiv(-serverEnd, SECOND);
            boolean allowed = used < limit;
            if (allowed) {
                used++;
            } else {
                refused++;
            }
            return HttpResponse.builder()
                    .status(allowed ? 200 : 429)
                    .header("X-RateLimit-Limit", String.valueOf(limit))
                    .header("X-RateLimit-Remaining", String.valueOf(limit - used))
                    .header("X-RateLimit-Reset", String.valueOf(reset))
                    .header(
                            "Date",
                            DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                    Instant.ofEpochSecond(Math.floorDiv(serverNow, SECOND))
                                            .atOffset(ZoneOffset.UTC)))
                    .body(ByteBuffer.allocate(0).asReadOnlyBuffer())
                    .build();
        }
    }

    private static HeaderPacedLimiter limiter() {
        return new HeaderPacedLimiter("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset");
    }

    /**
     * Sends {@code requests} requests one after the other, each as soon as the limiter allows, each
     * reaching the server {@code oneWay} after it is granted and answered as long after that.
     */
    private static void run(HeaderPacedLimiter limiter, Server server, int requests, long oneWay, long start) {
        long t = start;
        for (int i = 0; i < requests; i++) {
            long at = limiter.grantableAt(t);
            assertThat(at).as("nothing in flight: only time can hold a request").isNotEqualTo(QueueingLimiter.ON_EVENT);
            if (at != 0) {
                t = Math.max(t, at);
                assertThat(limiter.grantableAt(t)).isZero();
            }
            QueueingLimiter.Grant g = limiter.take(t);
            HttpResponse answer = server.attempt(t + oneWay);
            t += 2 * oneWay;
            limiter.learn(answer, g, t);
            limiter.released(g);
        }
    }

    @Test
    void aFlooredResetIsNotTakenForTheEndOfTheWindowWhateverThePhaseAndSkew() {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            // windows open at any instant of the server's second; its clock is off by up to 10 s either way
            long offset = 1_900_000_000L * SECOND + (long) ((random.nextDouble() * 20 - 10) * SECOND);
            long oneWay = (1 + random.nextInt(20)) * MS;
            Server server = new Server(10, 3 * SECOND, offset, true);
            run(limiter(), server, 10 * 12, oneWay, T0 + (long) (random.nextDouble() * SECOND));
            assertThat(server.refused).as("429s in round %d", round).isZero();
            assertThat(server.openedAt).hasSize(12);
            // the first window's end is only known to the second; every later one was opened by the client,
            // which knows by then how long a window lasts and meets the next one a round trip and 20 ms late
            List<Long> later = server.lateness.subList(1, server.lateness.size());
            assertThat(later).allSatisfy(l -> assertThat(l).isBetween(0L, 2 * oneWay + 21 * MS));
            assertThat(server.lateness.get(0)).isBetween(0L, SECOND + 2 * oneWay + 21 * MS);
        }
    }

    @Test
    void aServerThatRoundsTheResetUpIsPacedWithoutA429AtMostASecondLate() {
        Random random = new Random(7);
        for (int round = 0; round < 100; round++) {
            long offset = 1_900_000_000L * SECOND + (long) ((random.nextDouble() * 20 - 10) * SECOND);
            Server server = new Server(5, 2 * SECOND, offset, false);
            run(limiter(), server, 5 * 8, 2 * MS, T0 + (long) (random.nextDouble() * SECOND));
            assertThat(server.refused).isZero();
            // from its figures alone it cannot tell a 2 s window rounded up from a 3 s window floored
            assertThat(server.lateness.subList(1, server.lateness.size()))
                    .allSatisfy(l -> assertThat(l).isBetween(0L, SECOND + 30 * MS));
        }
    }

    private static HttpResponse figures(int limit, int remaining, long reset, long date) {
        return HttpResponse.builder()
                .status(200)
                .header("X-RateLimit-Limit", String.valueOf(limit))
                .header("X-RateLimit-Remaining", String.valueOf(remaining))
                .header("X-RateLimit-Reset", String.valueOf(reset))
                .header(
                        "Date",
                        DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                Instant.ofEpochSecond(date).atOffset(ZoneOffset.UTC)))
                .body(ByteBuffer.allocate(0).asReadOnlyBuffer())
                .build();
    }

    @Test
    void theLengthIsLearnedOnlyFromAnOpeningKnownToFallInTheSecondOfItsDate() {
        long s = 1_900_000_000L;
        HeaderPacedLimiter limiter = limiter();
        // sent at T0; the window opens at s + 0.995 (T0 + 5 ms) and ends 3 s later, at s + 3.995; Laravel's
        // timer says s + 3. The answer is stamped after the server's second turned: Date s + 1
        QueueingLimiter.Grant g = limiter.take(T0);
        limiter.learn(figures(3, 2, s + 3, s + 1), g, T0 + 20 * MS);
        limiter.released(g);
        limiter.take(T0 + 20 * MS);
        limiter.take(T0 + 20 * MS);
        // reset - Date is 2 here, a second short: nothing is learned of the length, and the window is held
        // until the server's clock has surely passed s + 4 (it read s + 1 at T0 + 20 ms at the latest; 3 s
        // later, 100 ppm of drift allowed), and 20 ms more
        long resume = limiter.grantableAt(T0 + 30 * MS);
        assertThat(resume).isEqualTo(T0 + 20 * MS + 3 * SECOND + 3 * SECOND / 10_000 + 20 * MS);
        assertThat(resume).isGreaterThan(T0 + 5 * MS + 3 * SECOND); // after the true end

        // the next window opens at about T0 + 3.045 s (s + 4.035), answered 20 ms after the probe was sent with
        // Date s + 4 and Reset s + 7. The server's clock had surely passed s + 4 when the request was sent (it read at
        // least
        // s + 1 - 20 ms + 3.04 s then): the window opened in the second of its Date, and lasts 3 s.
        QueueingLimiter.Grant probe = limiter.take(resume);
        assertThat(probe.probe).isTrue();
        long answered = resume + 20 * MS;
        limiter.learn(figures(3, 2, s + 7, s + 4), probe, answered);
        limiter.released(probe);
        limiter.take(answered);
        limiter.take(answered);
        assertThat(limiter.grantableAt(answered)).isEqualTo(answered + 3 * SECOND + 3 * SECOND / 10_000 + 20 * MS);
    }

    @Test
    void anAnswerCountedInTheWindowIsCountedWhateverSecondItsResetNames() {
        long s = 1_900_000_000L;
        HeaderPacedLimiter limiter = limiter();
        QueueingLimiter.Grant probe = limiter.take(T0);
        // the window's first answer was written late and names s + 4; the others name s + 3
        limiter.learn(figures(3, 2, s + 4, s + 1), probe, T0 + 500 * MS);
        limiter.released(probe);
        QueueingLimiter.Grant a = limiter.take(T0 + 501 * MS);
        QueueingLimiter.Grant b = limiter.take(T0 + 501 * MS);
        assertThat(limiter.grantableAt(T0 + 502 * MS)).isNotZero(); // 2 left, 2 in flight
        limiter.learn(figures(3, 1, s + 3, s + 1), a, T0 + 510 * MS);
        limiter.released(a);
        // 1 left by the server's count, 1 in flight: nothing more until the window is over
        assertThat(limiter.grantableAt(T0 + 511 * MS)).isNotZero();
        limiter.learn(figures(3, 0, s + 3, s + 1), b, T0 + 520 * MS);
        limiter.released(b);
        assertThat(limiter.grantableAt(T0 + 521 * MS)).isNotZero();
    }

    private static HttpResponse withoutReset(int limit, int remaining) {
        return HttpResponse.builder()
                .status(200)
                .header("X-RateLimit-Limit", String.valueOf(limit))
                .header("X-RateLimit-Remaining", String.valueOf(remaining))
                .body(ByteBuffer.allocate(0).asReadOnlyBuffer())
                .build();
    }

    @Test
    void figuresWithoutAResetLetAsManyGoAsRemainThenOneAtATime() {
        // Laravel's throttle sends X-RateLimit-Reset only with its 429: a success carries limit and remaining
        HeaderPacedLimiter limiter = limiter();
        QueueingLimiter.Grant first = limiter.take(T0);
        assertThat(first.probe).isTrue();
        assertThat(limiter.grantableAt(T0)).isEqualTo(QueueingLimiter.ON_EVENT); // one at a time until figures
        limiter.learn(withoutReset(300, 4), first, T0 + MS);
        limiter.released(first);
        List<QueueingLimiter.Grant> sent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.grantableAt(T0 + 2 * MS))
                    .as("request %d of the 4 left", i)
                    .isZero();
            QueueingLimiter.Grant g = limiter.take(T0 + 2 * MS);
            assertThat(g.probe).isFalse();
            sent.add(g);
        }
        // spent: nothing more until every answer is in, then one asks what remains, and the others wait for it
        assertThat(limiter.grantableAt(T0 + 3 * MS)).isEqualTo(QueueingLimiter.ON_EVENT);
        for (QueueingLimiter.Grant g : sent) {
            limiter.learn(withoutReset(300, 0), g, T0 + 4 * MS);
            limiter.released(g);
        }
        assertThat(limiter.grantableAt(T0 + 5 * MS)).isZero();
        QueueingLimiter.Grant probe = limiter.take(T0 + 5 * MS);
        assertThat(probe.probe).isTrue();
        assertThat(limiter.grantableAt(T0 + 5 * MS)).isEqualTo(QueueingLimiter.ON_EVENT);
        // a new window: the count went up
        limiter.learn(withoutReset(300, 299), probe, T0 + 6 * MS);
        limiter.released(probe);
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.grantableAt(T0 + 7 * MS)).isZero();
            limiter.take(T0 + 7 * MS);
        }
        RateLimitStats.Builder stats =
                RateLimitStats.builder().callsHeld(0).waiting(0).timeWaited(Duration.ZERO);
        limiter.describe(stats, T0 + 7 * MS);
        assertThat(stats.build().remaining()).hasValue(199);
    }

    @Test
    void aResetThatComesLaterStartsAWindowOfKnownEnd() {
        long s = 1_900_000_000L;
        HeaderPacedLimiter limiter = limiter();
        QueueingLimiter.Grant first = limiter.take(T0);
        limiter.learn(withoutReset(3, 2), first, T0 + MS);
        limiter.released(first);
        QueueingLimiter.Grant g = limiter.take(T0 + 2 * MS);
        limiter.learn(figures(3, 0, s + 3, s + 1), g, T0 + 3 * MS);
        limiter.released(g);
        // the window is spent and its end known: held until then, not probed
        assertThat(limiter.grantableAt(T0 + 4 * MS)).isGreaterThan(T0 + SECOND);
    }

    @Test
    void aResetInEpochMillisecondsIsReadAsSuchNotAsAYearPast50000() {
        long s = 1_900_000_000L;
        HeaderPacedLimiter limiter = limiter();
        QueueingLimiter.Grant g = limiter.take(T0);
        limiter.learn(figures(3, 0, (s + 3) * 1000, s + 1), g, T0 + MS);
        limiter.released(g);
        // held until the window's end a few seconds on, as with the reset in seconds; not for millennia
        long resume = limiter.grantableAt(T0 + 2 * MS);
        assertThat(resume).isBetween(T0 + SECOND, T0 + 5 * SECOND);
    }

    @Test
    void withoutAResetALateAnswerOfAnEarlierRequestOnlyLowersWhatRemains() {
        HeaderPacedLimiter limiter = limiter();
        QueueingLimiter.Grant first = limiter.take(T0);
        limiter.learn(withoutReset(60, 9), first, T0 + MS);
        limiter.released(first);
        List<QueueingLimiter.Grant> sent = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            sent.add(limiter.take(T0 + 2 * MS + i));
        }
        // answered in reverse order: the last granted says 0 remain; the earlier ones, arriving after it, more
        for (int i = 8; i >= 0; i--) {
            limiter.learn(withoutReset(60, 8 - i), sent.get(i), T0 + 3 * MS);
            limiter.released(sent.get(i));
        }
        int granted = 0;
        while (limiter.grantableAt(T0 + 4 * MS) == 0 && granted < 50) {
            limiter.take(T0 + 4 * MS);
            granted++;
        }
        assertThat(granted).as("one request asks what remains; none more").isEqualTo(1);
    }

    @Test
    void anAnswerWithoutAResetDoesNotEndASpentWindowOfKnownEnd() {
        long s = 1_900_000_000L;
        HeaderPacedLimiter limiter = limiter();
        QueueingLimiter.Grant early = limiter.take(T0);
        QueueingLimiter.Grant g = limiter.take(T0);
        limiter.learn(figures(3, 0, s + 60, s + 1), g, T0 + MS);
        limiter.released(g);
        limiter.learn(withoutReset(3, 2), early, T0 + 2 * MS); // late, and without a reset
        limiter.released(early);
        assertThat(limiter.grantableAt(T0 + 3 * MS)).isGreaterThan(T0 + 50 * SECOND);
    }
}
