package io.trackflow.core.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A map that keeps at most a fixed number of entries, for what is learnt from what servers send (header
 * names, a model's unknown field names): once full, nothing more is kept, so that what a server sends can
 * never grow it. The bound holds with threads racing: a place is taken before an entry is put. Entries are
 * never removed. Safe for any thread.
 *
 * @param <K> the key
 * @param <V> the value
 */
public final class BoundedCache<K, V> {

    private final int max;
    private final ConcurrentHashMap<K, V> kept = new ConcurrentHashMap<>();
    private final AtomicInteger taken = new AtomicInteger();

    /**
     * A cache of at most {@code max} entries.
     *
     * @param max the most entries kept, at least 1
     */
    public BoundedCache(int max) {
        this.max = Checks.atLeast(max, 1, "max");
    }

    /**
     * The value kept for {@code key}.
     *
     * @param key the key
     * @return its value, or null when none is kept
     */
    public @Nullable V get(K key) {
        return kept.get(key);
    }

    /**
     * Keeps {@code value} for {@code key} if there is room and no value is kept for it yet.
     *
     * @param key the key
     * @param value the value
     * @return the value kept for {@code key} (another thread's if it kept one first), or null when the
     *     cache is full
     */
    public @Nullable V keep(K key, V value) {
        if (isFull()) {
            return kept.get(key);
        }
        if (taken.incrementAndGet() > max) {
            taken.decrementAndGet();
            return kept.get(key);
        }
        V first = kept.putIfAbsent(key, value);
        if (first != null) {
            taken.decrementAndGet(); // already kept: its place goes back
            return first;
        }
        return value;
    }

    /**
     * Whether no more entries are kept (counting places taken by puts under way).
     *
     * @return true when full
     */
    public boolean isFull() {
        return taken.get() >= max;
    }

    /**
     * How many entries are kept.
     *
     * @return the count
     */
    public int size() {
        return kept.size();
    }

    /**
     * The keys kept (for tests).
     *
     * @return a view of them
     */
    public java.util.Set<K> keys() {
        return kept.keySet();
    }
}
