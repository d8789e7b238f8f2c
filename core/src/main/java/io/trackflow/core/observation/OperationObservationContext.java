package io.trackflow.core.observation;

import io.micrometer.observation.Observation;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What an observation of one logical call knows: provider and operation, and the counts filled in
 * while it runs (pages fetched, items emitted, retries made by its requests).
 */
public final class OperationObservationContext extends Observation.Context {

    private final String provider;
    private final String operation;
    private final AtomicLong pages = new AtomicLong();
    private final AtomicLong items = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    /**
     * Creates the context of one logical call.
     *
     * @param provider the client's name
     * @param operation the operation's name, e.g. {@code background_tracks.list}
     */
    public OperationObservationContext(String provider, String operation) {
        this.provider = provider;
        this.operation = operation;
    }

    /** The client's name. */
    public String provider() {
        return provider;
    }

    /** The operation's name. */
    public String operation() {
        return operation;
    }

    /** Successful page requests (for a single lookup: 1 when it succeeded). */
    public long pages() {
        return pages.get();
    }

    /** Items emitted. */
    public long items() {
        return items.get();
    }

    /** Retries made by the call's requests. */
    public long retries() {
        return retries.get();
    }

    /** Counts a successful request. */
    public void pageFetched() {
        pages.incrementAndGet();
    }

    /** Counts an emitted item. */
    public void itemEmitted() {
        items.incrementAndGet();
    }

    /** Counts a retry. */
    public void retried() {
        retries.incrementAndGet();
    }
}
