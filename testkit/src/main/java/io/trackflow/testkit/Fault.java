package io.trackflow.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One misbehaviour a fake server can show instead of (or before) its normal answer.
 *
 * <p>Faults are values; inject them with {@link Faults}.
 */
public final class Fault {

    /** What kind of misbehaviour. */
    public enum Kind {
        /** An error status with a body in the provider's shape (and {@code Retry-After} if set). */
        STATUS,
        /** Wait, then answer normally. */
        LATENCY,
        /** Close the connection before any response byte. */
        RESET_BEFORE_RESPONSE,
        /** Send the headers and half of the real body, then close the connection. */
        RESET_MID_BODY,
        /** Send the headers and part of the body, then nothing more (the connection stays open). */
        STALL,
        /** A 200 whose JSON body is cut short (with a matching Content-Length). */
        TRUNCATED_JSON,
        /** A 200 whose body is not JSON at all. */
        MALFORMED_JSON,
        /** An HTML error page with the given status (as a proxy or load balancer sends). */
        HTML,
        /** A custom status, content type and body. */
        BODY,
        /** A {@code 302 Found} to another location. */
        REDIRECT
    }

    private final Kind kind;
    private final int status;
    private final @Nullable String retryAfter;
    private final Duration delay;
    private final byte @Nullable [] body;
    private final String contentType;
    private final @Nullable String location;

    private Fault(
            Kind kind,
            int status,
            @Nullable String retryAfter,
            Duration delay,
            byte @Nullable [] body,
            String contentType,
            @Nullable String location) {
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
        this.delay = delay;
        this.body = body;
        this.contentType = contentType;
        this.location = location;
    }

    /** A fault without {@code Retry-After}, delay or {@code Location}. */
    private static Fault of(Kind kind, int status, byte @Nullable [] body, String contentType) {
        return new Fault(kind, status, null, Duration.ZERO, body, contentType, null);
    }

    /**
     * An error status, with the body the provider sends for it.
     *
     * @param status e.g. 429, 503
     * @return the fault
     */
    public static Fault status(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100..599, was " + status);
        }
        return of(Kind.STATUS, status, null, "application/json");
    }

    /**
     * A 429 with {@code Retry-After}.
     *
     * @param retryAfter the header value (seconds, or an HTTP-date)
     * @return the fault
     */
    public static Fault rateLimited(String retryAfter) {
        return status(429).withRetryAfter(retryAfter);
    }

    /**
     * A delay before the normal answer.
     *
     * @param delay how long
     * @return the fault
     */
    public static Fault latency(Duration delay) {
        return new Fault(Kind.LATENCY, 200, null, Objects.requireNonNull(delay, "delay"), null, "", null);
    }

    /** Close the connection before answering. */
    public static Fault resetBeforeResponse() {
        return of(Kind.RESET_BEFORE_RESPONSE, 0, null, "");
    }

    /** Send headers and half the body, then close. */
    public static Fault resetMidBody() {
        return of(Kind.RESET_MID_BODY, 200, null, "");
    }

    /** Send headers and part of the body, then stall forever. */
    public static Fault stall() {
        return of(Kind.STALL, 200, null, "");
    }

    /** A 200 with JSON cut short. */
    public static Fault truncatedJson() {
        return of(Kind.TRUNCATED_JSON, 200, null, "application/json");
    }

    /** A 200 with a body that is not JSON. */
    public static Fault malformedJson() {
        return of(Kind.MALFORMED_JSON, 200, "{\"id\": 1,, ]".getBytes(StandardCharsets.UTF_8), "application/json");
    }

    /**
     * An HTML page with a status, e.g. a 502 from a load balancer, or a 200 maintenance page.
     *
     * @param status the status
     * @return the fault
     */
    public static Fault html(int status) {
        String page = "<!DOCTYPE html><html><head><title>" + status + "</title></head><body><h1>" + status
                + " Error</h1><p>The server encountered a temporary error.</p></body></html>";
        return of(Kind.HTML, status, page.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
    }

    /**
     * Any status with any body.
     *
     * @param status the status
     * @param contentType the Content-Type
     * @param body the body
     * @return the fault
     */
    public static Fault body(int status, String contentType, byte[] body) {
        return of(Kind.BODY, status, body.clone(), contentType);
    }

    /**
     * A {@code 302 Found} pointing elsewhere, e.g. to another host that must never see credentials.
     *
     * @param location the {@code Location} header
     * @return the fault
     */
    public static Fault redirect(String location) {
        return new Fault(
                Kind.REDIRECT,
                302,
                null,
                Duration.ZERO,
                new byte[0],
                "text/html",
                Objects.requireNonNull(location, "location"));
    }

    /**
     * This fault with a {@code Retry-After} header.
     *
     * @param value seconds or an HTTP-date
     * @return a new fault
     */
    public Fault withRetryAfter(String value) {
        return new Fault(kind, status, Objects.requireNonNull(value, "value"), delay, body, contentType, location);
    }

    /** The kind. */
    public Kind kind() {
        return kind;
    }

    /** The status sent (0 when none). */
    public int status() {
        return status;
    }

    /** The {@code Retry-After} value, if any. */
    public Optional<String> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The delay of a {@link Kind#LATENCY} fault. */
    public Duration delay() {
        return delay;
    }

    /** The {@code Location} of a {@link Kind#REDIRECT}, if any. */
    public Optional<String> location() {
        return Optional.ofNullable(location);
    }

    byte @Nullable [] rawBody() {
        return body;
    }

    String contentType() {
        return contentType;
    }

    @Override
    public String toString() {
        return "Fault{" + kind + (status > 0 ? " " + status : "")
                + (retryAfter != null ? " retry-after=" + retryAfter : "")
                + (kind == Kind.LATENCY ? " " + delay.toMillis() + "ms" : "") + "}";
    }
}
