package io.trackflow.core.http;

/** The HTTP methods trackflow sends, with their idempotency (RFC 9110 §9.2.2). */
public enum HttpMethod {
    /** Safe and idempotent. */
    GET(true),
    /** Safe and idempotent. */
    HEAD(true),
    /** Not idempotent: retried only when it provably never reached the server. */
    POST(false),
    /** Idempotent. */
    PUT(true),
    /** Not idempotent. */
    PATCH(false),
    /** Idempotent. */
    DELETE(true);

    private final boolean idempotent;

    HttpMethod(boolean idempotent) {
        this.idempotent = idempotent;
    }

    /** Whether repeating the request has the same effect as sending it once. */
    public boolean isIdempotent() {
        return idempotent;
    }
}
