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
    long started = System.nanoTime();
    long count;
    try (BeyondWordsClient bw = BeyondWordsClient.builder().apiKey(key).baseUrl(baseUrl).build()) {
      count = bw.backgroundTracks()
          .list(BackgroundTrackQuery.builder().pageSize(100).concurrency(concurrency).build())
          .count()
          .block();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf("streamed %,d items (expected %,d) in %.1f s with -Xmx%dm: peak heap %.1f MiB%n",
        count, expected, seconds, Runtime.getRuntime().maxMemory() >> 20, peak / 1048576.0);
    if (count != expected) {
      System.exit(1);
    }
  }
}
