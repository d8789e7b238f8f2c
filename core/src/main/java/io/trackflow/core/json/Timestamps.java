package io.trackflow.core.json;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Lenient readers for the timestamps providers actually send, whatever their schema says.
 *
 * <p>Accepted: {@code 2023-01-01 00:00:00 UTC} (also {@code GMT}, {@code Z}), ISO-8601 with {@code
 * T} or a space, fractional seconds, {@code Z} or an offset ({@code +02:00}, {@code +0200}, {@code
 * +02}); RFC 1123 ({@code Sun, 01 Jan 2023 00:00:00 GMT}); a date-time without zone is UTC; a bare
 * date is its start of day in UTC; an all-digit value
 * is epoch seconds (or milliseconds when it is too large to be seconds).
 */
public final class Timestamps {

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .toFormatter(Locale.ROOT)
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final long MAX_EPOCH_SECONDS = 100_000_000_000L;

    private Timestamps() {}

    /**
     * Parses a provider timestamp.
     *
     * @param text the timestamp
     * @return the instant
     * @throws IllegalArgumentException when no accepted form matches
     */
    public static Instant parseInstant(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty timestamp");
        }
        Instant fast = parseCommon(s.toCharArray(), 0, s.length());
        if (fast != null) {
            return fast;
        }
        if (s.length() > 8 && isEpochNumber(s)) {
            return fromEpochNumber(new BigDecimal(s));
        }
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            // date and time may be separated by a space
            if (s.length() > 10 && s.charAt(10) == ' ') {
                s = s.substring(0, 10) + 'T' + s.substring(11);
            }
            String upper = s.toUpperCase(Locale.ROOT);
            ZoneOffset offset = null;
            String local = s;
            for (String zone : new String[] {" UTC", " GMT", "UTC", "GMT", " Z", "Z"}) {
                if (upper.endsWith(zone)) {
                    offset = ZoneOffset.UTC;
                    local = s.substring(0, s.length() - zone.length());
                    break;
                }
            }
            if (offset == null) {
                int sign = Math.max(s.lastIndexOf('+'), s.lastIndexOf('-'));
                if (sign > 10) {
                    offset = parseOffset(s.substring(sign).trim());
                    local = s.substring(0, sign);
                }
            }
            LocalDateTime ldt = LocalDateTime.parse(local.trim(), LOCAL);
            return ldt.toInstant(offset == null ? ZoneOffset.UTC : offset);
        } catch (DateTimeException | StringIndexOutOfBoundsException e) {
            try {
                String t = text.trim();
                return Character.isLetter(t.charAt(0))
                        ? ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toInstant()
                        : OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeException e2) {
                throw new IllegalArgumentException("unrecognised timestamp: " + abbreviate(text), e);
            }
        }
    }

    /**
     * The fast path for the forms providers send on every item ({@code yyyy-MM-dd[T ]HH:mm:ss[.f]}
     * then nothing, {@code Z}, {@code UTC}/{@code GMT} or an offset), without a formatter and without
     * allocating; {@code null} when the text is in another form (the general path then decides).
     *
     * @param s a buffer holding the text (Jackson's, as the parser hands it over), trimmed or not
     * @param offset where the text starts in {@code s}
     * @param length the text's length
     * @return the instant, or {@code null}
     */
    public static @org.jspecify.annotations.Nullable Instant parseCommon(char[] s, int offset, int length) {
        int from = trimmedStart(s, offset, offset + length);
        int n = trimmedEnd(s, from, offset + length);
        if (n - from < 19) {
            return null;
        }
        char sep = s[from + 10];
        if (s[from + 4] != '-'
                || s[from + 7] != '-'
                || (sep != 'T' && sep != 't' && sep != ' ')
                || s[from + 13] != ':'
                || s[from + 16] != ':') {
            return null;
        }
        int year = digits(s, from, from + 4);
        int month = digits(s, from + 5, from + 7);
        int day = digits(s, from + 8, from + 10);
        int hour = digits(s, from + 11, from + 13);
        int minute = digits(s, from + 14, from + 16);
        int second = digits(s, from + 17, from + 19);
        if (second == 60 && hour == 23 && minute == 59) {
            second = 59; // a leap second, read as java.time reads it (Instant.parse: the second before)
        }
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int i = from + 19;
        int nanos = 0;
        if (i < n && s[i] == '.') {
            int start = ++i;
            while (i < n && s[i] >= '0' && s[i] <= '9') {
                if (i - start < 9) {
                    nanos = nanos * 10 + (s[i] - '0');
                }
                i++;
            }
            int len = i - start;
            if (len == 0) {
                return null;
            }
            for (int k = Math.min(len, 9); k < 9; k++) {
                nanos *= 10;
            }
        }
        while (i < n && s[i] == ' ') {
            i++;
        }
        int zoneLength = n - i;
        int offsetSeconds;
        if (zoneLength == 0
                || (zoneLength == 1 && (s[i] | 0x20) == 'z')
                || (zoneLength == 3 && (regionMatches(s, i, "UTC") || regionMatches(s, i, "GMT")))) {
            offsetSeconds = 0;
        } else if ((s[i] == '+' || s[i] == '-') && (zoneLength == 3 || zoneLength == 5 || zoneLength == 6)) {
            int hh = digits(s, i + 1, i + 3);
            int mm = zoneLength == 3 ? 0 : digits(s, n - 2, n);
            if (hh < 0 || mm < 0 || (zoneLength == 6 && s[i + 3] != ':') || hh > 18 || mm > 59) {
                return null;
            }
            offsetSeconds = (s[i] == '-' ? -1 : 1) * (hh * 3600 + mm * 60);
        } else {
            return null;
        }
        if (month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        return Instant.ofEpochSecond(
                epochDay(year, month, day) * 86_400 + hour * 3_600L + minute * 60L + second - offsetSeconds, nanos);
    }

    /** Days from 1970-01-01 to a valid proleptic Gregorian date of year 0..9999 (no LocalDate per value). */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    private static boolean regionMatches(char[] s, int at, String word) {
        for (int k = 0; k < word.length(); k++) {
            if ((s[at + k] & ~0x20) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The decimal value of {@code s[from, to)}, or -1 when not all digits. */
    private static int digits(char[] s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * The fast path of {@link #parseLocalDate}, as {@link #parseCommon} is {@link #parseInstant}'s: a valid
     * {@code yyyy-MM-dd}, alone or as the first ten characters of a date-time ({@code T}, {@code t} or a
     * space after it), read without a formatter and without a {@code String}; {@code null} otherwise (the
     * general path then decides, and names what is wrong).
     *
     * @param s a buffer holding the text (Jackson's, as the parser hands it over), trimmed or not
     * @param offset where the text starts in {@code s}
     * @param length the text's length
     * @return the date, or {@code null}
     */
    static @org.jspecify.annotations.Nullable LocalDate parseCommonDate(char[] s, int offset, int length) {
        int from = trimmedStart(s, offset, offset + length);
        int n = trimmedEnd(s, from, offset + length);
        if (n - from < 10 || s[from + 4] != '-' || s[from + 7] != '-') {
            return null;
        }
        if (n - from > 10 && !isTimeSeparator(s[from + 10])) {
            return null;
        }
        int year = digits(s, from, from + 4);
        int month = digits(s, from + 5, from + 7);
        int day = digits(s, from + 8, from + 10);
        if ((year | month | day) < 0
                || month < 1
                || month > 12
                || day < 1
                || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** Where {@code s[from, to)} starts once leading whitespace is left out (as {@link String#trim()}). */
    private static int trimmedStart(char[] s, int from, int to) {
        while (from < to && s[from] <= ' ') {
            from++;
        }
        return from;
    }

    /** Where {@code s[from, to)} ends once trailing whitespace is left out (as {@link String#trim()}). */
    private static int trimmedEnd(char[] s, int from, int to) {
        while (to > from && s[to - 1] <= ' ') {
            to--;
        }
        return to;
    }

    private static boolean isTimeSeparator(char c) {
        return c == 'T' || c == 't' || c == ' ';
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses a date: {@code yyyy-MM-dd}; a date-time keeps its own calendar date whatever its offset
     * ({@code 2023-01-01T00:30+02:00} is 2023-01-01); epoch seconds are read as a UTC date.
     *
     * @param text the date
     * @return the date
     * @throws IllegalArgumentException when unreadable
     */
    public static LocalDate parseLocalDate(String text) {
        String s = text.trim();
        LocalDate plain = parseCommonDate(s.toCharArray(), 0, s.length());
        if (plain != null) {
            return plain;
        }
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s);
            }
            // a date-time keeps its own calendar date, whatever its offset: 2023-01-01T00:30+02:00 is Jan 1
            if (s.length() > 10 && isTimeSeparator(s.charAt(10))) {
                return LocalDate.parse(s.substring(0, 10));
            }
            if (!s.isEmpty() && Character.isLetter(s.charAt(0))) {
                return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toLocalDate();
            }
            return LocalDate.ofInstant(parseInstant(s), ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unrecognised date: " + abbreviate(text), e);
        }
    }

    /**
     * A numeric timestamp: epoch seconds (with a fraction), or epoch milliseconds when it is too large to be
     * seconds (from 10^11 on).
     *
     * @param value the number
     * @return the instant
     */
    public static Instant fromEpochNumber(double value) {
        if (Math.abs(value) >= MAX_EPOCH_SECONDS) {
            return Instant.ofEpochMilli((long) value);
        }
        long seconds = (long) Math.floor(value);
        long nanos = Math.round((value - seconds) * 1e9);
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /**
     * A numeric timestamp read exactly (a fraction to the nanosecond, never through a {@code double}): epoch
     * seconds, or epoch milliseconds when it is too large to be seconds (from 10^11 on).
     *
     * @param value the number
     * @return the instant
     * @throws IllegalArgumentException when it is beyond what an {@link Instant} holds
     */
    public static Instant fromEpochNumber(BigDecimal value) {
        try {
            BigDecimal seconds =
                    value.abs().compareTo(BigDecimal.valueOf(MAX_EPOCH_SECONDS)) >= 0 ? value.movePointLeft(3) : value;
            BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
            long nanos = seconds.subtract(whole)
                    .movePointRight(9)
                    .setScale(0, RoundingMode.HALF_UP)
                    .longValueExact();
            return Instant.ofEpochSecond(whole.longValueExact(), nanos); // nanos may be 10^9: carried
        } catch (ArithmeticException | DateTimeException e) {
            throw new IllegalArgumentException("timestamp out of range: " + abbreviate(value.toString()), e);
        }
    }

    /** Digits, with at most one decimal point not at either end. */
    private static boolean isEpochNumber(String s) {
        int dot = s.indexOf('.');
        if (dot < 0) {
            return allDigits(s);
        }
        return dot > 0 && dot < s.length() - 1 && allDigits(s.substring(0, dot)) && allDigits(s.substring(dot + 1));
    }

    private static ZoneOffset parseOffset(String o) {
        String digits = o.substring(1).replace(":", "");
        int sign = o.charAt(0) == '-' ? -1 : 1;
        int hours;
        int minutes = 0;
        if (digits.length() == 2) {
            hours = Integer.parseInt(digits);
        } else if (digits.length() == 4) {
            hours = Integer.parseInt(digits.substring(0, 2));
            minutes = Integer.parseInt(digits.substring(2));
        } else {
            throw new DateTimeException("bad offset");
        }
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    private static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }
}
