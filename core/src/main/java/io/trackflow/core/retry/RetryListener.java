package io.trackflow.core.retry;

import java.time.Duration;

/** Told before each retry; for metrics and progress displays. Must not block. */
@FunctionalInterface
public interface RetryListener {

    /** A listener that does nothing. */
    RetryListener NONE = (attempt, error, delay) -> {};

    /**
     * Called before retry number {@code attempt} (the first retry is attempt 2).
     *
     * @param attempt the number of the attempt about to be made
     * @param error why the previous attempt failed
     * @param delay the wait before the attempt
     */
    void onRetry(int attempt, Throwable error, Duration delay);
}
