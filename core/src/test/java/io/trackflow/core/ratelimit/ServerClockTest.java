package io.trackflow.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ServerClockTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    @Test
    void aServerSecondIsNeverPlacedBeforeItHappensAndAnswersAtManyPhasesPinIt() {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            long offset = 1_900_000_000L * SECOND + (long) (random.nextDouble() * 1_000 * SECOND); // server - local
            ServerClock clock = new ServerClock();
            long t = 10 * SECOND;
            for (int i = 0; i < 40; i++) {
                long rtt = (1 + random.nextInt(30)) * MS;
                long stamped = t + random.nextInt((int) rtt);
                clock.observe(t, t + rtt, OptionalLong.of(Math.floorDiv(stamped + offset, SECOND)));
                t += rtt + random.nextInt(700) * MS;
                long second = Math.floorDiv(t + offset, SECOND) + 1 + random.nextInt(5);
                long trueLocal = second * SECOND - offset;
                assertThat(clock.toLocalSecond(second)).isGreaterThanOrEqualTo(trueLocal);
                assertThat(clock.earliestServerNanos(t)).isLessThanOrEqualTo(t + offset);
            }
            // forty answers at scattered moments of the server's second: the earliest moment of a second any
            // of them arrived at is how late the clock may be
            assertThat(clock.toLocalSecond(Math.floorDiv(t + offset, SECOND) + 2)
                            - ((Math.floorDiv(t + offset, SECOND) + 2) * SECOND - offset))
                    .isLessThan(300 * MS);
        }
    }

    @Test
    void aDateTheOthersRuleOutStartsAgain() {
        ServerClock clock = new ServerClock();
        long offset = 1_900_000_000L * SECOND + 300 * MS;
        clock.observe(0, 5 * MS, OptionalLong.of(Math.floorDiv(5 * MS + offset, SECOND)));
        assertThat(clock.uncertaintyNanos(5 * MS)).isGreaterThan(SECOND);
        // an answer at another moment of the server's second narrows it
        clock.observe(1_650 * MS, 1_655 * MS, OptionalLong.of(Math.floorDiv(1_655 * MS + offset, SECOND)));
        assertThat(clock.uncertaintyNanos(1_655 * MS)).isLessThan(700 * MS);
        // the server's clock is set back by an hour
        long set = offset - 3_600 * SECOND;
        long at = 2 * SECOND;
        clock.observe(at, at + 5 * MS, OptionalLong.of(Math.floorDiv(at + 5 * MS + set, SECOND)));
        long next = Math.floorDiv(at + set, SECOND) + 1;
        assertThat(clock.toLocalSecond(next)).isBetween(next * SECOND - set, next * SECOND - set + SECOND);
        assertThat(new ServerClock().uncertaintyNanos(0)).isEqualTo(Long.MAX_VALUE);
    }
}
