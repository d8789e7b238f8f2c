package io.trackflow.core.retry;

import java.time.Duration;

/** Told before each retry; for metrics and progress displays. Must not block. */
@FunctionalInterface
public interface RetryListener {

    /** A listener that does nothing. */
    RetryListener NONE = (retry, error, delay) -> {};

    /**
     * Called before retry number {@code retry}: the first retry is 1, the number its request carries in
     * the {@code trackflow.retry} tag of {@code trackflow.client.requests} (the first attempt is 0 there).
     *
     * @param retry the number of the retry about to be made, from 1
     * @param error why the previous attempt failed
     * @param delay the wait before the retry
     */
    void onRetry(int retry, Throwable error, Duration delay);
}
