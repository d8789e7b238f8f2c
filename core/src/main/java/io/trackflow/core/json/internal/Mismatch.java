package io.trackflow.core.json.internal;

/**
 * Well-formed JSON that does not read as the type asked for: a required field missing or unreadable, a
 * structure where a value belongs, a value the model's own checks refuse. The message names the model
 * and the field; the Jackson modules turn it into their major's {@code MismatchedInputException}.
 */
public final class Mismatch extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what did not read, naming the model and the field
     */
    public Mismatch(String message) {
        super(message);
    }

    /**
     * @param message what did not read
     * @param cause the model's own refusal
     */
    public Mismatch(String message, Throwable cause) {
        super(message, cause);
    }
}
