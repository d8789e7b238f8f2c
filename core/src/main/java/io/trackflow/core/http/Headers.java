package io.trackflow.core.http;

import java.util.Locale;

/** How {@link HttpRequest} and {@link HttpResponse} keep header names: lower-case. */
final class Headers {

    private Headers() {}

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
