package io.trackflow.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Small summaries of the benchmark outputs, so that figures are read the same way every time.
 *
 * <ul>
 *   <li>{@code Report series results/stream*.json [regex]}: JMH throughput runs (forks of all files merged) (use {@code -wi 0}
 *       to see the whole warm-up): every fork's iteration series, the median series over forks, the
 *       peak (median of a fork's last three iterations) and the first iteration within 10 % of it
 *       (reached, and from which it stays there), and the ratios of every benchmark to the
 *       baselines per iteration.
 *   <li>{@code Report warmup results/warmup*.json}: {@link WarmupBenchmark}: listing 1, listings
 *       1..10 together, and each iteration, as medians over forks (of all the files) with ranges.
 *   <li>{@code Report jfr file.jfr [--slices seconds] [--top n] [--items n] [--by-round]}: a flight
 *       recording of {@link ShortRun} (grouped by its {@link ListingEvent}s: contender × warm-up/measured,
 *       or contender × round) or of
 *       anything else (grouped by time slices): CPU samples by top frame and by library, allocation
 *       samples by type and site (bytes per item when items are known), compilations and
 *       deoptimizations, GC pauses.
 * </ul>
 */
public final class Report {

    private Report() {}

    /**
     * Prints a summary.
     *
     * @param args {@code series|warmup|jfr} and the file
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println(
                    "usage: Report series <jmh.json> [regex] | Report warmup <jmh.json>... | Report jfr <file.jfr> [--slices s] [--top n] [--items n]");
            System.exit(2);
        }
        switch (args[0]) {
            case "series": {
                List<Path> files = new ArrayList<>();
                Pattern filter = null;
                for (int i = 1; i < args.length; i++) {
                    if (args[i].endsWith(".json")) {
                        files.add(Path.of(args[i]));
                    } else {
                        filter = Pattern.compile(args[i]);
                    }
                }
                series(files, filter);
                break;
            }
            case "warmup": {
                List<Path> files = new ArrayList<>();
                for (int i = 1; i < args.length; i++) {
                    files.add(Path.of(args[i]));
                }
                warmup(files);
                break;
            }
            case "jfr":
                jfr(Path.of(args[1]), Arrays.copyOfRange(args, 2, args.length));
                break;
            default:
                throw new IllegalArgumentException(args[0]);
        }
    }

    // ---------------------------------------------------------------- JMH JSON

    private static String shortName(String benchmark) {
        String[] p = benchmark.split("\\.");
        return p[p.length - 2] + "." + p[p.length - 1];
    }

    private static double[][] raw(JsonNode b) {
        JsonNode forks = b.path("primaryMetric").path("rawData");
        double[][] r = new double[forks.size()][];
        for (int f = 0; f < forks.size(); f++) {
            JsonNode it = forks.get(f);
            r[f] = new double[it.size()];
            for (int i = 0; i < it.size(); i++) {
                r[f][i] = it.get(i).asDouble();
            }
        }
        return r;
    }

    /** Median over forks of iteration i (forks that have it). */
    private static double[] medianSeries(double[][] r) {
        int n = Arrays.stream(r).mapToInt(a -> a.length).max().orElse(0);
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            List<Double> v = new ArrayList<>();
            for (double[] f : r) {
                if (i < f.length) {
                    v.add(f[i]);
                }
            }
            m[i] = ShortRun.median(v.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return m;
    }

    private static void series(List<Path> jsons, Pattern filter) throws Exception {
        Map<String, List<double[]>> forks = new LinkedHashMap<>();
        Map<String, JsonNode> firstEntry = new LinkedHashMap<>();
        for (Path json : jsons) {
            for (JsonNode b : new ObjectMapper().readTree(json.toFile())) {
                String name = shortName(b.path("benchmark").asText());
                forks.computeIfAbsent(name, k -> new ArrayList<>()).addAll(Arrays.asList(raw(b)));
                firstEntry.putIfAbsent(name, b);
            }
        }
        Map<String, double[]> medians = new LinkedHashMap<>();
        for (String name : new TreeMap<>(forks).keySet()) {
            JsonNode b = firstEntry.get(name);
            if (filter != null && !filter.matcher(name).find()) {
                continue;
            }
            double[][] r = forks.get(name).toArray(new double[0][]);
            String iterTime = b.path("measurementTime").asText();
            System.out.printf(
                    Locale.ROOT,
                    "%s  (%s, %d forks x %d iterations of %s, %s warm-up iterations; %s)%n",
                    name,
                    b.path("mode").asText(),
                    r.length,
                    r.length == 0 ? 0 : r[0].length,
                    iterTime,
                    b.path("warmupIterations").asText(),
                    b.path("primaryMetric").path("scoreUnit").asText());
            for (int f = 0; f < r.length; f++) {
                double[] s = r[f];
                double peak = ShortRun.median(Arrays.copyOfRange(s, Math.max(0, s.length - 3), s.length));
                int reached = -1;
                int stays = -1;
                for (int i = 0; i < s.length; i++) {
                    if (reached < 0 && s[i] >= 0.9 * peak) {
                        reached = i + 1;
                    }
                }
                for (int i = s.length - 1; i >= 0 && s[i] >= 0.9 * peak; i--) {
                    stays = i + 1;
                }
                StringBuilder line = new StringBuilder(String.format(
                        Locale.ROOT,
                        "  fork %d: peak %,.0f; within 10%% at iteration %d, stays from %d:",
                        f + 1,
                        peak,
                        reached,
                        stays));
                for (double v : s) {
                    line.append(String.format(Locale.ROOT, " %.0fk", v / 1000));
                }
                System.out.println(line);
            }
            double[] m = medianSeries(r);
            medians.put(name, m);
            StringBuilder line = new StringBuilder("  median over forks:");
            for (double v : m) {
                line.append(String.format(Locale.ROOT, " %.0fk", v / 1000));
            }
            System.out.println(line);
        }
        for (String base : List.of("rawNettyJackson", "rawNettyPlainPojo", "webClient")) {
            String baseKey = medians.keySet().stream()
                    .filter(k -> k.endsWith("." + base))
                    .findFirst()
                    .orElse(null);
            if (baseKey == null) {
                continue;
            }
            for (String k : medians.keySet()) {
                if (!k.contains(".trackflow")) {
                    continue;
                }
                double[] a = medians.get(k);
                double[] b = medians.get(baseKey);
                StringBuilder line = new StringBuilder(String.format(
                        Locale.ROOT,
                        "ratio %s / %s per iteration (medians over forks):",
                        k.substring(k.indexOf('.') + 1),
                        base));
                for (int i = 0; i < Math.min(a.length, b.length); i++) {
                    line.append(String.format(Locale.ROOT, " %.2f", a[i] / b[i]));
                }
                System.out.println(line);
            }
        }
    }

    /** Merges the forks of every file (e.g. {@code warmup.sh}'s interleaved one-fork runs) by benchmark. */
    private static void warmup(List<Path> jsons) throws Exception {
        Map<String, List<double[]>> forks = new LinkedHashMap<>();
        for (Path json : jsons) {
            for (JsonNode b : new ObjectMapper().readTree(json.toFile())) {
                forks.computeIfAbsent(shortName(b.path("benchmark").asText()), k -> new ArrayList<>())
                        .addAll(Arrays.asList(raw(b)));
            }
        }
        Map<String, double[]> first = new LinkedHashMap<>();
        Map<String, double[]> ten = new LinkedHashMap<>();
        for (Map.Entry<String, List<double[]>> en : new TreeMap<>(forks).entrySet()) {
            String name = en.getKey();
            double[][] r = en.getValue().toArray(new double[0][]);
            double[] one = new double[r.length];
            double[] tens = new double[r.length];
            for (int f = 0; f < r.length; f++) {
                one[f] = r[f][0];
                tens[f] = Arrays.stream(r[f], 0, Math.min(10, r[f].length)).sum();
            }
            first.put(name, one);
            ten.put(name, tens);
            System.out.printf(
                    Locale.ROOT,
                    "%s (%d forks): listing 1 %.0f ms [%.0f .. %.0f]; listings 1..10 %.0f ms [%.0f .. %.0f]%n",
                    name,
                    r.length,
                    ShortRun.median(one),
                    ShortRun.min(one),
                    ShortRun.max(one),
                    ShortRun.median(tens),
                    ShortRun.min(tens),
                    ShortRun.max(tens));
            StringBuilder line = new StringBuilder("  median ms per iteration:");
            for (double v : medianSeries(r)) {
                line.append(String.format(Locale.ROOT, " %.0f", v));
            }
            System.out.println(line);
        }
        for (String base : List.of("rawNettyJackson", "rawNettyPlainPojo")) {
            String baseKey = first.keySet().stream()
                    .filter(k -> k.endsWith("." + base))
                    .findFirst()
                    .orElse(null);
            if (baseKey == null) {
                continue;
            }
            for (String k : first.keySet()) {
                if (k.contains(".trackflow")) {
                    System.out.printf(
                            Locale.ROOT,
                            "%s vs %s (throughput ratio, median time of %s / median time of %s): listing 1 %.2f, listings 1..10 %.2f%n",
                            k.substring(k.indexOf('.') + 1),
                            base,
                            base,
                            k.substring(k.indexOf('.') + 1),
                            ShortRun.median(first.get(baseKey)) / ShortRun.median(first.get(k)),
                            ShortRun.median(ten.get(baseKey)) / ShortRun.median(ten.get(k)));
                }
            }
        }
    }

    // ---------------------------------------------------------------- JFR

    /** A span of the recording that events are attributed to. */
    private static final class Window {
        final Instant start;
        final Instant end;
        final String group;
        final long items;

        Window(Instant start, Instant end, String group, long items) {
            this.start = start;
            this.end = end;
            this.group = group;
            this.items = items;
        }
    }

    /**
     * Where CPU goes, as buckets of frames ({@code class.method} prefixes). A CPU sample goes to the
     * bucket of the innermost frame (nearest the top of its stack) that matches one, so that work
     * nested inside an operator (the page's decoding runs inside the transport's and the retry's
     * {@code onNext}) is not counted for it: the per-page operators get only their own code.
     */
    private static final String[][] SUSPECTS = {
        {
            "decoding: timestamps (Timestamps, InstantDeserializer)",
            "io.trackflow.core.json.Timestamps",
            "io.trackflow.core.json.FieldType.readInstant",
            "io.trackflow.core.json.Json$InstantDeserializer",
            "io.trackflow.benchmarks.BaselineMapper$InstantDeserializer",
            "io.trackflow.benchmarks.BaselineMapper$FastTimestamps"
        },
        {
            "decoding: reflection (Method.invoke, Constructor.newInstance, Field.set)",
            "java.lang.reflect.Method.invoke",
            "java.lang.reflect.Constructor.newInstance",
            "java.lang.reflect.Field.set",
            "jdk.internal.reflect."
        },
        {
            "decoding: Immutables builders (build, InitShim, Optional wrapping)",
            "io.trackflow.beyondwords.model.",
            "com.fasterxml.jackson.datatype.jdk8.OptionalDeserializer"
        },
        {"decoding: Jackson, the rest", "com.fasterxml.jackson.", "tools.jackson."},
        {"decoding: trackflow's codec, the rest (ModelCodec, FieldType, RawJson)", "io.trackflow.core.json."},
        {
            "per-request HttpClient configuration (request/uri/send: HttpClientConfig copies)",
            "reactor.netty.http.client.HttpClient.request",
            "reactor.netty.http.client.HttpClient.get",
            "reactor.netty.http.client.HttpClientFinalizer.uri",
            "reactor.netty.http.client.HttpClientFinalizer.send",
            "reactor.netty.http.client.HttpClient.uri",
            "reactor.netty.http.client.HttpClientConfig.<init>",
            "reactor.netty.transport.ClientTransport.",
            "reactor.netty.transport.Transport.duplicate"
        },
        {
            "cancelOn(Schedulers.fromExecutor) per exchange",
            "reactor.core.publisher.FluxCancelOn",
            "reactor.core.publisher.MonoCancelOn",
            "reactor.core.scheduler.Schedulers.fromExecutor",
            "reactor.core.scheduler.ExecutorScheduler",
            "io.trackflow.core.http.ReactorNettyTransport$OnConnectionLoop"
        },
        {
            "Mono.timeout per call (timer scheduled and cancelled)",
            "reactor.core.publisher.MonoTimeout",
            "reactor.core.publisher.FluxTimeout",
            "reactor.core.publisher.MonoDelay",
            "reactor.core.scheduler.SchedulerTask",
            "reactor.core.scheduler.Schedulers.directSchedule",
            "reactor.core.scheduler.Schedulers.workerSchedule",
            "java.util.concurrent.ScheduledThreadPoolExecutor"
        },
        {
            "retryWhen per call (companion sink, PolicyRetry)",
            "reactor.core.publisher.FluxRetryWhen",
            "reactor.core.publisher.MonoRetryWhen",
            "reactor.core.publisher.SinkManyEmitterProcessor",
            "io.trackflow.core.retry.PolicyRetry",
            "reactor.util.retry."
        },
        {
            "responseTimeout handler per request (pipeline add/remove, timer)",
            "io.netty.handler.timeout",
            "reactor.netty.http.client.HttpClientOperations.responseTimeout",
            "reactor.netty.channel.ChannelOperations.addHandler",
            "reactor.netty.channel.ChannelOperations.removeHandler",
            "reactor.netty.ReactorNetty.addHandlerBeforeReactorEndHandler",
            "io.netty.channel.DefaultChannelPipeline.add",
            "io.netty.channel.DefaultChannelPipeline.remove"
        },
        {"URI building (Urls.build, URI.create)", "io.trackflow.core.internal.Urls.build", "java.net.URI"},
        {
            "HttpRequest values (withHeader, defaults, checks)",
            "io.trackflow.core.http.HttpRequest",
            "io.trackflow.core.http.ImmutableHttpRequest",
            "io.trackflow.core.client.Pipeline.withDefaults",
            "io.trackflow.core.auth.ApiKeyAuth.authenticate",
            "io.trackflow.core.http.Headers.check"
        },
        {
            "response head (headers map, HttpResponse value, header lookups)",
            "io.trackflow.core.http.ImmutableHttpResponse",
            "io.trackflow.core.http.HttpResponse",
            "io.trackflow.core.http.Headers.lower"
        },
        {
            "Page values (builder, from(p) copies, cursors)",
            "io.trackflow.core.paging.ImmutablePage",
            "io.trackflow.core.paging.Page.",
            "io.trackflow.core.paging.ListingPlan.page",
            "io.trackflow.core.paging.ImmutablePageCursor",
            "io.trackflow.core.paging.PageCursor"
        },
        {
            "paging (OffsetPaginator, PagingRun; before issue 25: flatMapSequential, repeat, consumed sinks)",
            "io.trackflow.core.paging.",
            "reactor.core.publisher.FluxMergeSequential",
            "reactor.core.publisher.FluxRepeatPredicate",
            "reactor.core.publisher.MonoRepeatPredicate",
            "reactor.core.publisher.SinkEmptyMulticast",
            "reactor.core.publisher.SinkEmptySerialized"
        },
        {
            "trackflow, the rest (ApiClient pipeline, transport, BackgroundTracks)",
            "io.trackflow.core.",
            "io.trackflow.beyondwords."
        },
        {"logging guards", "reactor.util.Loggers", "org.slf4j"},
        {"connection pool acquire/release", "reactor.netty.resources.", "reactor.netty.internal.shaded.reactor.pool"},
        {"reactor-core, other operators", "reactor.core.", "reactor.util."},
        {"reactor-netty, the rest", "reactor.netty."},
        {"Netty (HTTP codec, buffers, channel I/O, event loop)", "io.netty."},
        {"benchmark code (baselines, blackhole)", "io.trackflow.benchmarks.", "org.openjdk.jmh."},
    };

    /** What is counted for one group of windows. */
    private static final class Stats {
        long listings;
        long items;
        double seconds;
        long cpuSamples;
        final Map<String, Long> topFrames = new HashMap<>();
        final Map<String, Long> libraries = new HashMap<>();
        final Map<String, Long> firstOwnFrames = new HashMap<>();
        final Map<String, Long> suspects = new LinkedHashMap<>();
        double allocBytes;
        final Map<String, Double> allocTypes = new HashMap<>();
        final Map<String, Double> allocSites = new HashMap<>();
        long compilations;
        long c2Compilations;
        double compileMs;
        final Map<String, Long> compiled = new HashMap<>();
        long deopts;
        final Map<String, Long> deoptKinds = new HashMap<>();
        long gcs;
        double gcPauseMs;
        long parks;
        final Map<String, Long> parkSites = new HashMap<>();
    }

    private static String frameName(RecordedFrame f) {
        RecordedMethod m = f.getMethod();
        return m.getType().getName() + "." + m.getName();
    }

    /** A coarse library bucket for a class name. */
    private static String library(String type) {
        String[][] buckets = {
            {"io.trackflow.testkit", "trackflow testkit (server)"},
            {"io.trackflow.core.json", "trackflow json"},
            {"io.trackflow.benchmarks", "benchmark baselines"},
            {"io.trackflow", "trackflow core/provider"},
            {"com.fasterxml.jackson", "jackson"},
            {"tools.jackson", "jackson"},
            {"reactor.netty.http.server", "reactor-netty server"},
            {"reactor.netty", "reactor-netty"},
            {"reactor.core", "reactor-core"},
            {"reactor.util", "reactor-core"},
            {"io.netty", "netty"},
            {"java.time", "java.time"},
            {"java.util.concurrent", "j.u.concurrent"},
            {"java.", "jdk"},
            {"jdk.", "jdk"},
            {"sun.", "jdk"},
        };
        for (String[] b : buckets) {
            if (type.startsWith(b[0])) {
                return b[1];
            }
        }
        return "other";
    }

    private static boolean own(String type) {
        return !(type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun."));
    }

    private static <K> void add(Map<K, Long> m, K k) {
        m.merge(k, 1L, Long::sum);
    }

    private static void jfr(Path file, String[] opts) throws Exception {
        double slice = 0;
        int top = 15;
        long itemsOpt = 0;
        boolean byRound = false;
        for (int i = 0; i < opts.length; i++) {
            switch (opts[i]) {
                case "--slices":
                    slice = Double.parseDouble(opts[++i]);
                    break;
                case "--top":
                    top = Integer.parseInt(opts[++i]);
                    break;
                case "--items":
                    itemsOpt = Long.parseLong(opts[++i]);
                    break;
                case "--by-round":
                    byRound = true;
                    break;
                default:
                    throw new IllegalArgumentException(opts[i]);
            }
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        events.sort(Comparator.comparing(RecordedEvent::getStartTime));
        List<Window> windows = new ArrayList<>();
        for (RecordedEvent e : events) {
            if (e.getEventType().getName().equals("trackflow.Listing")) {
                String group = e.getString("contender")
                        + (byRound
                                ? String.format(Locale.ROOT, " round %02d", e.getInt("round"))
                                : (e.getBoolean("measured") ? " measured" : " warm-up"));
                windows.add(new Window(e.getStartTime(), e.getEndTime(), group, e.getLong("items")));
            }
        }
        Instant t0 = events.isEmpty() ? Instant.EPOCH : events.get(0).getStartTime();
        Instant tEnd = events.isEmpty()
                ? Instant.EPOCH
                : events.stream()
                        .map(RecordedEvent::getEndTime)
                        .max(Comparator.naturalOrder())
                        .get();
        if (windows.isEmpty()) {
            double s = slice > 0 ? slice : Duration.between(t0, tEnd).toMillis() / 1000.0 + 1;
            int k = 0;
            for (Instant a = t0; a.isBefore(tEnd); a = a.plusMillis((long) (s * 1000)), k++) {
                windows.add(new Window(
                        a, a.plusMillis((long) (s * 1000)), String.format(Locale.ROOT, "t=%05.1f s", k * s), itemsOpt));
            }
        }
        Map<String, Stats> groups = new TreeMap<>();
        for (Window w : windows) {
            Stats s = groups.computeIfAbsent(w.group, g -> new Stats());
            s.listings++;
            s.items += w.items;
            s.seconds += Duration.between(w.start, w.end).toNanos() / 1e9;
        }
        Map<String, long[]> deoptAll = new HashMap<>(); // count, first ms, last ms
        Map<String, double[]> compileAll = new TreeMap<>(); // library + level: count, ms, bytes of code
        List<String> longest = new ArrayList<>();
        List<double[]> longestMs = new ArrayList<>();
        int wi = 0;
        for (RecordedEvent e : events) {
            String type = e.getEventType().getName();
            Instant t = e.getStartTime();
            if (type.equals("jdk.Deoptimization")) {
                String k = deoptKey(e);
                long ms = Duration.between(t0, t).toMillis();
                long[] v = deoptAll.computeIfAbsent(k, x -> new long[] {0, ms, ms});
                v[0]++;
                v[2] = ms;
            }
            if (type.equals("jdk.Compilation")) {
                RecordedMethod m = e.getValue("method");
                int level = e.getInt("compileLevel");
                double ms = e.getDuration().toNanos() / 1e6;
                String lib = (m == null ? "?" : library(m.getType().getName())) + (level == 4 ? " C2" : " C1");
                double[] v = compileAll.computeIfAbsent(lib, x -> new double[3]);
                v[0]++;
                v[1] += ms;
                v[2] += e.getLong("codeSize");
                if (level == 4) {
                    longest.add(String.format(
                            Locale.ROOT,
                            "%7.1f ms at %6.1f s  code %6d B, inlined %6d B%s  %s",
                            ms,
                            Duration.between(t0, t).toMillis() / 1000.0,
                            e.getLong("codeSize"),
                            e.getLong("inlinedBytes"),
                            e.getBoolean("isOsr") ? " OSR" : "",
                            m == null ? "?" : m.getType().getName() + "." + m.getName()));
                    longestMs.add(new double[] {ms, longest.size() - 1});
                }
            }
            while (wi < windows.size() && !windows.get(wi).end.isAfter(t)) {
                wi++;
            }
            if (wi >= windows.size()) {
                continue;
            }
            Window w = windows.get(wi);
            if (t.isBefore(w.start)) {
                continue;
            }
            Stats s = groups.get(w.group);
            switch (type) {
                case "jdk.ExecutionSample": {
                    RecordedStackTrace st = e.getStackTrace();
                    if (st == null || st.getFrames().isEmpty()) {
                        break;
                    }
                    s.cpuSamples++;
                    List<RecordedFrame> frames = st.getFrames();
                    String topType = frames.get(0).getMethod().getType().getName();
                    add(s.topFrames, frameName(frames.get(0)));
                    add(s.libraries, library(topType));
                    for (RecordedFrame f : frames) {
                        if (own(f.getMethod().getType().getName())) {
                            add(s.firstOwnFrames, frameName(f));
                            break;
                        }
                    }
                    String bucket = "JDK only (no library frame)";
                    search:
                    for (RecordedFrame f : frames) {
                        String name = frameName(f);
                        for (String[] suspect : SUSPECTS) {
                            for (int k = 1; k < suspect.length; k++) {
                                if (name.startsWith(suspect[k])) {
                                    bucket = suspect[0];
                                    break search;
                                }
                            }
                        }
                    }
                    add(s.suspects, bucket);
                    break;
                }
                case "jdk.ObjectAllocationSample": {
                    double weight = e.getLong("weight");
                    s.allocBytes += weight;
                    String cls = e.getClass("objectClass").getName();
                    s.allocTypes.merge(cls, weight, Double::sum);
                    RecordedStackTrace st = e.getStackTrace();
                    if (st != null) {
                        String site = "?";
                        for (RecordedFrame f : st.getFrames()) {
                            if (own(f.getMethod().getType().getName())) {
                                site = frameName(f);
                                break;
                            }
                        }
                        s.allocSites.merge(site, weight, Double::sum);
                    }
                    break;
                }
                case "jdk.Compilation": {
                    s.compilations++;
                    if (e.getInt("compileLevel") == 4) {
                        s.c2Compilations++;
                    }
                    s.compileMs += e.getDuration().toNanos() / 1e6;
                    RecordedMethod m = e.getValue("method");
                    if (m != null) {
                        add(
                                s.compiled,
                                library(m.getType().getName()) + (e.getInt("compileLevel") == 4 ? " C2" : " C1"));
                    }
                    break;
                }
                case "jdk.Deoptimization":
                    s.deopts++;
                    add(s.deoptKinds, deoptKey(e));
                    break;
                case "jdk.ThreadPark": {
                    s.parks++;
                    String thread = e.getThread("eventThread") == null
                            ? "?"
                            : e.getThread("eventThread").getJavaName();
                    thread = thread == null ? "?" : thread.replaceAll("[0-9]+", "N");
                    String site = "?";
                    RecordedStackTrace st = e.getStackTrace();
                    if (st != null) {
                        for (RecordedFrame f : st.getFrames()) {
                            String n = frameName(f);
                            if (own(f.getMethod().getType().getName())
                                    || n.startsWith("java.util.concurrent.ScheduledThreadPoolExecutor")) {
                                site = n;
                                break;
                            }
                        }
                    }
                    add(s.parkSites, thread + " in " + site);
                    break;
                }
                case "jdk.GarbageCollection":
                    s.gcs++;
                    s.gcPauseMs += e.getDuration("sumOfPauses").toNanos() / 1e6;
                    break;
                default:
                    break;
            }
        }
        for (Map.Entry<String, Stats> g : groups.entrySet()) {
            Stats s = g.getValue();
            System.out.printf(
                    Locale.ROOT,
                    "%n=== %s: %d windows, %.2f s, %,d items%n",
                    g.getKey(),
                    s.listings,
                    s.seconds,
                    s.items);
            System.out.printf(
                    Locale.ROOT,
                    "  CPU samples %,d (%.0f per s); GCs %d, pauses %.1f ms; compilations %d (C2 %d), %.0f ms compiling; deoptimizations %d%n",
                    s.cpuSamples,
                    s.cpuSamples / s.seconds,
                    s.gcs,
                    s.gcPauseMs,
                    s.compilations,
                    s.c2Compilations,
                    s.compileMs,
                    s.deopts);
            System.out.printf(
                    Locale.ROOT,
                    "  allocation (sampled estimate) %.1f MB%s%n",
                    s.allocBytes / 1e6,
                    s.items > 0
                            ? String.format(
                                    Locale.ROOT,
                                    ", %.0f B per item (server included when in the same JVM)",
                                    s.allocBytes / s.items)
                            : "");
            printShares("  CPU by library of the top frame", s.libraries, s.cpuSamples, 12);
            printShares("  CPU top frames (self)", s.topFrames, s.cpuSamples, top);
            printShares("  CPU first non-JDK frame", s.firstOwnFrames, s.cpuSamples, top);
            if (s.cpuSamples > 0) {
                System.out.println("  CPU by bucket of the innermost matching frame (see SUSPECTS):");
                for (String[] suspect : SUSPECTS) {
                    long v = s.suspects.getOrDefault(suspect[0], 0L);
                    System.out.printf(Locale.ROOT, "    %5.1f%%  %6d  %s%n", 100.0 * v / s.cpuSamples, v, suspect[0]);
                }
                long jdkOnly = s.suspects.getOrDefault("JDK only (no library frame)", 0L);
                System.out.printf(
                        Locale.ROOT,
                        "    %5.1f%%  %6d  %s%n",
                        100.0 * jdkOnly / s.cpuSamples,
                        jdkOnly,
                        "JDK only (no library frame)");
            }
            printSharesD("  allocation by type", s.allocTypes, s.allocBytes, top);
            printSharesD("  allocation by first non-JDK frame", s.allocSites, s.allocBytes, top);
            printShares("  compilations by library", s.compiled, s.compilations, 10);
            printShares("  deoptimizations", s.deoptKinds, s.deopts, 10);
            if (s.parks > 0) {
                System.out.printf(
                        Locale.ROOT,
                        "  thread parks %,d (%.2f per 100 items; record with jdk.ThreadPark#threshold=0ms)%n",
                        s.parks,
                        s.items > 0 ? 100.0 * s.parks / s.items : Double.NaN);
                printShares("  parks by thread and first non-JDK frame", s.parkSites, s.parks, 10);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%n=== compilations over the whole recording, by library of the compiled method: count, ms, code bytes%n");
        compileAll.forEach(
                (k, v) -> System.out.printf(Locale.ROOT, "  %6.0f  %9.1f ms  %9.0f B  %s%n", v[0], v[1], v[2], k));
        System.out.printf(
                Locale.ROOT,
                "  total %.0f compilations, %.1f ms%n",
                compileAll.values().stream().mapToDouble(v -> v[0]).sum(),
                compileAll.values().stream().mapToDouble(v -> v[1]).sum());
        System.out.printf(Locale.ROOT, "=== the %d longest C2 compilations%n", top);
        longestMs.stream()
                .sorted((a, b) -> Double.compare(b[0], a[0]))
                .limit(top)
                .forEach(v -> System.out.println("  " + longest.get((int) v[1])));
        System.out.printf(
                Locale.ROOT,
                "%n=== deoptimizations over the whole recording (%d kinds), most frequent first: count, first .. last seen (ms since start)%n",
                deoptAll.size());
        deoptAll.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                .limit(40)
                .forEach(en -> System.out.printf(
                        Locale.ROOT,
                        "  %4d  %6d .. %6d  %s%n",
                        en.getValue()[0],
                        en.getValue()[1],
                        en.getValue()[2],
                        en.getKey()));
    }

    private static String deoptKey(RecordedEvent e) {
        RecordedMethod m = e.getValue("method");
        String where = m == null ? "?" : m.getType().getName() + "." + m.getName();
        return where + " line " + e.getInt("lineNumber") + " " + e.getString("reason") + "/" + e.getString("action")
                + " (" + e.getString("instruction") + ", " + e.getString("compiler") + ")";
    }

    private static void printShares(String title, Map<String, Long> m, long total, int n) {
        if (m.isEmpty()) {
            return;
        }
        System.out.println(title + ":");
        m.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .limit(n)
                .forEach(en -> System.out.printf(
                        Locale.ROOT,
                        "    %5.1f%%  %6d  %s%n",
                        100.0 * en.getValue() / total,
                        en.getValue(),
                        en.getKey()));
    }

    private static void printSharesD(String title, Map<String, Double> m, double total, int n) {
        if (m.isEmpty()) {
            return;
        }
        System.out.println(title + ":");
        m.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .limit(n)
                .forEach(en -> System.out.printf(
                        Locale.ROOT,
                        "    %5.1f%%  %8.1f MB  %s%n",
                        100.0 * en.getValue() / total,
                        en.getValue() / 1e6,
                        en.getKey()));
    }
}
