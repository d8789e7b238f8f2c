package io.trackflow.core.http;

import java.util.Locale;

/** How {@link HttpRequest} and {@link HttpResponse} keep header names: lower-case. */
final class Headers {

    private Headers() {}

    static String lower(String name) {
        return isLower(name) ? name : name.toLowerCase(Locale.ROOT);
    }

    /**
     * Whether {@code name} is ASCII with no upper-case letter, so its own lower-case form; allocates
     * nothing. Any other character leaves the answer to {@link String#toLowerCase}.
     */
    private static boolean isLower(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
