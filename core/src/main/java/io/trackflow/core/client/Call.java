package io.trackflow.core.client;

import io.trackflow.core.auth.AuthStrategy;
import io.trackflow.core.http.HttpRequest;
import io.trackflow.core.http.HttpResponse;
import io.trackflow.core.internal.Deadlines;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One logical call as it travels the pipeline: the request, how its body is read, the operation's
 * name (for logs and metrics), the call's deadline, and which attempt this is. Immutable: a policy
 * that changes the call passes a copy on. What the attempts of one call share (how many were made,
 * the last failure, the request last sent) is kept in its {@link #state()}.
 *
 * @param <T> the result
 */
public final class Call<T> {

    private final HttpRequest request;
    private final BodyReader<T> reader;
    private final String operation;
    private final long deadlineNanos;
    private final Duration timeout;
    private final int attempt;
    private final AuthStrategy auth;
    private final CallState state;
    private final List<Consumer<HttpResponse>> hooks;
    private final Supplier<Scope> scope;

    private Call(
            HttpRequest request,
            BodyReader<T> reader,
            String operation,
            long deadlineNanos,
            Duration timeout,
            int attempt,
            AuthStrategy auth,
            CallState state,
            List<Consumer<HttpResponse>> hooks,
            Supplier<Scope> scope) {
        this.request = request;
        this.reader = reader;
        this.operation = operation;
        this.deadlineNanos = deadlineNanos;
        this.timeout = timeout;
        this.attempt = attempt;
        this.auth = auth;
        this.state = state;
        this.hooks = hooks;
        this.scope = scope;
    }

    /**
     * A call starting now.
     *
     * @param operation the operation's name, e.g. {@code background_tracks.get}
     * @param request the request, without credentials
     * @param reader reads a successful body
     * @param timeout the longest the whole call may take, attempts and waits included
     * @param <T> the result
     * @return the call
     */
    public static <T> Call<T> start(String operation, HttpRequest request, BodyReader<T> reader, Duration timeout) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(timeout, "timeout");
        return start(operation, request, reader, timeout, AuthStrategy.none());
    }

    /** A call starting now, its attempts authenticated by {@code auth} (arguments checked by the caller). */
    static <T> Call<T> start(
            String operation, HttpRequest request, BodyReader<T> reader, Duration timeout, AuthStrategy auth) {
        return new Call<>(
                request,
                reader,
                operation,
                Deadlines.deadlineNanos(timeout),
                timeout,
                0,
                auth,
                new CallState(),
                List.of(),
                NO_SCOPE);
    }

    /** The request, without credentials (they are applied to each attempt as it is sent). */
    public HttpRequest request() {
        return request;
    }

    /** Reads a successful body. */
    public BodyReader<T> reader() {
        return reader;
    }

    /** The operation's name, e.g. {@code background_tracks.get}: low-cardinality, never an id. */
    public String operation() {
        return operation;
    }

    /** The longest the whole call may take (the client's total timeout). */
    public Duration timeout() {
        return timeout;
    }

    /** When the call must be over, on {@link System#nanoTime()}'s scale. */
    public long deadlineNanos() {
        return deadlineNanos;
    }

    /** What is left of the call's time: zero or negative once the deadline has passed. */
    public Duration remaining() {
        return Duration.ofNanos(deadlineNanos - System.nanoTime());
    }

    /** The number of this attempt: 0 for the first, 1 for the first retry, ... */
    public int attempt() {
        return attempt;
    }

    /** How each attempt is authenticated. */
    public AuthStrategy auth() {
        return auth;
    }

    /** What the attempts of this call share. */
    public CallState state() {
        return state;
    }

    /**
     * This call with another request.
     *
     * @param request the request
     * @return the call
     */
    public Call<T> withRequest(HttpRequest request) {
        return copy(Objects.requireNonNull(request, "request"), attempt, auth, hooks, scope);
    }

    /**
     * This call as attempt number {@code attempt}.
     *
     * @param attempt 0 for the first
     * @return the call
     */
    public Call<T> withAttempt(int attempt) {
        return attempt == this.attempt ? this : copy(request, attempt, auth, hooks, scope);
    }

    /**
     * This call, its attempts authenticated by {@code auth}.
     *
     * @param auth the strategy
     * @return the call
     */
    public Call<T> withAuth(AuthStrategy auth) {
        return copy(request, attempt, Objects.requireNonNull(auth, "auth"), hooks, scope);
    }

    /**
     * This call, with {@code hook} told of the response of the attempt (any status; headers only,
     * on a transport thread: it must not block). For policies that learn from responses.
     *
     * @param hook the hook
     * @return the call
     */
    public Call<T> onResponse(Consumer<HttpResponse> hook) {
        List<Consumer<HttpResponse>> all = new ArrayList<>(hooks.size() + 1);
        all.addAll(hooks);
        all.add(Objects.requireNonNull(hook, "hook"));
        return copy(request, attempt, auth, List.copyOf(all), scope);
    }

    /**
     * This call, with {@code scope} opened around the work done when the attempt's response arrives
     * (logging, hooks), e.g. an observation's scope so that log lines carry its trace id.
     *
     * @param scope opens the scope
     * @return the call
     */
    public Call<T> scoped(Supplier<Scope> scope) {
        return copy(request, attempt, auth, hooks, Objects.requireNonNull(scope, "scope"));
    }

    /** This call with what a policy may change; what the attempts share (reader, deadline, state) kept. */
    private Call<T> copy(
            HttpRequest request,
            int attempt,
            AuthStrategy auth,
            List<Consumer<HttpResponse>> hooks,
            Supplier<Scope> scope) {
        return new Call<>(request, reader, operation, deadlineNanos, timeout, attempt, auth, state, hooks, scope);
    }

    /** Opens the scope of {@link #scoped} (a no-op scope by default). */
    public Scope openScope() {
        return scope.get();
    }

    /** A scope opened around the handling of a response. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private static final Scope NOTHING = () -> {};
    private static final Supplier<Scope> NO_SCOPE = () -> NOTHING;

    /** The hooks told of the attempt's response ({@link #onResponse}). */
    public List<Consumer<HttpResponse>> responseHooks() {
        return hooks;
    }

    @Override
    public String toString() {
        return operation + " " + request + " (attempt " + (attempt + 1) + ")";
    }

    /** What the attempts of one call share; written by the pipeline's steps, thread-safe. */
    public static final class CallState {
        private volatile int attempts;
        private volatile @Nullable Throwable lastFailure;
        private volatile @Nullable HttpRequest lastSent;
        private volatile int retries;

        CallState() {}

        /** The attempts started so far. */
        public int attempts() {
            return attempts;
        }

        /** The failure of the latest attempt that failed, if any. */
        public @Nullable Throwable lastFailure() {
            return lastFailure;
        }

        /** The latest request sent, credentials included (never log it). */
        public @Nullable HttpRequest lastSent() {
            return lastSent;
        }

        /** The retries made so far (attempts after the first, 401 re-tries excluded). */
        public int retries() {
            return retries;
        }

        void attemptStarted() {
            attempts++;
        }

        void failed(Throwable failure) {
            lastFailure = failure;
        }

        void sent(HttpRequest request) {
            lastSent = request;
        }

        void retried() {
            retries++;
        }
    }
}
