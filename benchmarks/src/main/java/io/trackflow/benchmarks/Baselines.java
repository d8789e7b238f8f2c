package io.trackflow.benchmarks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** Shared pieces of the hand-written baselines. */
final class Baselines {

    /**
     * The baselines' own Jackson 2 mapper, configured as trackflow's Jackson 2 mapper was (lenient
     * timestamps, durations in milliseconds): see {@link BaselineMapper}.
     */
    static final ObjectMapper MAPPER = BaselineMapper.create();

    static final JavaType TRACK_LIST = MAPPER.getTypeFactory().constructCollectionType(List.class, Dto.Track.class);
    static final ObjectReader TRACKS = MAPPER.readerFor(TRACK_LIST);
    static final ObjectReader ENVELOPE = MAPPER.readerFor(Dto.Envelope.class);

    /**
     * trackflow's reader of a page of its model, as {@code BackgroundTracks} reads a page: {@link
     * Json#readList} on the body's stream.
     */
    static final Function<InputStream, List<BackgroundTrack>> TRACKFLOW_MODEL =
            in -> Json.readList(in, BackgroundTrack.class);

    /** Reads a page from its bytes. */
    @FunctionalInterface
    interface PageReader<T> {
        List<T> read(byte[] page) throws IOException;
    }

    /** Contender (b'): a plain {@code new ObjectMapper()}, nothing of trackflow's. */
    static final ObjectMapper PLAIN_MAPPER = new ObjectMapper();

    static final ObjectReader PLAIN_TRACKS = PLAIN_MAPPER.readerFor(new TypeReference<List<Dto.PlainTrack>>() {});

    private Baselines() {}

    static HttpClient nettyClient(ConnectionProvider provider, String header, String value) {
        return HttpClient.create(provider).headers(h -> h.add(header, value).add("Accept", "application/json"));
    }

    static String page(String baseUrl, long offset, int limit) {
        return baseUrl + "/background_tracks?pagination%5Blimit%5D=" + limit + "&pagination%5Boffset%5D=" + offset;
    }

    /**
     * Contender (b): raw Reactor Netty, each page aggregated and read by Jackson into records that
     * use trackflow's lenient timestamp reader ({@link Dto.Track}); pages one after the other.
     */
    static Flux<Dto.Track> rawNettyJackson(HttpClient netty, String base, int items, int pageSize) {
        return Flux.range(0, items / pageSize)
                .concatMap(i -> Baselines.<Dto.Track>readPage(netty, base, i, pageSize, TRACKS::readValue))
                .flatMapIterable(l -> l);
    }

    /**
     * Contender (b'): the pager most users write: the same loop as {@link #rawNettyJackson} (same
     * requests, same order), binding {@link Dto.PlainTrack} with a plain {@code ObjectMapper}.
     */
    static Flux<Dto.PlainTrack> plainPojoPager(HttpClient netty, String base, int items, int pageSize) {
        return Flux.range(0, items / pageSize)
                .concatMap(i -> Baselines.<Dto.PlainTrack>readPage(netty, base, i, pageSize, PLAIN_TRACKS::readValue))
                .flatMapIterable(l -> l);
    }

    /**
     * The raw loop with {@code inFlight} pages in flight (emitted in order), each page read by
     * trackflow's reader of its model ({@link #TRACKFLOW_MODEL}, from a stream over the aggregated bytes): the
     * {@code raw-model} contenders.
     */
    static Flux<BackgroundTrack> rawNettyModel(HttpClient netty, String base, int items, int pageSize, int inFlight) {
        return inFlight(
                items,
                pageSize,
                inFlight,
                i -> readPage(
                        netty, base, i, pageSize, bytes -> TRACKFLOW_MODEL.apply(new ByteArrayInputStream(bytes))));
    }

    /** Page {@code i} of the listing, aggregated by Reactor Netty and read by {@code reader}. */
    private static <T> Mono<List<T>> readPage(
            HttpClient netty, String base, int i, int pageSize, PageReader<T> reader) {
        return netty.get()
                .uri(page(base, (long) i * pageSize, pageSize))
                .responseContent()
                .aggregate()
                .asByteArray()
                .map(bytes -> {
                    try {
                        return reader.read(bytes);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /**
     * The pages of a listing of {@code items}, {@code inFlight} asked at a time, their items emitted in
     * order: the loop the {@code raw-model}, {@code transport2} and {@code pipe2} contenders share.
     */
    static <T> Flux<T> inFlight(int items, int pageSize, int inFlight, IntFunction<Mono<List<T>>> page) {
        return Flux.range(0, items / pageSize)
                .flatMapSequential(page::apply, inFlight, 1)
                .flatMapIterable(l -> l);
    }

    /**
     * Asks every page of the listing once with the JDK HttpClient, so that the fake server has
     * serialized (and cached) all of them before any contender runs: pages are pre-serialized, and
     * no contender's code path is warmed by it.
     */
    static void prefill(String base, String apiKey, int items, int pageSize) {
        fetchAll(base, apiKey, items, pageSize);
    }

    private static volatile byte[][] pageBytes;
    private static volatile String pageBytesKey;

    /**
     * The bytes of every page, fetched once (after {@link #prefill}, which keeps them), for the
     * decoding-alone contenders.
     */
    static byte[][] pageBytes(String base, int items, int pageSize) {
        String key = base + " " + items + " " + pageSize;
        if (!key.equals(pageBytesKey)) {
            throw new IllegalStateException("prefill(" + key + ") first");
        }
        return pageBytes;
    }

    private static void fetchAll(String base, String apiKey, int items, int pageSize) {
        byte[][] all = new byte[items / pageSize][];
        java.net.http.HttpClient jdk = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build();
        try {
            for (long offset = 0; offset < items; offset += pageSize) {
                java.net.http.HttpResponse<byte[]> r = jdk.send(
                        java.net.http.HttpRequest.newBuilder(URI.create(page(base, offset, pageSize)))
                                .header("X-Api-Key", apiKey)
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("prefill: HTTP " + r.statusCode() + " at offset " + offset);
                }
                if (offset / pageSize < all.length) {
                    all[(int) (offset / pageSize)] = r.body();
                }
            }
            pageBytes = all;
            pageBytesKey = base + " " + items + " " + pageSize;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
