package io.trackflow.benchmarks;

import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.testkit.FakeBeyondWords;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * DESIGN §7.1, warm-up: how fast the first listings of 100k items (page 100) are in a fresh JVM.
 * Every fork is a new JVM; nothing is warmed before the first measured iteration, and each
 * iteration is one whole listing, so iteration 1 of a fork is its first listing and iterations
 * 1..10 its first ten. Scores are milliseconds per listing; read the per-fork series from the JSON
 * ({@code Report warmup results/warmup.json} prints the medians over forks of listing 1, of listings
 * 1..10 together and of each iteration).
 *
 * <p>Only the contender's own client is built in a fork (a new user's program holds one), and the
 * server's pages are serialized before the first listing by the JDK HttpClient, which shares no code
 * with the contenders' client paths.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar WarmupBenchmark -f 10 -rf json -rff results/warmup.json
 * java -cp benchmarks/target/benchmarks.jar io.trackflow.benchmarks.Report warmup results/warmup.json
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 10)
@Fork(
        value = 10,
        jvmArgsAppend = {"-Xmx2g"})
public class WarmupBenchmark {

    static final int ITEMS = 100_000;
    static final int PAGE = 100;

    private FakeBeyondWords server;
    private BeyondWordsClient trackflow;
    private ConnectionProvider provider;
    private HttpClient netty;
    private String base;

    @Setup(Level.Trial)
    public void start(BenchmarkParams params) {
        server = FakeBeyondWords.builder()
                .maxPageSize(PAGE)
                .recordRequests(false)
                .start()
                .seed(ITEMS);
        base = server.baseUrl();
        Baselines.prefill(base, server.apiKey(), ITEMS, PAGE);
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        if (method.startsWith("trackflow")) {
            trackflow = BeyondWordsClient.builder()
                    .apiKey(server.apiKey())
                    .baseUrl(base)
                    .build();
        } else {
            provider = ConnectionProvider.create("baseline", 64);
            netty = Baselines.nettyClient(provider, "X-Api-Key", server.apiKey());
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (trackflow != null) {
            trackflow.close();
        }
        if (provider != null) {
            provider.disposeLater().block();
        }
        server.close();
    }

    private long run(Contender c, Blackhole bh) {
        return c.listing(trackflow, netty, base, ITEMS, PAGE)
                .doOnNext(bh::consume)
                .count()
                .block();
    }

    /** trackflow {@code list()}, defaults (two pages in flight). */
    @Benchmark
    public long trackflowList(Blackhole bh) {
        return run(Contender.LIST, bh);
    }

    /** trackflow {@code list()}, {@code concurrency(1)}. */
    @Benchmark
    public long trackflowListSequential(Blackhole bh) {
        return run(Contender.LIST1, bh);
    }

    /** (b) raw Reactor Netty + Jackson, records with trackflow's timestamp reader. */
    @Benchmark
    public long rawNettyJackson(Blackhole bh) {
        return run(Contender.RAW, bh);
    }

    /** (b') raw Reactor Netty + a plain ObjectMapper binding a plain POJO. */
    @Benchmark
    public long rawNettyPlainPojo(Blackhole bh) {
        return run(Contender.POJO, bh);
    }
}
