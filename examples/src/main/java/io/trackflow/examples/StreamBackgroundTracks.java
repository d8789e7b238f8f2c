package io.trackflow.examples;

import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Streams every background track with automatic paging, sequentially and then with eight pages in
 * flight, and compares the two.
 */
public final class StreamBackgroundTracks {

    private StreamBackgroundTracks() {}

    /**
     * Runs the example.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        try (Sandbox sandbox = Sandbox.fromEnvironment()) {
            run(sandbox.beyondWords(), sandbox.retries::get, System.out);
        }
    }

    /**
     * Streams the listing twice and prints progress, summaries and the speed-up.
     *
     * @param bw the client
     * @param retries a retry counter, for the display
     * @param out where to print
     * @return the number of tracks
     */
    static long run(BeyondWordsClient bw, java.util.function.LongSupplier retries, PrintStream out) {
        out.println("Streaming every background track (pages fetched one at a time)...");
        Progress sequential = new Progress(out, "concurrency 1", retries);
        bw.backgroundTracks()
                .pages(BackgroundTrackQuery.builder().concurrency(1).build())
                .doOnNext(page -> sequential.page(page.items().size()))
                .blockLast();
        double t1 = sequential.done();

        out.println("The same with 8 pages in flight (items still arrive in order)...");
        Progress concurrent = new Progress(out, "concurrency 8", retries);
        bw.backgroundTracks()
                .pages(BackgroundTrackQuery.builder().concurrency(8).build())
                .doOnNext(page -> concurrent.page(page.items().size()))
                .blockLast();
        double t8 = concurrent.done();
        out.printf(Locale.ROOT, "  speed-up with concurrency 8: %.1fx%n", t1 / Math.max(t8, 1e-9));
        return concurrent.items();
    }
}
