package io.trackflow.core.auth;

/** Checks shared by the credential-holding types. */
final class Secrets {

    static final String MASK = "****";

    private Secrets() {}

    static String requireSecret(String value, String argument) {
        if (value == null) {
            throw new NullPointerException(argument + " must not be null");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(argument + " must not be blank");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                // never echo the value: it is a secret
                throw new IllegalArgumentException(argument + " must not contain control characters");
            }
        }
        return value;
    }
}
