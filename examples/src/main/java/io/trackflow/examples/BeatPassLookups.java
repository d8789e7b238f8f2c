package io.trackflow.examples;

import io.trackflow.beatpass.BeatPassClient;
import io.trackflow.beatpass.model.Track;
import io.trackflow.beatpass.model.TrackInclude;
import io.trackflow.beatpass.model.TrackLookupOptions;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import reactor.core.publisher.Flux;

/** One lookup with every relation, then 200 lookups in bulk, in order. */
public final class BeatPassLookups {

    private BeatPassLookups() {}

    /**
     * Runs the example.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        try (Sandbox sandbox = Sandbox.fromEnvironment()) {
            run(sandbox.beatPass(), !sandbox.beatPassIsSandbox(), System.out);
        }
    }

    /**
     * Runs the example.
     *
     * @param bp the client
     * @param skipMissing skip ids that do not resolve (useful against the real catalogue)
     * @param out where to print
     * @return the number of tracks of the bulk lookup
     */
    static int run(BeatPassClient bp, boolean skipMissing, PrintStream out) {
        Track t = bp.tracks()
                .get(1, TrackInclude.ALBUM, TrackInclude.ARTISTS, TrackInclude.GENRES, TrackInclude.TAGS)
                .block();
        out.printf(
                "Track #%d \"%s\" (%s, %s) by %s, album \"%s\" (%s), genres %s%n",
                t.id(),
                t.name(),
                t.releaseDate().map(Object::toString).orElse("undated"),
                t.duration()
                        .map(d -> d.toMinutesPart() + ":" + String.format("%02d", d.toSecondsPart()))
                        .orElse("?"),
                t.artists().stream()
                        .map(a -> a.name() + (a.verified() ? " ✓" : ""))
                        .collect(Collectors.joining(", ")),
                t.album().map(a -> a.name()).orElse("-"),
                Counts.of(t.album().map(a -> a.tracks().size()).orElse(0), "track", "tracks"),
                t.genres().stream().map(g -> g.name()).collect(Collectors.toList()));

        List<Long> ids = LongStream.rangeClosed(1, 200).boxed().collect(Collectors.toList());
        long started = System.nanoTime();
        List<Track> tracks = bp.tracks()
                .getAll(
                        Flux.fromIterable(ids),
                        TrackLookupOptions.builder()
                                .concurrency(8)
                                .skipMissing(skipMissing)
                                .build())
                .collectList()
                .block();
        boolean inOrder =
                tracks.stream().map(Track::id).collect(Collectors.toList()).equals(ids.subList(0, tracks.size()))
                        || skipMissing;
        out.printf(
                "Bulk lookup: %d tracks, in input order: %s, %.2f s; rate limit left: %s%n",
                tracks.size(),
                inOrder,
                (System.nanoTime() - started) / 1e9,
                bp.lastRateLimit()
                        .flatMap(s -> s.remaining().isPresent()
                                ? java.util.Optional.of(s.remaining().getAsInt())
                                : java.util.Optional.empty())
                        .map(String::valueOf)
                        .orElse("?"));
        return tracks.size();
    }
}
