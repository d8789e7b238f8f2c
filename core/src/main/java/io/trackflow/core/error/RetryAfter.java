package io.trackflow.core.error;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code Retry-After}: delay-seconds or an HTTP-date (RFC 9110 §10.2.3), the date in any of the
 * three forms a recipient must accept (§5.6.7): IMF-fixdate, the obsolete RFC 850 form and asctime.
 */
final class RetryAfter {

    /** The longest delay kept as sent: about 292 million years, in milliseconds; a longer one is this. */
    private static final double MAX_SECONDS = Long.MAX_VALUE / 1000.0;

    /** {@code Sun Nov  6 08:49:37 1994}: the day padded with a space, always GMT. */
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

    private RetryAfter() {}

    /**
     * Parses a header value.
     *
     * @param value the header value
     * @param clock the clock an HTTP-date is measured against
     * @return the delay (never negative; a delay too long for milliseconds is the longest one), or empty
     *     when unreadable
     */
    public static Optional<Duration> parse(String value, Clock clock) {
        return parse(value, clock, null);
    }

    /**
     * Parses a header value; an HTTP-date is measured from the response's own {@code Date} when it has one
     * that reads (both are the server's clock, so a skew between it and ours does not matter), else
     * against {@code clock}.
     *
     * @param value the header value
     * @param clock the clock an HTTP-date is measured against without a {@code Date}
     * @param date the response's {@code Date} header, if any
     * @return the delay (never negative; a delay too long for milliseconds is the longest one), or empty
     *     when unreadable
     */
    public static Optional<Duration> parse(String value, Clock clock, @Nullable String date) {
        String v = value.trim();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            double seconds = Double.parseDouble(v);
            if (seconds < 0 || Double.isNaN(seconds)) {
                return Optional.empty();
            }
            // a delay past any deadline is still the server's word: it surfaces (beyond maxRetryAfter), never
            // read as no delay at all
            return Optional.of(
                    seconds >= MAX_SECONDS
                            ? Duration.ofMillis(Long.MAX_VALUE)
                            : Duration.ofMillis((long) Math.ceil(seconds * 1000)));
        } catch (NumberFormatException notSeconds) {
            Instant at = date(v, clock);
            if (at == null) {
                return Optional.empty();
            }
            Instant sent = date == null ? null : date(date.trim(), clock);
            Duration d = Duration.between(sent != null ? sent : clock.instant(), at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        }
    }

    private static @Nullable Instant date(String v, Clock clock) {
        try {
            return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException notImf) {
            // the obsolete forms
        }
        try {
            // the day's name is left unchecked: it names the day of the year the digits end up meaning
            int comma = v.indexOf(", ");
            LocalDateTime at = LocalDateTime.parse(comma < 0 ? v : v.substring(comma + 2), rfc850(clock));
            LocalDateTime limit =
                    LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).plusYears(50);
            if (!at.plusYears(100).isAfter(limit)) {
                at = at.plusYears(100); // the latest year with those digits not more than 50 years ahead
            }
            return at.toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notRfc850) {
            // asctime, last
        }
        try {
            return LocalDateTime.parse(v, ASCTIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notAsctime) {
            return null;
        }
    }

    /**
     * The RFC 850 form, its two-digit year read within the 100 years from 50 years ago; {@link #date}
     * then moves it a century on when that is not more than 50 years ahead (RFC 9110 §5.6.7).
     */
    private static DateTimeFormatter rfc850(Clock clock) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern("dd-MMM-")
                .appendValueReduced(
                        ChronoField.YEAR,
                        2,
                        2,
                        clock.instant().atZone(ZoneOffset.UTC).getYear() - 50)
                .appendPattern(" HH:mm:ss 'GMT'")
                .toFormatter(Locale.US);
    }
}
