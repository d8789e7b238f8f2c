package io.trackflow.examples;

import java.util.Locale;

/** Counts for people to read: "1 page", "2 pages", "1,550 items". */
final class Counts {

    private Counts() {}

    /**
     * Formats a count with its noun.
     *
     * @param n the count
     * @param one the noun for exactly one
     * @param many the noun for any other count
     * @return {@code n} with digit grouping, a space, and the noun that agrees with it
     */
    static String of(long n, String one, String many) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
    }
}
