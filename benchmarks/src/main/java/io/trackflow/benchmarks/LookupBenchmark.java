package io.trackflow.benchmarks;

import io.trackflow.beatpass.BeatPassClient;
import io.trackflow.beatpass.model.Track;
import io.trackflow.core.json.FieldType;
import io.trackflow.core.json.ModelCodec;
import io.trackflow.core.json.RawJson;
import io.trackflow.testkit.FakeBeatPass;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
import org.openjdk.jmh.infra.Blackhole;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufMono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * DESIGN §7.3: 20k {@code tracks().get} at concurrency 64 against the fake BeatPass on loopback,
 * versus raw Reactor Netty + Jackson doing the same lookups. Scores are milliseconds per 20k.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 8)
@Measurement(iterations = 8)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g"})
public class LookupBenchmark {

    static final int LOOKUPS = 20_000;
    static final int CONCURRENCY = 64;

    private FakeBeatPass server;
    private BeatPassClient client;
    private BeatPassClient unpaced;
    private ConnectionProvider provider;
    private HttpClient netty;
    private String base;

    @Setup(Level.Trial)
    public void start() {
        server = FakeBeatPass.builder()
                .rateLimitPerMinute(Integer.MAX_VALUE)
                .recordRequests(false)
                .start()
                .seed(LOOKUPS);
        base = server.baseUrl();
        client = BeatPassClient.builder().token(server.token()).baseUrl(base).build();
        unpaced = BeatPassClient.builder()
                .token(server.token())
                .baseUrl(base)
                .rateLimiter(io.trackflow.core.ratelimit.RateLimits.none())
                .build();
        provider = ConnectionProvider.create("baseline", 64);
        netty = Baselines.nettyClient(provider, "Authorization", "Bearer " + server.token());
    }

    @TearDown(Level.Trial)
    public void stop() {
        client.close();
        unpaced.close();
        provider.disposeLater().block();
        server.close();
    }

    /** trackflow {@code tracks().get}, 64 at a time. */
    @Benchmark
    public long trackflowGet(Blackhole bh) {
        return lookups(client, bh);
    }

    /** The same without pacing ({@code RateLimits.none()}): what the default limiter costs. */
    @Benchmark
    public long trackflowGetUnpaced(Blackhole bh) {
        return lookups(unpaced, bh);
    }

    private static long lookups(BeatPassClient c, Blackhole bh) {
        return Flux.range(1, LOOKUPS)
                .flatMap(id -> c.tracks().get(id), CONCURRENCY)
                .doOnNext(bh::consume)
                .count()
                .block();
    }

    /**
     * Raw Reactor Netty, 64 at a time, each body read by trackflow's codec of the lookup's envelope and
     * its {@link Track} (as {@code Tracks.get} reads it): {@link #trackflowGet} without trackflow's call
     * pipeline and transport, so that the two tell the model's decoding cost from the machinery's.
     */
    @Benchmark
    public long rawNettyModel(Blackhole bh) {
        return rawLookups(body -> body.asInputStream().map(MODEL_ENVELOPE::read), bh);
    }

    private static final ModelEnvelope MODEL_ENVELOPE = new ModelEnvelope();

    /** The {@code {status, track}} envelope as {@code Tracks} declares it, on trackflow's codec. */
    private static final class ModelEnvelope extends ModelCodec<ModelEnvelope.Builder, Track> {
        ModelEnvelope() {
            super(Track.class, Builder::new, b -> b.track);
            optional("status", FieldType.RAW, (b, v) -> b.status = v);
            optional("track", FieldType.model(Track.class), (b, v) -> b.track = v);
        }

        static final class Builder {
            RawJson status;
            Track track;
        }
    }

    /** Raw Reactor Netty + Jackson, 64 at a time. */
    @Benchmark
    public long rawNettyJackson(Blackhole bh) {
        return rawLookups(
                body -> body.asByteArray().map(bytes -> {
                    try {
                        return Baselines.ENVELOPE.<Dto.Envelope>readValue(bytes).track();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }),
                bh);
    }

    /** The raw loop: every lookup a {@code GET} on raw Reactor Netty, 64 at a time, its body read by {@code read}. */
    private long rawLookups(Function<ByteBufMono, Mono<?>> read, Blackhole bh) {
        return Flux.range(1, LOOKUPS)
                .flatMap(
                        id -> read.apply(netty.get()
                                .uri(base + "/tracks/" + id)
                                .responseContent()
                                .aggregate()),
                        CONCURRENCY)
                .doOnNext(bh::consume)
                .count()
                .block();
    }
}
