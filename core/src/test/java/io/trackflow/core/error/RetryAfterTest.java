package io.trackflow.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** {@code Retry-After} as seconds, in each of the three HTTP-date forms, and past what a wait can count. */
class RetryAfterTest {

    /** Sunday, 6 November 1994, 08:49:37 GMT: RFC 9110's example, 10 s before it. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("1994-11-06T08:49:27Z"), ZoneOffset.UTC);

    @Test
    void secondsAndEveryFormOfHttpDateAreRead() {
        assertThat(RetryAfter.parse("120", CLOCK)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 1.5 ", CLOCK)).contains(Duration.ofMillis(1500));
        assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", CLOCK)).contains(Duration.ofSeconds(10));
        assertThat(RetryAfter.parse("Sunday, 06-Nov-94 08:49:37 GMT", CLOCK)).contains(Duration.ofSeconds(10));
        assertThat(RetryAfter.parse("Sun Nov  6 08:49:37 1994", CLOCK)).contains(Duration.ofSeconds(10));
        assertThat(RetryAfter.parse("Sun Nov 6 08:49:37 1994", CLOCK)).isEmpty(); // asctime pads the day
        assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:49:17 GMT", CLOCK)).contains(Duration.ZERO); // past
    }

    /** RFC 9110 §5.6.7: a two-digit year more than 50 years ahead is in the past century. */
    @Test
    void anRfc850YearIsPlacedWithinFiftyYears() {
        Clock in2026 = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
        assertThat(RetryAfter.parse("Monday, 07-Dec-26 10:00:05 GMT", in2026)).contains(Duration.ofSeconds(5));
        assertThat(RetryAfter.parse("Monday, 07-Dec-76 09:00:00 GMT", in2026))
                .hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofDays(365 * 49)));
        assertThat(RetryAfter.parse("Wednesday, 07-Dec-77 10:00:05 GMT", in2026))
                .contains(Duration.ZERO); // 1977
        assertThat(RetryAfter.parse("Thursday, 07-Dec-78 10:00:05 GMT", in2026)).contains(Duration.ZERO); // 1978
        // on 1 January 2026, the last day of 2076 is more than 50 years ahead: it is 1976
        Clock newYear = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        assertThat(RetryAfter.parse("Friday, 31-Dec-76 00:00:00 GMT", newYear)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("Wednesday, 01-Jan-76 00:00:00 GMT", newYear))
                .hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofDays(365 * 49)));
    }

    /** A delay longer than any deadline is still the server's word, never read as none. */
    @Test
    void aHugeDelayIsKeptNotDropped() {
        assertThat(RetryAfter.parse("9999999999", CLOCK)).contains(Duration.ofSeconds(9_999_999_999L));
        assertThat(RetryAfter.parse("1e300", CLOCK)).contains(Duration.ofMillis(Long.MAX_VALUE));
        assertThat(RetryAfter.parse("-1", CLOCK)).isEmpty();
        assertThat(RetryAfter.parse("NaN", CLOCK)).isEmpty();
        assertThat(RetryAfter.parse("soon", CLOCK)).isEmpty();
    }

    @Test
    void anHttpDateIsMeasuredFromTheResponsesOwnDateWhateverTheSkew() {
        String in2s = "Sun, 06 Nov 1994 10:49:39 GMT";
        // the server's clock two hours ahead of ours: 2 s from its Date, not two hours from our clock
        assertThat(RetryAfter.parse(in2s, CLOCK, "Sun, 06 Nov 1994 10:49:37 GMT"))
                .contains(Duration.ofSeconds(2));
        // an hour behind: still 2 s, not no wait at all
        assertThat(RetryAfter.parse("Sun, 06 Nov 1994 07:49:29 GMT", CLOCK, "Sun, 06 Nov 1994 07:49:27 GMT"))
                .contains(Duration.ofSeconds(2));
        // a Date that does not read: our clock
        assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", CLOCK, "yesterday"))
                .contains(Duration.ofSeconds(10));
        // seconds are seconds, whatever the Date
        assertThat(RetryAfter.parse("3", CLOCK, "Sun, 06 Nov 1994 07:49:27 GMT"))
                .contains(Duration.ofSeconds(3));
    }
}
