package io.trackflow.core.client;

import io.trackflow.core.auth.AuthStrategy;
import io.trackflow.core.http.HttpRequest;
import io.trackflow.core.http.HttpTransport;
import io.trackflow.core.internal.Deadlines;
import io.trackflow.core.ratelimit.RateLimits;
import io.trackflow.core.retry.RetryListener;
import io.trackflow.core.retry.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import org.jspecify.annotations.Nullable;

/**
 * A client's pipeline, assembled once per client in the documented order. What applies to a call as a
 * whole (default headers, credentials and the 401 re-try, retries) is one {@link CallRun} per call; what
 * applies to each attempt (rate limit, observation, deadline, the user's policies, the transport) is a
 * chain of {@link CallPolicy} steps that the run subscribes to once per attempt.
 */
final class Pipeline {

    private final Map<String, String> defaultHeaders;
    final AuthStrategy auth;
    final RetryPolicy retryPolicy;
    final RetryListener retryListener;
    final boolean limiterHolds;
    final CallPolicy.Next<Object> attempt;

    /** {@link #holdUntil} when no 429 has held the client yet. */
    static final long NEVER_HELD = Long.MIN_VALUE;

    private static final AtomicLongFieldUpdater<Pipeline> HOLD_UNTIL =
            AtomicLongFieldUpdater.newUpdater(Pipeline.class, "holdUntil");

    /**
     * Until when a 429 holds the client, on {@link System#nanoTime()}'s scale, when its limiter does not
     * hold ({@link #limiterHolds} false); {@link #NEVER_HELD} before the first.
     */
    private volatile long holdUntil = NEVER_HELD;

    /**
     * The steps of {@link ApiClient}'s Javadoc.
     *
     * @param b the client's options
     * @param transport the client's transport
     * @param observing the client's observations, if it has a registry
     */
    Pipeline(ApiClientBuilder b, HttpTransport transport, @Nullable Observing observing) {
        this.defaultHeaders = Map.copyOf(b.defaultHeaders);
        this.auth = b.auth;
        this.retryPolicy = b.retryPolicy;
        this.retryListener = b.retryListener;
        this.limiterHolds = b.rateLimiter.holdsOnRateLimit();
        List<CallPolicy> perAttempt = new ArrayList<>();
        if (b.rateLimiter != RateLimits.none()) {
            perAttempt.add(new RateLimitPolicy(b.rateLimiter, observing));
        }
        if (observing != null) {
            perAttempt.add(new ObservationPolicy(observing));
        }
        perAttempt.add(new DeadlinePolicy());
        perAttempt.addAll(b.policies);
        this.attempt = link(perAttempt, new TransportStage(transport, b.errorDecoder, b.responseListener));
    }

    /** A pipeline whose attempts run {@code attempt} (for tests of the run alone). */
    Pipeline(
            Map<String, String> defaultHeaders,
            AuthStrategy auth,
            RetryPolicy retryPolicy,
            RetryListener retryListener,
            CallPolicy.Next<Object> attempt) {
        this.defaultHeaders = Map.copyOf(defaultHeaders);
        this.auth = auth;
        this.retryPolicy = retryPolicy;
        this.retryListener = retryListener;
        this.limiterHolds = false;
        this.attempt = attempt;
    }

    /**
     * Holds every call of the client for a 429's {@code Retry-After}, when its limiter does not (the
     * limiters that hold are told by {@link RateLimitPolicy}): attempts that start before the end wait
     * for it ({@link CallRun}). A hold never shortens one already running.
     *
     * @param retryAfter the server's wait, positive
     */
    void hold(Duration retryAfter) {
        long until = System.nanoTime() + Deadlines.saturatedNanos(retryAfter);
        HOLD_UNTIL.accumulateAndGet(
                this, until, (held, asked) -> held == NEVER_HELD || asked - held > 0 ? asked : held);
    }

    /**
     * How long an attempt starting now waits for a 429's hold of the client, in nanoseconds; 0 when none
     * holds it (without reading the clock before the first hold).
     *
     * @return the wait
     */
    long heldFor() {
        long until = holdUntil;
        if (until == NEVER_HELD) {
            return 0;
        }
        long left = until - System.nanoTime();
        return left > 0 ? left : 0;
    }

    /** {@code request} with the client's default headers it does not set itself. */
    HttpRequest withDefaults(HttpRequest request) {
        HttpRequest withDefaults = request;
        for (Map.Entry<String, String> h : defaultHeaders.entrySet()) {
            if (withDefaults.header(h.getKey()).isEmpty()) {
                withDefaults = withDefaults.withHeader(h.getKey(), h.getValue());
            }
        }
        return withDefaults;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static CallPolicy.Next<Object> link(List<CallPolicy> policies, TransportStage terminal) {
        CallPolicy.Next<Object> next = terminal::send;
        for (int i = policies.size() - 1; i >= 0; i--) {
            CallPolicy policy = policies.get(i);
            CallPolicy.Next<Object> rest = next;
            next = call -> policy.apply((Call) call, (CallPolicy.Next) rest);
        }
        return next;
    }
}
