package io.trackflow.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@link ModelDecodingBenchmark}'s work measured in the thread's own CPU time and allocation per item,
 * min and median of 7 rounds after a warm-up: on a machine shared with other builds, CPU time moves far
 * less than wall-clock throughput. Run the same class against two builds, in turn, to compare them.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.trackflow.benchmarks.DecodeCost [rounds, default 3000]
 * </pre>
 */
public final class DecodeCost {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private DecodeCost() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        ModelDecodingBenchmark b = new ModelDecodingBenchmark();
        b.fetch();
        Map<String, Callable<?>> work = new LinkedHashMap<>();
        work.put("beyondWordsPage", b::beyondWordsPage);
        work.put("beyondWordsPageOfKnownFields", b::beyondWordsPageOfKnownFields);
        work.put("beyondWordsPageAsTree", b::beyondWordsPageAsTree);
        work.put("beatPassTracks", b::beatPassTracks);
        work.put("beatPassTracksAsTree", b::beatPassTracksAsTree);
        // last, so that trackflow's figures stay comparable with runs from before they were added
        work.put("beyondWordsPageAsRecords", b::beyondWordsPageAsRecords);
        work.put("beyondWordsPageOfKnownFieldsAsRecords", b::beyondWordsPageOfKnownFieldsAsRecords);
        work.put("beyondWordsPageAsPlainPojos", b::beyondWordsPageAsPlainPojos);
        for (Map.Entry<String, Callable<?>> w : work.entrySet()) {
            int n = w.getKey().startsWith("beatPass") ? rounds / 10 : rounds;
            for (int i = 0; i < n; i++) {
                w.getValue().call();
            }
            double[] cpu = new double[7];
            double bytes = 0;
            for (int k = 0; k < cpu.length; k++) {
                long a0 = THREADS.getCurrentThreadAllocatedBytes();
                long c0 = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    w.getValue().call();
                }
                long items = (long) n * ModelDecodingBenchmark.ITEMS;
                cpu[k] = (THREADS.getCurrentThreadCpuTime() - c0) / (double) items;
                bytes = (THREADS.getCurrentThreadAllocatedBytes() - a0) / (double) items;
            }
            Arrays.sort(cpu);
            System.out.printf(
                    "%-38s %8.0f B/item   CPU ns/item: min %6.0f, median %6.0f%n", w.getKey(), bytes, cpu[0], cpu[3]);
        }
    }
}
