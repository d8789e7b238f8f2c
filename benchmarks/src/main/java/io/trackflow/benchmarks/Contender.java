package io.trackflow.benchmarks;

import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import java.util.List;
import java.util.Locale;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;

/**
 * The contenders of the stream workload (DESIGN §7.1) that the warm-up and short-run measurements
 * compare, as one listing each. The JMH {@link StreamBenchmark} runs the same listings.
 */
enum Contender {
    /** trackflow {@code list()} with the defaults (two pages in flight). */
    LIST("list"),
    /** trackflow {@code list()} with {@code concurrency(1)}. */
    LIST1("list1"),
    /** (b) raw Reactor Netty + Jackson, records with trackflow's timestamp reader. */
    RAW("raw"),
    /** (b') raw Reactor Netty + a plain {@code ObjectMapper} binding a plain POJO. */
    POJO("pojo"),
    /**
     * What a listing without a per-page call pipeline could do at best, one page at a time: the raw
     * loop of (b), each page decoded by trackflow's own reader of {@code BackgroundTrack} (no policies,
     * no paging checks, no cursors). The ceiling of a rework of {@code concurrency(1)}.
     */
    RAW_MODEL("raw-model"),
    /** The same with two pages in flight, as {@code list()}'s defaults: the ceiling of a rework of {@code list()}. */
    RAW_MODEL2("raw-model2"),
    /**
     * trackflow's call pipeline without its paging engine, two pages in flight ({@link PipelineLoop}):
     * {@code raw-model2} plus the per-page call.
     */
    PIPE2("pipe2"),
    /** trackflow's transport alone, two pages in flight ({@link PipelineLoop#transportListing}). */
    TRANSPORT2("transport2"),
    /**
     * Decoding alone, no I/O: every page (fetched once beforehand) read by trackflow's own reader of
     * {@code BackgroundTrack}, from an {@code InputStream} as {@code list()} reads it. {@code list()}
     * minus this is the cost of its transport and paging, measured in the same JVM.
     */
    DECODE_LIST("dec-list"),
    /** Decoding alone: (b)'s records from the page bytes. */
    DECODE_RAW("dec-raw"),
    /** Decoding alone: (b')'s plain POJO from the page bytes. */
    DECODE_POJO("dec-pojo");

    final String id;

    Contender(String id) {
        this.id = id;
    }

    static Contender of(String id) {
        for (Contender c : values()) {
            if (c.id.equals(id.trim().toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown contender " + id
                + " (list, list1, raw, pojo, raw-model, raw-model2, pipe2, transport2, dec-list, dec-raw, dec-pojo)");
    }

    /** Reads a page. */
    private interface PageReader {
        List<?> read(byte[] page) throws java.io.IOException;
    }

    private static Flux<?> decodeAll(String base, int items, int page, PageReader reader) {
        byte[][] pages = Baselines.pageBytes(base, items, page);
        return Flux.range(0, pages.length).concatMapIterable(i -> {
            try {
                return reader.read(pages[i]);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    boolean trackflow() {
        return this == LIST || this == LIST1;
    }

    /** One whole listing of {@code items} items, {@code page} per page. */
    Flux<?> listing(BeyondWordsClient trackflow, HttpClient netty, String base, int items, int page) {
        switch (this) {
            case LIST:
                return trackflow
                        .backgroundTracks()
                        .list(BackgroundTrackQuery.builder().pageSize(page).build());
            case LIST1:
                return trackflow
                        .backgroundTracks()
                        .list(BackgroundTrackQuery.builder()
                                .pageSize(page)
                                .concurrency(1)
                                .build());
            case RAW:
                return Baselines.rawNettyJackson(netty, base, items, page);
            case POJO:
                return Baselines.plainPojoPager(netty, base, items, page);
            case RAW_MODEL:
                return Baselines.rawNettyModel(netty, base, items, page, 1);
            case RAW_MODEL2:
                return Baselines.rawNettyModel(netty, base, items, page, 2);
            case PIPE2:
                return PipelineLoop.listing(base, items, page, 2);
            case TRANSPORT2:
                return PipelineLoop.transportListing(base, items, page, 2);
            case DECODE_LIST:
                return decodeAll(
                        base, items, page, b -> Baselines.TRACKFLOW_MODEL.apply(new java.io.ByteArrayInputStream(b)));
            case DECODE_RAW:
                return decodeAll(base, items, page, b -> Baselines.TRACKS.<List<?>>readValue(b));
            case DECODE_POJO:
                return decodeAll(base, items, page, b -> Baselines.PLAIN_TRACKS.<List<?>>readValue(b));
            default:
                throw new AssertionError(this);
        }
    }
}
