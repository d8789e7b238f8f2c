package io.trackflow.core.client;

import io.trackflow.core.error.ApiException;
import io.trackflow.core.error.RateLimitException;
import io.trackflow.core.error.UnauthorizedException;
import io.trackflow.core.error.internal.ErrorAccess;
import io.trackflow.core.http.HttpRequest;
import io.trackflow.core.internal.Deadlines;
import io.trackflow.core.retry.RetryDecider;
import io.trackflow.core.retry.RetryListener;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Schedulers;

/**
 * One call's run through the pipeline, as one state machine instead of an operator per step: the
 * subscriber of each attempt and the subscription its caller holds.
 *
 * <ul>
 *   <li><b>Default headers and credentials</b> are given to the call once, when it starts.
 *   <li><b>Attempts</b> go through the per-attempt steps ({@link Pipeline#attempt}), one after the
 *       other; each sees its number in {@link Call#attempt()}.
 *   <li><b>Retry</b>, per failure: a {@link RetryDecider}, made at the first failure (a call answered
 *       at once makes none), says whether and after what wait (the policy's backoff or the server's
 *       {@code Retry-After}, never past the deadline) the next attempt starts; the wait is a timer on
 *       {@link Schedulers#parallel()}.
 *   <li><b>401 re-try</b>: a call whose retries end in a 401 asks the strategy whether fresh
 *       credentials may help; if so it runs once more, retries included (a fresh decider).
 * </ul>
 *
 * <p>Cancel stops the attempt in flight, a wait before the next, and the strategy's answer; so does the
 * client's close ({@link #abort}), which then fails the call with the client's refusal. A call is among
 * the client's {@link RunningCalls} from its start to its end, and every attempt, a retry's included,
 * looks for the refusal first. Signals
 * of one attempt come one after another, and the next attempt starts only from the end of the one
 * before, so the run's own fields need no synchronization; what a cancel races with is volatile.
 */
final class CallRun<T> extends Operators.MonoSubscriber<T, T> implements RetryListener {

    private static final AtomicIntegerFieldUpdater<CallRun> ENDED =
            AtomicIntegerFieldUpdater.newUpdater(CallRun.class, "ended");

    private final Pipeline pipeline;
    private final Call<T> call;
    private final RunningCalls running;
    private final Supplier<@Nullable Throwable> refusal;
    /** 1 once the call has ended (its value, error or completion signalled, or cancelled): only one end wins. */
    private volatile int ended;

    private @Nullable RetryDecider decider;
    private boolean reauthorized;
    private boolean valued;
    private volatile @Nullable Subscription upstream;
    /** The timer of a wait before the next attempt. */
    private volatile @Nullable Disposable waiting;
    /** The strategy's answer after a 401 (kept apart: an answer at once may start a wait before it is kept). */
    private volatile @Nullable Disposable asking;

    private CallRun(
            CoreSubscriber<? super T> actual,
            Pipeline pipeline,
            Call<T> call,
            RunningCalls running,
            Supplier<@Nullable Throwable> refusal) {
        super(actual);
        this.pipeline = pipeline;
        this.call = call;
        this.running = running;
        this.refusal = refusal;
    }

    /**
     * A call of {@code pipeline}, run anew on each subscription.
     *
     * @param pipeline the client's pipeline
     * @param running the client's running calls, which the call joins while it runs
     * @param refusal the error of a call the client no longer takes, or null while it does
     * @param operation the operation's name
     * @param request the request, without credentials
     * @param reader reads a 2xx body
     * @param timeout the call's total timeout
     * @param <T> the result
     * @return the call
     */
    static <T> Mono<T> of(
            Pipeline pipeline,
            RunningCalls running,
            Supplier<@Nullable Throwable> refusal,
            String operation,
            HttpRequest request,
            BodyReader<T> reader,
            Duration timeout) {
        return new Mono<>() {
            @Override
            public void subscribe(CoreSubscriber<? super T> actual) {
                Throwable refused = refusal.get();
                if (refused != null) {
                    Operators.error(actual, refused);
                    return;
                }
                Call<T> call = Call.start(operation, pipeline.withDefaults(request), reader, timeout, pipeline.auth);
                CallRun<T> run = new CallRun<>(actual, pipeline, call, running, refusal);
                actual.onSubscribe(run);
                running.add(run);
                if (run.ended != 0) {
                    running.remove(run); // cancelled in onSubscribe: it ended before it joined
                    return;
                }
                run.attempt();
            }
        };
    }

    /** Starts the next attempt, unless the call was cancelled. */
    @SuppressWarnings("unchecked")
    private void attempt() {
        if (isCancelled()) {
            return;
        }
        Throwable refused = refusal.get(); // the client closed: no attempt, a retry's neither
        if (refused != null) {
            abort(refused);
            return;
        }
        if (!pipeline.limiterHolds && heldByA429()) {
            return;
        }
        Call.CallState state = call.state();
        int number = state.attempts();
        state.attemptStarted();
        Mono<T> sent;
        try {
            sent = Objects.requireNonNull(
                    ((CallPolicy.Next<T>) (CallPolicy.Next<?>) pipeline.attempt).proceed(call.withAttempt(number)),
                    "a step of the pipeline returned null");
        } catch (RuntimeException e) {
            failed(e); // a step that throws fails the attempt, which may be retried
            return;
        } catch (Throwable e) { // an Error is not retried: it ends the call, as a deferred call's would
            Exceptions.throwIfJvmFatal(e);
            signal(Operators.onOperatorError(e, currentContext()));
            return;
        }
        sent.subscribe(this);
    }

    /**
     * Whether a 429 holds the client (whose limiter does not hold) past now: then the attempt waits for
     * the hold's end on a timer, or, when the wait would pass the call's deadline, the call ends at once
     * with a {@link RateLimitException} whose {@code retryAfter()} is the wait (it never reached the server).
     */
    private boolean heldByA429() {
        long wait = pipeline.heldFor();
        if (wait == 0) {
            return false;
        }
        long deadline = call.deadlineNanos();
        if (deadline != Long.MAX_VALUE && deadline - System.nanoTime() < wait) {
            ApiException refused = ErrorAccess.get()
                    .rateLimited(
                            call.request(),
                            Duration.ofNanos(wait),
                            "a 429's Retry-After holds the client for " + TimeUnit.NANOSECONDS.toMillis(wait)
                                    + " ms, longer than what is left of this call's total timeout");
            Call.CallState state = call.state();
            if (state.attempts() > 0) { // a retry held: it says how often the call was tried, and why
                refused = ErrorAccess.get().withAttempts(refused, state.attempts());
                Throwable last = state.lastFailure();
                if (last != null) {
                    refused.addSuppressed(last);
                }
            }
            signal(refused);
        } else {
            later(wait);
        }
        return true;
    }

    /** The next attempt after {@code nanos}, on a timer of {@link Schedulers#parallel()}. */
    private void later(long nanos) {
        try {
            Disposable timer = Schedulers.parallel().schedule(this::attempt, nanos, TimeUnit.NANOSECONDS);
            waiting = timer;
            if (isCancelled()) {
                timer.dispose();
            }
        } catch (RejectedExecutionException e) {
            end(e);
        }
    }

    @Override
    public void onSubscribe(Subscription s) {
        upstream = s;
        if (isCancelled()) {
            s.cancel();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(T value) {
        if (valued) {
            Operators.onDiscard(value, currentContext());
            return;
        }
        valued = true;
        if (end()) {
            complete(value);
        } else {
            Operators.onDiscard(value, currentContext());
        }
    }

    @Override
    public void onComplete() {
        if (!valued && !isCancelled() && end()) {
            actual.onComplete(); // an attempt that answers nothing: the call answers nothing
        }
    }

    @Override
    public void onError(Throwable failure) {
        if (valued || ended != 0) { // after the value, or after the call ended (a cancel or close raced it)
            Operators.onErrorDropped(failure, currentContext());
            return;
        }
        failed(failure);
    }

    /** After a failed attempt: the next attempt, now or after a wait, or the end of the call. */
    private void failed(Throwable failure) {
        Call.CallState state = call.state();
        state.failed(failure);
        if (!pipeline.limiterHolds && failure instanceof RateLimitException) {
            // the server's Retry-After holds the whole client, not only this call (DESIGN §4), as long as
            // the client would wait for it: a longer one surfaces (maxRetryAfter) and holds nothing
            ((RateLimitException) failure)
                    .retryAfter()
                    .filter(d ->
                            !d.isZero() && !d.isNegative() && d.compareTo(pipeline.retryPolicy.maxRetryAfter()) <= 0)
                    .ifPresent(pipeline::hold);
        }
        RetryDecider d = decider;
        if (d == null) {
            d = new RetryDecider(
                    pipeline.retryPolicy, call.request().method(), this, call.deadlineNanos(), pipeline.limiterHolds);
            decider = d;
        }
        Duration wait;
        try {
            wait = d.next(failure, Math.max(1, state.attempts()));
        } catch (Throwable e) { // a listener that throws ends the call with its error, the failure kept
            Exceptions.throwIfJvmFatal(e);
            signal(Exceptions.addSuppressed(Operators.onOperatorError(e, currentContext()), failure));
            return;
        }
        if (wait == null) {
            decider = null; // a run after a 401 retries afresh
            end(d.surfacing(failure));
        } else if (wait.isZero()) {
            attempt();
        } else {
            later(Deadlines.saturatedNanos(wait));
        }
    }

    /** Counts a retry in the call's state and tells the client's listener (before the wait). */
    @Override
    public void onRetry(int retry, Throwable error, Duration delay) {
        call.state().retried();
        pipeline.retryListener.onRetry(retry, error, delay);
    }

    /** Ends the call with {@code error}, unless a 401 may be cured by fresh credentials. */
    private void end(Throwable error) {
        HttpRequest rejected = call.state().lastSent();
        if (!reauthorized && error instanceof UnauthorizedException && rejected != null) {
            reauthorized = true;
            Disposable answer;
            try {
                answer = Objects.requireNonNull(
                                pipeline.auth.onUnauthorized(rejected),
                                "the auth strategy's onUnauthorized returned null")
                        .defaultIfEmpty(false) // a strategy that answers nothing does not help
                        .subscribe(
                                yes -> {
                                    if (Boolean.TRUE.equals(yes)) {
                                        attempt();
                                    } else {
                                        signal(error);
                                    }
                                },
                                this::signal,
                                null,
                                currentContext());
            } catch (Throwable e) { // as an error handler that throws: its error, the 401 kept
                Exceptions.throwIfJvmFatal(e);
                signal(Exceptions.addSuppressed(Operators.onOperatorError(e, currentContext()), error));
                return;
            }
            asking = answer;
            if (isCancelled()) {
                answer.dispose();
            }
            return;
        }
        signal(error);
    }

    private void signal(Throwable error) {
        if (isCancelled() || !end()) {
            Operators.onErrorDropped(error, currentContext());
        } else {
            actual.onError(error);
        }
    }

    /** Whether this is the call's one end (and it leaves the running calls). */
    private boolean end() {
        if (ENDED.compareAndSet(this, 0, 1)) {
            running.remove(this);
            return true;
        }
        return false;
    }

    /**
     * The client closed: stops what the call is doing (the attempt in flight, a wait) and fails it with
     * {@code refused}, unless it has ended already.
     */
    void abort(Throwable refused) {
        if (!end()) {
            return;
        }
        stop();
        actual.onError(refused);
    }

    @Override
    public void cancel() {
        end();
        stop();
    }

    private void stop() {
        super.cancel();
        Subscription s = upstream;
        if (s != null) {
            s.cancel();
        }
        Disposable w = waiting;
        if (w != null) {
            w.dispose();
        }
        Disposable a = asking;
        if (a != null) {
            a.dispose();
        }
    }
}
