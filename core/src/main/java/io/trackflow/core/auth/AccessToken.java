package io.trackflow.core.auth;

import java.time.Instant;
import org.immutables.value.Value;

/** A bearer token and the instant it stops being valid. Its value prints as {@code ****}. */
@Value.Immutable
public abstract class AccessToken {

    AccessToken() {}

    /** The token. Never logged. */
    @Value.Parameter
    @Value.Redacted
    public abstract String value();

    /** When the token expires ({@link Instant#MAX} when it does not). */
    @Value.Parameter
    public abstract Instant expiresAt();

    @Value.Check
    final void check() {
        Secrets.requireSecret(value(), "token");
    }

    /**
     * Creates a token.
     *
     * @param value the token
     * @param expiresAt when it expires
     * @return the token
     */
    public static AccessToken of(String value, Instant expiresAt) {
        return ImmutableAccessToken.of(value, expiresAt);
    }

    /**
     * Creates a token that does not expire (as far as the client knows).
     *
     * @param value the token
     * @return the token
     */
    public static AccessToken nonExpiring(String value) {
        return of(value, Instant.MAX);
    }
}
