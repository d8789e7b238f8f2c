package io.trackflow.testkit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The timestamp forms the providers send, which their documentation and examples disagree on. */
final class WireTimestamps {

    private static final DateTimeFormatter UTC_WORDS = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LARAVEL = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private WireTimestamps() {}

    /** {@code 2023-01-01 00:00:00 UTC}: what the providers' pages show. */
    static String utcWords(Instant t) {
        return UTC_WORDS.format(t);
    }

    /** {@code 2023-01-01T00:00:00Z}. */
    static String iso(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t);
    }

    /** {@code 2023-01-01T02:00:00+02:00}: ISO-8601 with an offset. */
    static String isoWithOffset(Instant t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atOffset(ZoneOffset.ofHours(2)));
    }

    /** {@code 2023-01-01T00:00:00.000000Z}: Laravel's serialization of a date. */
    static String laravel(Instant t) {
        return LARAVEL.format(t);
    }
}
