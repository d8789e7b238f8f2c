package io.trackflow.benchmarks;

import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.testkit.FakeBeyondWords;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The short run of DESIGN §7.1, as a new user would measure: one fresh JVM, the fake server in the
 * same JVM with its pages pre-serialized, 100k items at page size 100, 3 warm-up listings then 7
 * measured ones per contender, contenders alternating within each round (the order rotates from one
 * round to the next). Prints every listing's time and the median ratios; run it several times
 * ({@code benchmarks/short-run.sh}) for a distribution.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.trackflow.benchmarks.ShortRun \
 *     [--items 100000] [--page 100] [--warmup 3] [--measured 7] [--contenders list,pojo,raw] \
 *     [--order rotate|fixed] [--server BASE_URL --key API_KEY]
 * </pre>
 *
 * <p>Each listing also shows the CPU time of the JVM's own threads (client and server; threads that
 * ended during the listing are missed) and, after the plus, the rest of the process's CPU time (JIT
 * compilation and GC). Ratios are throughput ratios: {@code list()/pojo = median time of pojo / median time of list()};
 * above 1, {@code list()} is faster. With {@code --server} the listings go to a server in another
 * process (for profiles of the client alone); that is not the short-run protocol.
 */
public final class ShortRun {

    private ShortRun() {}

    /**
     * Runs the protocol.
     *
     * @param args see the class comment
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int items = 100_000;
        int page = 100;
        int warmup = 3;
        int measured = 7;
        List<Contender> contenders = List.of(Contender.LIST, Contender.POJO, Contender.RAW);
        boolean rotate = true;
        String server = null;
        String key = FakeBeyondWords.DEFAULT_API_KEY;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--items":
                    items = Integer.parseInt(v);
                    i++;
                    break;
                case "--page":
                    page = Integer.parseInt(v);
                    i++;
                    break;
                case "--warmup":
                    warmup = Integer.parseInt(v);
                    i++;
                    break;
                case "--measured":
                    measured = Integer.parseInt(v);
                    i++;
                    break;
                case "--contenders": {
                    List<Contender> cs = new ArrayList<>();
                    for (String c : v.split(",")) {
                        cs.add(Contender.of(c));
                    }
                    contenders = cs;
                    i++;
                    break;
                }
                case "--order":
                    rotate = v.equals("rotate");
                    i++;
                    break;
                case "--server":
                    server = v;
                    i++;
                    break;
                case "--key":
                    key = v;
                    i++;
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (items % page != 0) {
            throw new IllegalArgumentException("items must be a multiple of page");
        }
        String loadBefore = load();
        FakeBeyondWords fake = null;
        String base = server;
        if (base == null) {
            fake = FakeBeyondWords.builder()
                    .maxPageSize(page)
                    .recordRequests(false)
                    .start()
                    .seed(items);
            base = fake.baseUrl();
            key = fake.apiKey();
        }
        Baselines.prefill(base, key, items, page); // pages serialized by the server before any contender runs
        System.out.printf(
                Locale.ROOT,
                "# ShortRun pid %d, java %s, %d items, page %d, %d warm-up + %d measured listings each, contenders %s (%s order), server %s; load average %s%n",
                ProcessHandle.current().pid(),
                System.getProperty("java.version"),
                items,
                page,
                warmup,
                measured,
                contenders,
                rotate ? "rotating" : "fixed",
                server == null ? "in this JVM" : server,
                loadBefore);

        BeyondWordsClient trackflow = null;
        if (contenders.stream().anyMatch(Contender::trackflow)) {
            trackflow = BeyondWordsClient.builder().apiKey(key).baseUrl(base).build();
        }
        PipelineLoop.apiKey = key;
        ConnectionProvider provider = ConnectionProvider.create("baseline", 64);
        HttpClient netty = Baselines.nettyClient(provider, "X-Api-Key", key);

        Map<Contender, double[]> times = new EnumMap<>(Contender.class);
        Map<Contender, double[]> cpus = new EnumMap<>(Contender.class);
        Map<Contender, double[]> syss = new EnumMap<>(Contender.class);
        Map<Contender, double[]> ctxs = new EnumMap<>(Contender.class);
        for (Contender c : contenders) {
            ctxs.put(c, new double[measured]);
            times.put(c, new double[measured]);
            cpus.put(c, new double[measured]);
            syss.put(c, new double[measured]);
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int rounds = warmup + measured;
        long runStart = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            boolean isMeasured = r >= warmup;
            StringBuilder line = new StringBuilder(
                    String.format(Locale.ROOT, "round %2d %-9s", r + 1, isMeasured ? "measured" : "warm-up"));
            for (int k = 0; k < contenders.size(); k++) {
                Contender c = contenders.get(rotate ? (r + k) % contenders.size() : k);
                ListingEvent ev = new ListingEvent();
                ev.contender = c.id;
                ev.round = r + 1;
                ev.measured = isMeasured;
                ev.items = items;
                ev.begin();
                long switches0 = contextSwitches();
                Map<Long, Long> cpu0 = threadCpu();
                Map<Long, Long> user0 = threadUser();
                long proc0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                Long n = c.listing(trackflow, netty, base, items, page).count().block();
                double ms = (System.nanoTime() - t0) / 1e6;
                double appCpu = cpuSince(cpu0) / 1e6;
                double appSys = appCpu - userSince(user0) / 1e6;
                long switches = contextSwitches() - switches0;
                double otherCpu = (os.getProcessCpuTime() - proc0) / 1e6 - appCpu;
                ev.commit();
                if (n == null || n != items) {
                    throw new IllegalStateException(c.id + " listed " + n + " items, expected " + items);
                }
                if (isMeasured) {
                    times.get(c)[r - warmup] = ms;
                    cpus.get(c)[r - warmup] = appCpu;
                    syss.get(c)[r - warmup] = appSys;
                    ctxs.get(c)[r - warmup] = switches;
                }
                line.append(String.format(
                        Locale.ROOT,
                        "  %-5s %7.1f ms (cpu %6.1f, sys %5.1f; + %6.1f; %,6d cs)",
                        c.id,
                        ms,
                        appCpu,
                        appSys,
                        otherCpu,
                        switches));
            }
            System.out.println(line);
        }
        double totalS = (System.nanoTime() - runStart) / 1e9;

        System.out.printf(
                Locale.ROOT,
                "# measured listings, ms: median [min .. max]; items/s at the median; CPU ms of the JVM's threads (client and server, not JIT or GC)%n");
        for (Contender c : contenders) {
            double[] t = times.get(c);
            double[] u = cpus.get(c);
            System.out.printf(
                    Locale.ROOT,
                    "%-8s %8.1f [%8.1f .. %8.1f]  %,10.0f items/s   cpu %8.1f [%8.1f .. %8.1f], of which sys (kernel) %6.1f; context switches %,.0f (%.1f per page)%n",
                    c.id,
                    median(t),
                    min(t),
                    max(t),
                    items / median(t) * 1000,
                    median(u),
                    min(u),
                    max(u),
                    median(syss.get(c)),
                    median(ctxs.get(c)),
                    median(ctxs.get(c)) / (items / page));
        }
        StringBuilder result = new StringBuilder("RESULT");
        for (Contender c : contenders) {
            result.append(String.format(
                    Locale.ROOT,
                    " %s_ms=%.1f %s_cpu=%.1f %s_sys=%.1f %s_cs=%.0f",
                    c.id,
                    median(times.get(c)),
                    c.id,
                    median(cpus.get(c)),
                    c.id,
                    median(syss.get(c)),
                    c.id,
                    median(ctxs.get(c))));
        }
        for (Contender l : List.of(
                Contender.LIST,
                Contender.LIST1,
                Contender.RAW_MODEL,
                Contender.RAW_MODEL2,
                Contender.PIPE2,
                Contender.TRANSPORT2)) {
            if (!times.containsKey(l)) {
                continue;
            }
            for (Contender b : List.of(Contender.POJO, Contender.RAW)) {
                if (!times.containsKey(b)) {
                    continue;
                }
                double[] lt = times.get(l);
                double[] bt = times.get(b);
                double ratioOfMedians = median(bt) / median(lt);
                double[] perRound = new double[measured];
                for (int i = 0; i < measured; i++) {
                    perRound[i] = bt[i] / lt[i];
                }
                System.out.printf(
                        Locale.ROOT,
                        "%s/%s = %.2f (median time of %s / median time of %s; median of per-round ratios %.2f, range %.2f .. %.2f)%n",
                        l.id,
                        b.id,
                        ratioOfMedians,
                        b.id,
                        l.id,
                        median(perRound),
                        min(perRound),
                        max(perRound));
                result.append(String.format(Locale.ROOT, " %s/%s=%.3f", l.id, b.id, ratioOfMedians));
                double cpuRatio = median(cpus.get(b)) / median(cpus.get(l));
                System.out.printf(
                        Locale.ROOT,
                        "%s/%s by CPU time = %.2f (median CPU ms of %s / of %s: work per listing, less sensitive to other load)%n",
                        l.id,
                        b.id,
                        cpuRatio,
                        b.id,
                        l.id);
                result.append(String.format(Locale.ROOT, " cpu:%s/%s=%.3f", l.id, b.id, cpuRatio));
            }
        }
        String loadAfter = load();
        result.append(" load_before=")
                .append(loadBefore.split(" ")[0])
                .append(" load_after=")
                .append(loadAfter.split(" ")[0]);
        result.append(String.format(Locale.ROOT, " total_s=%.1f", totalS));
        System.out.println(result);
        System.out.println("# load average after: " + loadAfter + "; JVM uptime "
                + ManagementFactory.getRuntimeMXBean().getUptime() + " ms");

        if (trackflow != null) {
            trackflow.close();
        }
        provider.disposeLater().block();
        if (fake != null) {
            fake.close();
        }
        System.exit(0);
    }

    /** CPU time so far of every live thread the JVM lets us see (not its JIT or GC threads). */
    static Map<Long, Long> threadCpu() {
        java.lang.management.ThreadMXBean t = ManagementFactory.getThreadMXBean();
        Map<Long, Long> m = new java.util.HashMap<>();
        for (long id : t.getAllThreadIds()) {
            long v = t.getThreadCpuTime(id);
            if (v >= 0) {
                m.put(id, v);
            }
        }
        return m;
    }

    /** Voluntary + involuntary context switches so far of every thread of this process (Linux). */
    static long contextSwitches() {
        long sum = 0;
        try (java.nio.file.DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path t : tasks) {
                try {
                    for (String line : Files.readAllLines(t.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")
                                || line.startsWith("nonvoluntary_ctxt_switches:")) {
                            sum += Long.parseLong(
                                    line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                } catch (java.io.IOException | RuntimeException gone) {
                    // the thread ended
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return sum;
    }

    /** User-mode CPU time so far of every live thread the JVM lets us see. */
    static Map<Long, Long> threadUser() {
        java.lang.management.ThreadMXBean t = ManagementFactory.getThreadMXBean();
        Map<Long, Long> m = new java.util.HashMap<>();
        for (long id : t.getAllThreadIds()) {
            long v = t.getThreadUserTime(id);
            if (v >= 0) {
                m.put(id, v);
            }
        }
        return m;
    }

    /** Nanoseconds of user-mode CPU the threads used since {@code before}. */
    static long userSince(Map<Long, Long> before) {
        long sum = 0;
        for (Map.Entry<Long, Long> e : threadUser().entrySet()) {
            sum += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return sum;
    }

    /** Nanoseconds of CPU the threads used since {@code before} (new threads from zero). */
    static long cpuSince(Map<Long, Long> before) {
        long sum = 0;
        for (Map.Entry<Long, Long> e : threadCpu().entrySet()) {
            sum += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return sum;
    }

    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "?";
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }
}
