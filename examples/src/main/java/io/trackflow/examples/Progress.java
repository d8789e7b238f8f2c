package io.trackflow.examples;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A one-line live progress display (items, pages, items/s, retries), redrawn in place on a terminal
 * and printed every few seconds otherwise; then a one-line summary.
 */
final class Progress {

    private final PrintStream out;
    private final String label;
    private final LongSupplier retries;
    private final long retriesAtStart;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private final AtomicLong items = new AtomicLong();
    private final AtomicLong pages = new AtomicLong();
    private volatile long lastDraw;

    Progress(PrintStream out, String label, LongSupplier retries) {
        this.out = out;
        this.label = label;
        this.retries = retries;
        this.retriesAtStart = retries.getAsLong();
        this.terminal = System.console() != null;
    }

    void page(int size) {
        pages.incrementAndGet();
        long n = items.addAndGet(size);
        long now = System.nanoTime();
        if (now - lastDraw > (terminal ? 100_000_000L : 2_000_000_000L)) {
            lastDraw = now;
            String line = line(n, now);
            out.print(terminal ? "\r" + line : line + System.lineSeparator());
            out.flush();
        }
    }

    /** Prints the summary and returns the elapsed seconds. */
    double done() {
        long now = System.nanoTime();
        double seconds = (now - started) / 1e9;
        if (terminal) {
            out.print("\r" + " ".repeat(100) + "\r");
        }
        out.printf(
                Locale.ROOT,
                "  %s: %s in %s, %.2f s (%,.0f items/s, %s)%n",
                label,
                Counts.of(items.get(), "track", "tracks"),
                Counts.of(pages.get(), "page", "pages"),
                seconds,
                items.get() / Math.max(seconds, 1e-9),
                Counts.of(retries.getAsLong() - retriesAtStart, "retry", "retries"));
        return seconds;
    }

    long items() {
        return items.get();
    }

    private String line(long n, long now) {
        double seconds = (now - started) / 1e9;
        return String.format(
                Locale.ROOT,
                "  %s: %s, %s, %,.0f items/s, %s",
                label,
                Counts.of(n, "item", "items"),
                Counts.of(pages.get(), "page", "pages"),
                n / Math.max(seconds, 1e-9),
                Counts.of(retries.getAsLong() - retriesAtStart, "retry", "retries"));
    }
}
