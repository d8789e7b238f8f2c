package io.trackflow.core.error;

import java.io.Serializable;
import org.immutables.value.Value;

/**
 * One field-level error of a rejected request: {@code location} names the field (e.g. {@code
 * source_id}), {@code message} says what is wrong with it. Match on the location, never on the
 * message text.
 */
@Value.Immutable
public abstract class FieldError implements Serializable {

    private static final long serialVersionUID = 1L;

    FieldError() {}

    /** The field or parameter the error is about, as the provider names it. */
    @Value.Parameter
    public abstract String location();

    /** The provider's message about the field. */
    @Value.Parameter
    public abstract String message();

    /**
     * Creates a field error.
     *
     * @param location the field name
     * @param message the provider's message
     * @return the field error
     */
    public static FieldError of(String location, String message) {
        return ImmutableFieldError.of(location, message);
    }

    @Override
    public String toString() {
        return location() + ": " + message();
    }
}
