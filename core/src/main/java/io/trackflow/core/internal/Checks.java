package io.trackflow.core.internal;

import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by core's builders: each failure names the argument. */
public final class Checks {

    private Checks() {}

    /**
     * A positive duration.
     *
     * @param value the value
     * @param name the argument's name
     * @return the value
     * @throws IllegalArgumentException naming the argument when zero or negative
     */
    public static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    /**
     * An int of at least {@code min}.
     *
     * @param value the value
     * @param min the smallest accepted
     * @param name the argument's name
     * @return the value
     * @throws IllegalArgumentException naming the argument when below {@code min}
     */
    public static int atLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
        }
        return value;
    }

    /**
     * A text a caller gives (a filter, a credential): not null, not blank, without control characters. The
     * message never shows the value, which may be a secret.
     *
     * @param value the text
     * @param name the argument's name
     * @return the text
     * @throws NullPointerException naming the argument when null
     * @throws IllegalArgumentException naming the argument when blank or holding a control character
     */
    public static String text(String value, String name) {
        Objects.requireNonNull(value, () -> name + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException(name + " must not contain control characters (CR, LF, ...)");
            }
        }
        return value;
    }

    /**
     * An HTTP header name: a token (RFC 9110), not empty.
     *
     * @param name the header name
     * @return the name
     * @throws IllegalArgumentException when it is not a token (the name shown, control characters escaped)
     */
    public static String headerName(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("header name must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                throw new IllegalArgumentException("header name is not an HTTP token: " + printable(name));
            }
        }
        return name;
    }

    /**
     * An HTTP header value: no CR, LF or NUL (a header that could split the request).
     *
     * @param name the header's name, for the message (the value, maybe a secret, is never shown)
     * @param value the value
     * @return the value
     * @throws IllegalArgumentException naming the header when the value holds CR, LF or NUL
     */
    public static String headerValue(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException(
                        "header " + name + " value must not contain CR, LF or NUL characters");
            }
        }
        return value;
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c < ' ' || c >= 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }
}
