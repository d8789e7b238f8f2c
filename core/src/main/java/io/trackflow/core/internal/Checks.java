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
}
