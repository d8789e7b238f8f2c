package io.trackflow.benchmarks;

import io.trackflow.beyondwords.BeyondWordsClient;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Counts the objects a contender allocates per page, exactly, by class: run it with no garbage
 * collection ({@code -XX:+UnlockExperimentalVMOptions -XX:+UseEpsilonGC}) against a {@link PageServer}
 * in another process, and it diffs class histograms ({@code GC.class_histogram -all}, which also
 * counts unreachable objects) taken around the listings. Objects that C2 scalar-replaces are not
 * allocated and not counted: compare the first (cold) listing with listings after warm-up.
 *
 * <pre>
 * java -XX:+UnlockExperimentalVMOptions -XX:+UseEpsilonGC -Xmx8g -cp benchmarks.jar \
 *     io.trackflow.benchmarks.PerPageCount BASE_URL API_KEY list [warm-up listings=15] [measured listings=2] [items=100000] [page=100]
 * </pre>
 */
public final class PerPageCount {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    private PerPageCount() {}

    /**
     * Runs the count.
     *
     * @param args base URL, API key, contender, warm-up listings, measured listings, items, page size
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        Contender c = Contender.of(args[2]);
        int warm = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        int measured = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        int items = args.length > 5 ? Integer.parseInt(args[5]) : 100_000;
        int page = args.length > 6 ? Integer.parseInt(args[6]) : 100;
        int pages = items / page;
        BeyondWordsClient trackflow = c.trackflow()
                ? BeyondWordsClient.builder().apiKey(key).baseUrl(base).build()
                : null;
        ConnectionProvider provider = c.trackflow() ? null : ConnectionProvider.create("baseline", 64);
        HttpClient netty = c.trackflow() ? null : Baselines.nettyClient(provider, "X-Api-Key", key);

        Map<String, long[]> h0 = histogram();
        Map<String, long[]> h0b = histogram();
        run(c, trackflow, netty, base, items, page);
        Map<String, long[]> h1 = histogram();
        for (int i = 1; i < warm; i++) {
            run(c, trackflow, netty, base, items, page);
        }
        Map<String, long[]> h2 = histogram();
        Map<String, long[]> h2b = histogram();
        for (int i = 0; i < measured; i++) {
            run(c, trackflow, netty, base, items, page);
        }
        Map<String, long[]> h3 = histogram();
        System.out.printf(
                Locale.ROOT,
                "# %s: %d items, page %d; listing 1 (cold) and listings %d..%d (after %d warm-up listings); load %s%n",
                c.id,
                items,
                page,
                warm + 1,
                warm + measured,
                warm,
                ShortRun.load());
        print("cold: listing 1", diff(h1, h0b, diff(h0b, h0, null)), pages, items);
        print(
                "warm: per page over listings " + (warm + 1) + ".." + (warm + measured),
                diff(h3, h2b, diff(h2b, h2, null)),
                (long) pages * measured,
                (long) items * measured);
        System.exit(0);
    }

    private static void run(
            Contender c, BeyondWordsClient trackflow, HttpClient netty, String base, int items, int page) {
        Long n = c.listing(trackflow, netty, base, items, page).count().block();
        if (n == null || n != items) {
            throw new IllegalStateException("listed " + n + ", expected " + items);
        }
    }

    /** Counts and bytes by class of every object in the heap, reachable or not. */
    private static Map<String, long[]> histogram() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer()
                .invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"),
                        "gcClassHistogram",
                        new Object[] {new String[] {"-all"}},
                        new String[] {String[].class.getName()});
        Map<String, long[]> m = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher r = ROW.matcher(line);
            if (r.find()) {
                m.put(r.group(3), new long[] {Long.parseLong(r.group(1)), Long.parseLong(r.group(2))});
            }
        }
        return m;
    }

    /** after - before - noise (the histogram's own garbage, measured by two histograms in a row). */
    private static Map<String, long[]> diff(
            Map<String, long[]> after, Map<String, long[]> before, Map<String, long[]> noise) {
        Map<String, long[]> d = new HashMap<>();
        for (Map.Entry<String, long[]> e : after.entrySet()) {
            long[] b = before.getOrDefault(e.getKey(), new long[2]);
            long[] n = noise == null ? new long[2] : noise.getOrDefault(e.getKey(), new long[2]);
            long count = e.getValue()[0] - b[0] - n[0];
            long bytes = e.getValue()[1] - b[1] - n[1];
            if (count > 0) {
                d.put(e.getKey(), new long[] {count, bytes});
            }
        }
        return d;
    }

    private static String group(String cls) {
        if (cls.startsWith("reactor.core.publisher.")) {
            String simple = cls.substring("reactor.core.publisher.".length());
            if (simple.contains("$$Lambda")) {
                return "lambdas of reactor-core";
            }
            if (simple.contains("$")) {
                return "reactor-core subscribers/inner state (X$Y)";
            }
            return (simple.startsWith("Flux") || simple.startsWith("Mono") || simple.startsWith("Parallel"))
                    ? "reactor-core operators (assembled Flux*/Mono*)"
                    : "reactor-core other";
        }
        if (cls.contains("$$Lambda")) {
            return "lambdas ("
                    + (cls.startsWith("io.trackflow")
                            ? "trackflow/benchmarks"
                            : cls.substring(0, Math.max(0, cls.indexOf('.', cls.indexOf('.') + 1))))
                    + ")";
        }
        String[][] buckets = {
            {"reactor.netty", "reactor-netty"},
            {"io.netty", "netty"},
            {"reactor.", "reactor other"},
            {"com.fasterxml.jackson", "jackson"},
            {"tools.jackson", "jackson"},
            {"io.trackflow.benchmarks", "benchmark model"},
            {"io.trackflow", "trackflow"},
            {"java.time", "java.time"},
        };
        for (String[] b : buckets) {
            if (cls.startsWith(b[0])) {
                return b[1];
            }
        }
        return "JDK/other (" + cls + ")";
    }

    private static void print(String title, Map<String, long[]> d, long pages, long items) {
        long objects = d.values().stream().mapToLong(v -> v[0]).sum();
        long bytes = d.values().stream().mapToLong(v -> v[1]).sum();
        System.out.printf(
                Locale.ROOT,
                "%n== %s: %.1f objects and %,.0f bytes per page (%.2f objects, %.0f B per item)%n",
                title,
                objects / (double) pages,
                bytes / (double) pages,
                objects / (double) items,
                bytes / (double) items);
        Map<String, long[]> groups = new TreeMap<>();
        for (Map.Entry<String, long[]> e : d.entrySet()) {
            String g = group(e.getKey());
            if (g.startsWith("JDK/other")) {
                g = "JDK/other";
            }
            long[] v = groups.computeIfAbsent(g, k -> new long[2]);
            v[0] += e.getValue()[0];
            v[1] += e.getValue()[1];
        }
        System.out.println("  by group (objects per page, bytes per page):");
        groups.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                .forEach(e -> System.out.printf(
                        Locale.ROOT,
                        "    %8.1f  %10.0f  %s%n",
                        e.getValue()[0] / (double) pages,
                        e.getValue()[1] / (double) pages,
                        e.getKey()));
        List<Map.Entry<String, long[]>> rows = new ArrayList<>(d.entrySet());
        rows.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
        System.out.println("  by class, at least 0.5 per page (objects per page, bytes per page):");
        for (Map.Entry<String, long[]> e : rows) {
            double per = e.getValue()[0] / (double) pages;
            if (per < 0.5) {
                break;
            }
            System.out.printf(
                    Locale.ROOT, "    %8.2f  %10.0f  %s%n", per, e.getValue()[1] / (double) pages, e.getKey());
        }
    }
}
