package io.trackflow.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The timestamp fast path computes the calendar itself (no {@code LocalDate} per value): it must agree
 * with {@code java.time} on every date of years 0..9999, and refuse (null) every date that does not
 * exist, so that the general path decides those.
 */
class TimestampsProperties {

    @Property(tries = 2000)
    void theFastPathAgreesWithJavaTime(
            @ForAll @IntRange(min = 0, max = 9999) int year,
            @ForAll @IntRange(min = 0, max = 13) int month,
            @ForAll @IntRange(min = 0, max = 32) int day,
            @ForAll @IntRange(min = 0, max = 23) int hour,
            @ForAll @IntRange(min = 0, max = 59) int minute,
            @ForAll @IntRange(min = -18, max = 18) int offsetHours,
            @ForAll boolean space) {
        String offset = offsetHours == 0 ? "Z" : String.format("%+03d:00", offsetHours);
        String text = String.format(
                "  %04d-%02d-%02d%c%02d:%02d:07.25%s ", year, month, day, space ? ' ' : 'T', hour, minute, offset);
        Instant expected;
        try {
            expected = LocalDateTime.of(year, month, day, hour, minute, 7, 250_000_000)
                    .toInstant(ZoneOffset.ofHours(offsetHours));
        } catch (DateTimeException e) {
            expected = null;
        }
        char[] buffer = ("xx" + text + "yy").toCharArray(); // somewhere inside a larger buffer, as Jackson's
        assertThat(Timestamps.parseCommon(buffer, 2, text.length())).isEqualTo(expected);
    }

    /**
     * A date ({@code yyyy-MM-dd}, alone or as a date-time's first ten characters) reads as {@code
     * LocalDate.parse} reads those ten characters, and one that does not exist fails as before.
     */
    @Property(tries = 2000)
    void aDateReadsAsJavaTimeReadsIt(
            @ForAll @IntRange(min = 0, max = 9999) int year,
            @ForAll @IntRange(min = 0, max = 13) int month,
            @ForAll @IntRange(min = 0, max = 32) int day,
            @ForAll @IntRange(min = 0, max = 4) int form) {
        String date = String.format("%04d-%02d-%02d", year, month, day);
        String text =
                new String[] {date, " " + date + " ", date + "T10:15:30Z", date + " 10:15:30 UTC", date + "x"}[form];
        java.time.LocalDate expected;
        try {
            expected = form == 4 ? null : java.time.LocalDate.parse(date);
        } catch (DateTimeException e) {
            expected = null;
        }
        if (expected == null) {
            assertThatThrownBy(() -> Timestamps.parseLocalDate(text)).isInstanceOf(IllegalArgumentException.class);
        } else {
            assertThat(Timestamps.parseLocalDate(text)).isEqualTo(expected);
        }
        char[] buffer = ("xx" + text + "yy").toCharArray(); // somewhere inside a larger buffer, as Jackson's
        assertThat(Timestamps.parseCommonDate(buffer, 2, text.length())).isEqualTo(expected);
    }

    @Property(tries = 500)
    void epochDaysCountLikeJavaTime(@ForAll @IntRange(min = 0, max = 3_000_000) int daysFromYearZero) {
        java.time.LocalDate d = java.time.LocalDate.of(0, 1, 1).plusDays(daysFromYearZero);
        if (d.getYear() > 9999) {
            return;
        }
        assertThat(Timestamps.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()))
                .isEqualTo(d.toEpochDay());
    }
}
