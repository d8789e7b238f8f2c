package io.trackflow.core.http;

import java.util.Locale;

/**
 * Header name/value checks of {@link HttpRequest} (auth strategies reach them through a request: {@code
 * ApiKeyAuth} checks its header name by building one).
 */
final class Headers {

    private Headers() {}

    static void checkName(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("header name must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                throw new IllegalArgumentException("header name is not an HTTP token: " + printable(name));
            }
        }
    }

    static void checkValue(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                // the value itself may be a secret: never echo it
                throw new IllegalArgumentException(
                        "header " + name + " value must not contain CR, LF or NUL characters");
            }
        }
    }

    /** Whether every value list of a header map is read-only ({@code List.copyOf} returns such a list itself). */
    static boolean readOnlyValues(java.util.Map<String, java.util.List<String>> headers) {
        for (java.util.List<String> v : headers.values()) {
            if (java.util.List.copyOf(v) != v) {
                return false;
            }
        }
        return true;
    }

    /** Two read-only value lists of one header as one, in order. */
    static java.util.List<String> concat(java.util.List<String> first, java.util.List<String> then) {
        java.util.List<String> all = new java.util.ArrayList<>(first.size() + then.size());
        all.addAll(first);
        all.addAll(then);
        return java.util.List.copyOf(all);
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c < ' ' || c >= 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }
}
