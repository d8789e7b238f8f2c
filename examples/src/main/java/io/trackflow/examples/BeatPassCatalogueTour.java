package io.trackflow.examples;

import io.trackflow.beatpass.BeatPassClient;
import io.trackflow.beatpass.model.Track;
import io.trackflow.beatpass.model.TrackInclude;
import io.trackflow.beatpass.model.TrackQuery;
import io.trackflow.core.paging.Page;
import java.io.PrintStream;
import java.util.List;

/** Streams a tag's tracks from the BeatPass catalogue, page by page, and counts them. */
public final class BeatPassCatalogueTour {

    private BeatPassCatalogueTour() {}

    /**
     * Runs the example.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        try (Sandbox sandbox = Sandbox.fromEnvironment()) {
            run(sandbox.beatPass(), System.out);
        }
    }

    /**
     * Runs the example: finds a tag of track 1, then streams every track of that tag.
     *
     * @param bp the client
     * @param out where to print
     * @return the number of tracks streamed
     */
    static long run(BeatPassClient bp, PrintStream out) {
        Track one = bp.tracks().get(1, TrackInclude.TAGS).block();
        String tag = one.tags().isEmpty() ? "lofi" : one.tags().get(0).name();
        TrackQuery query =
                TrackQuery.builder().tag(tag).pageSize(5).concurrency(4).build();
        List<Page<Track>> pages = bp.tracks().pages(query).collectList().block();
        long streamed = bp.tracks().list(query).count().block();
        out.printf(
                "Tag \"%s\": %s streamed in %s of %d (total %s)%n",
                tag,
                Counts.of(streamed, "track", "tracks"),
                Counts.of(pages.size(), "page", "pages"),
                pages.isEmpty() ? 0 : pages.get(0).limit(),
                pages.isEmpty() ? "?" : pages.get(0).totalCount().orElse(-1));
        return streamed;
    }
}
