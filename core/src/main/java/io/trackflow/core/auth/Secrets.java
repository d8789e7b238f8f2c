package io.trackflow.core.auth;

import io.trackflow.core.internal.Checks;

/** Checks shared by the credential-holding types. */
final class Secrets {

    static final String MASK = "****";

    private Secrets() {}

    /** A credential: {@link Checks#text}, whose messages never echo the value. */
    static String requireSecret(String value, String argument) {
        return Checks.text(value, argument);
    }
}
