package io.trackflow.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link LookupBenchmark}'s lookup contenders (20k lookups at concurrency 64) in one JVM, measured in
 * the CPU time of the JVM's own threads (client and server alike, not JIT or GC) as well as in wall time:
 * on this 2-core machine the wall time of a fork moves by 30–40 % from one fork to the next, the CPU time
 * that the same work takes far less. The contenders alternate within each round (the order rotates), so
 * that each meets the same state of the JVM (but each also warms the code the others share: two trackflow
 * clients in one JVM share their pipeline's call sites, so run {@code get} without {@code unpaced} for what
 * one client does); medians of the measured rounds, and each contender's CPU time
 * and wall time against the raw loop's ({@code rawNettyJackson}) of the same rounds. A figure of one JVM:
 * run it several times for a distribution.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.trackflow.benchmarks.LookupCost [warm-up rounds, default 8]
 *     [measured rounds, default 15] [contenders, default raw,raw-model,get,unpaced]
 * </pre>
 */
public final class LookupCost {

    private LookupCost() {}

    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        LookupBenchmark b = new LookupBenchmark();
        b.start();
        Blackhole bh = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        Map<String, ToLongFunction<Blackhole>> contenders = new LinkedHashMap<>();
        contenders.put("raw", b::rawNettyJackson);
        contenders.put("raw-model", b::rawNettyModel);
        contenders.put("get", b::trackflowGet);
        contenders.put("unpaced", b::trackflowGetUnpaced);
        List<String> names =
                new ArrayList<>(args.length > 2 ? List.of(args[2].split(",")) : List.copyOf(contenders.keySet()));
        if (!names.contains("raw")
                || !contenders.keySet().containsAll(names)
                || new java.util.HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException(
                    "contenders: raw and any of " + contenders.keySet() + ", each once, got " + names);
        }
        Map<String, double[]> cpu = new LinkedHashMap<>();
        Map<String, double[]> wall = new LinkedHashMap<>();
        names.forEach(n -> {
            cpu.put(n, new double[measured]);
            wall.put(n, new double[measured]);
        });
        try {
            for (int r = 0; r < warmup + measured; r++) {
                StringBuilder line = new StringBuilder(
                        String.format(Locale.ROOT, "round %2d %-8s", r + 1, r < warmup ? "warm-up" : "measured"));
                for (int k = 0; k < names.size(); k++) {
                    String name = names.get((r + k) % names.size());
                    Map<Long, Long> cpu0 = ShortRun.threadCpu();
                    long t0 = System.nanoTime();
                    long n = contenders.get(name).applyAsLong(bh);
                    double ms = (System.nanoTime() - t0) / 1e6;
                    double cpuMs = ShortRun.cpuSince(cpu0) / 1e6;
                    if (n != LookupBenchmark.LOOKUPS) {
                        throw new IllegalStateException(name + " looked up " + n + " tracks");
                    }
                    if (r >= warmup) {
                        cpu.get(name)[r - warmup] = cpuMs;
                        wall.get(name)[r - warmup] = ms;
                    }
                    line.append(String.format(Locale.ROOT, "  %-9s %6.1f ms (cpu %6.1f)", name, ms, cpuMs));
                }
                System.out.println(line);
            }
        } finally {
            b.stop();
        }
        double rawCpu = ShortRun.median(cpu.get("raw"));
        double rawWall = ShortRun.median(wall.get("raw"));
        for (String n : names) {
            double c = ShortRun.median(cpu.get(n));
            double w = ShortRun.median(wall.get(n));
            System.out.printf(
                    Locale.ROOT,
                    "%-9s cpu %6.1f ms (%6.1f-%6.1f) = %.3f x raw   wall %6.1f ms (%6.1f-%6.1f) = %.3f x raw%n",
                    n,
                    c,
                    ShortRun.min(cpu.get(n)),
                    ShortRun.max(cpu.get(n)),
                    c / rawCpu,
                    w,
                    ShortRun.min(wall.get(n)),
                    ShortRun.max(wall.get(n)),
                    w / rawWall);
        }
        System.exit(0);
    }
}
