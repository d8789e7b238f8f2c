package io.trackflow.benchmarks;

import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * DESIGN §7.4: streams a large listing from a server in another process (see {@code
 * benchmarks/memory-check.sh}) in this JVM, meant to run with {@code -Xmx64m}, and reports the peak
 * heap used. Completes only if memory stays bounded whatever the total.
 */
public final class MemoryCheck {

    private MemoryCheck() {}

    /** Bytes allocated so far by every live thread of this JVM. */
    private static long allocated(com.sun.management.ThreadMXBean threads) {
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            long a = threads.getThreadAllocatedBytes(id);
            if (a > 0) {
                sum += a;
            }
        }
        return sum;
    }

    /**
     * Bytes per item allocated by decoding alone: trackflow's codec ({@code Json.readList}, as {@code list()}
     * reads a page, from a stream) reading its model from one page's bytes.
     */
    private static double decodingAlone(String baseUrl, String key, com.sun.management.ThreadMXBean threads) {
        try {
            java.net.http.HttpClient jdk = java.net.http.HttpClient.newHttpClient();
            byte[] page = jdk.send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl
                                            + "/background_tracks?pagination%5Blimit%5D=100&pagination%5Boffset%5D=0"))
                                    .header("X-Api-Key", key)
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofByteArray())
                    .body();
            java.util.function.Function<java.io.InputStream, java.util.List<?>> reader = in ->
                    io.trackflow.core.json.Json.readList(in, io.trackflow.beyondwords.model.BackgroundTrack.class);
            long items = 0;
            for (int i = 0; i < 2_000; i++) { // warm up
                items += reader.apply(new java.io.ByteArrayInputStream(page)).size();
            }
            long tid = Thread.currentThread().getId();
            long before = threads.getThreadAllocatedBytes(tid);
            items = 0;
            for (int i = 0; i < 2_000; i++) {
                items += reader.apply(new java.io.ByteArrayInputStream(page)).size();
            }
            return (threads.getThreadAllocatedBytes(tid) - before) / (double) items;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs the check.
     *
     * @param args base URL, API key, expected item count, concurrency (default 8)
     */
    public static void main(String[] args) {
        String baseUrl = args[0];
        String key = args[1];
        long expected = Long.parseLong(args[2]);
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = allocated(threads);
        long started = System.nanoTime();
        long count;
        long warmItems = Math.min(expected, 200_000);
        long warmAllocated;
        try (BeyondWordsClient bw =
                BeyondWordsClient.builder().apiKey(key).baseUrl(baseUrl).build()) {
            BackgroundTrackQuery query = BackgroundTrackQuery.builder()
                    .pageSize(100)
                    .concurrency(concurrency)
                    .build();
            count = bw.backgroundTracks().list(query).count().block();
            // the same again, warm: what a long-running service allocates per item once compiled
            long before = allocated(threads);
            long warm = bw.backgroundTracks()
                    .list(BackgroundTrackQuery.builder()
                            .from(query)
                            .maxItems(warmItems)
                            .build())
                    .count()
                    .block();
            warmAllocated = allocated(threads) - before;
            if (warm != warmItems) {
                throw new IllegalStateException("the warm listing read " + warm + " items, not " + warmItems);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long allocatedByListing = allocated(threads) - allocatedBefore - warmAllocated;
        double perItem = allocatedByListing / (double) Math.max(1, count);
        double warmPerItem = warmAllocated / (double) warmItems;
        double decodingPerItem = decodingAlone(baseUrl, key, threads);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(
                "streamed %,d items (expected %,d) and %,d again in %.1f s with -Xmx%dm: peak heap %.1f MiB%n",
                count, expected, warmItems, seconds, Runtime.getRuntime().maxMemory() >> 20, peak / 1048576.0);
        System.out.printf(
                "allocation per item (client JVM only), decoding alone (Json.readList) on the same pages (warm) %.0f B;"
                        + " list() warm (second listing) %.0f B: %.2fx; first listing (cold JVM included) %.0f B:"
                        + " %.2fx%n",
                decodingPerItem, warmPerItem, warmPerItem / decodingPerItem, perItem, perItem / decodingPerItem);
        if (count != expected) {
            System.exit(1);
        }
    }
}
