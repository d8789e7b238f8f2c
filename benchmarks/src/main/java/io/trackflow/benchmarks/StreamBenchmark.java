package io.trackflow.benchmarks;

import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.testkit.FakeBeyondWords;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * DESIGN §7.1: stream 100k background tracks, page size 100, from the fake server on loopback (its
 * pages pre-serialized), and compare items/s of {@code list()} with raw Reactor Netty discarding the
 * bytes (the floor), raw Reactor Netty + Jackson (the hand-written baseline, b), the same loop
 * binding a plain POJO with {@code String} timestamps (b'), Spring WebClient and the JDK HttpClient. Every contender reads the same pages in the same order; scores are items/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(StreamBenchmark.ITEMS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g"})
public class StreamBenchmark {

    static final int ITEMS = 100_000;
    static final int PAGE = 100;

    private FakeBeyondWords server;
    private BeyondWordsClient trackflow;
    private ConnectionProvider provider;
    private HttpClient netty;
    private WebClient webClient;
    private java.net.http.HttpClient jdk;
    private String base;
    private byte[] onePage;

    @Setup(Level.Trial)
    public void start() {
        server = FakeBeyondWords.builder()
                .maxPageSize(PAGE)
                .recordRequests(false)
                .start()
                .seed(ITEMS);
        base = server.baseUrl();
        trackflow = BeyondWordsClient.builder()
                .apiKey(server.apiKey())
                .baseUrl(base)
                .build();
        provider = ConnectionProvider.create("baseline", 64);
        netty = Baselines.nettyClient(provider, "X-Api-Key", server.apiKey());
        webClient = WebClient.builder()
                .baseUrl(base)
                .defaultHeader("X-Api-Key", server.apiKey())
                .codecs(c -> {
                    c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024);
                    // the same lenient timestamp reader as every other contender
                    c.defaultCodecs()
                            .jackson2JsonDecoder(
                                    new org.springframework.http.codec.json.Jackson2JsonDecoder(Baselines.MAPPER));
                })
                .build();
        jdk = java.net.http.HttpClient.newHttpClient();
        Baselines.prefill(base, server.apiKey(), ITEMS, PAGE); // pages serialized before any contender runs
        onePage = netty.get()
                .uri(Baselines.page(base, 0, PAGE))
                .responseContent()
                .aggregate()
                .asByteArray()
                .block();
    }

    @TearDown(Level.Trial)
    public void stop() {
        trackflow.close();
        provider.disposeLater().block();
        server.close();
    }

    /** trackflow {@code list()}: defaults (concurrency 2), page size 100. */
    @Benchmark
    public long trackflowList(Blackhole bh) {
        return trackflow
                .backgroundTracks()
                .list(BackgroundTrackQuery.builder().pageSize(PAGE).build())
                .doOnNext(bh::consume)
                .count()
                .block();
    }

    /** trackflow {@code list()} with one page at a time, like the sequential baselines. */
    @Benchmark
    public long trackflowListSequential(Blackhole bh) {
        return trackflow
                .backgroundTracks()
                .list(BackgroundTrackQuery.builder()
                        .pageSize(PAGE)
                        .concurrency(1)
                        .build())
                .doOnNext(bh::consume)
                .count()
                .block();
    }

    /** The floor: the same pages over raw Reactor Netty, bytes discarded. */
    @Benchmark
    public long rawNettyBytes() {
        return Flux.range(0, ITEMS / PAGE)
                .concatMap(i -> netty.get()
                        .uri(Baselines.page(base, (long) i * PAGE, PAGE))
                        .responseContent()
                        .map(b -> (long) b.readableBytes())
                        .reduce(0L, Long::sum))
                .reduce(0L, Long::sum)
                .block();
    }

    /**
     * (b) The hand-written baseline: raw Reactor Netty, each page aggregated and read by Jackson into
     * records that use trackflow's lenient timestamp reader.
     */
    @Benchmark
    public long rawNettyJackson(Blackhole bh) {
        return Baselines.rawNettyJackson(netty, base, ITEMS, PAGE)
                .doOnNext(bh::consume)
                .count()
                .block();
    }

    /**
     * The raw loop, one page at a time, each page read by trackflow's reader of its model: what {@link
     * #trackflowListSequential} does without trackflow's pipeline and paging engine, so that the two
     * tell the model's decoding cost (against {@link #rawNettyJackson}'s records) from the machinery's.
     */
    @Benchmark
    public long rawNettyModelSequential(Blackhole bh) {
        return Baselines.rawNettyModel(netty, base, ITEMS, PAGE, 1)
                .doOnNext(bh::consume)
                .count()
                .block();
    }

    /**
     * (b') What most users write: the same loop binding a plain POJO (public fields, {@code String}
     * timestamps, {@code Object} for nested objects) with a plain {@code ObjectMapper}.
     */
    @Benchmark
    public long rawNettyPlainPojo(Blackhole bh) {
        return Baselines.plainPojoPager(netty, base, ITEMS, PAGE)
                .doOnNext(bh::consume)
                .count()
                .block();
    }

    /** Spring WebClient, {@code bodyToFlux} per page, pages one after the other. */
    @Benchmark
    public long webClient(Blackhole bh) {
        return Flux.range(0, ITEMS / PAGE)
                .concatMap(i -> webClient
                        .get()
                        .uri(u -> u.path("/background_tracks")
                                .queryParam("pagination[limit]", PAGE)
                                .queryParam("pagination[offset]", (long) i * PAGE)
                                .build())
                        .retrieve()
                        .bodyToFlux(Dto.Track.class))
                .doOnNext(bh::consume)
                .count()
                .block();
    }

    /** The JDK HttpClient and Jackson, pages one after the other. */
    @Benchmark
    public long jdkHttpClient(Blackhole bh) throws Exception {
        long n = 0;
        for (int i = 0; i < ITEMS / PAGE; i++) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(Baselines.page(base, (long) i * PAGE, PAGE)))
                    .header("X-Api-Key", server.apiKey())
                    .header("Accept", "application/json")
                    .build();
            byte[] body = jdk.send(req, HttpResponse.BodyHandlers.ofByteArray()).body();
            List<Dto.Track> items = Baselines.TRACKS.readValue(body);
            for (Dto.Track t : items) {
                bh.consume(t);
            }
            n += items.size();
        }
        return n;
    }

    /** Jackson alone: the same bytes parsed 1,000 times, no I/O (for allocation per item). */
    @Benchmark
    public long jacksonOnly(Blackhole bh) throws Exception {
        return parsePages(Baselines.TRACKS::readValue, bh);
    }

    /**
     * trackflow's model read by trackflow's codec alone ({@code Json.readList} from a stream over the bytes,
     * as {@code list()} reads a page), no I/O: the cost of the model and its builders.
     */
    @Benchmark
    public long jacksonOnlyTrackflowModel(Blackhole bh) throws Exception {
        return parsePages(b -> Baselines.TRACKFLOW_MODEL.apply(new java.io.ByteArrayInputStream(b)), bh);
    }

    /** (b')'s plain POJO read by a plain ObjectMapper alone, no I/O. */
    @Benchmark
    public long jacksonOnlyPlainPojo(Blackhole bh) throws Exception {
        return parsePages(Baselines.PLAIN_TRACKS::readValue, bh);
    }

    private <T> long parsePages(Baselines.PageReader<T> reader, Blackhole bh) throws Exception {
        long n = 0;
        for (int i = 0; i < ITEMS / PAGE; i++) {
            List<?> items = reader.read(onePage);
            bh.consume(items);
            n += items.size();
        }
        return n;
    }
}
