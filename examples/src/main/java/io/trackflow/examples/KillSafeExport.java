package io.trackflow.examples;

import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.core.json.Json;
import io.trackflow.core.paging.Page;
import io.trackflow.core.paging.PageCursor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import reactor.core.scheduler.Schedulers;

/**
 * An NDJSON export that survives a crash, {@code kill -9} included: run it again and it finishes the same
 * listing with every track exactly once, in order. A listing's items carry no position, so it exports
 * page by page ({@code pages()}), and after each page makes the lines durable and then records, in a small
 * checkpoint file beside the export, the export's length and the page's {@link Page#nextCursor()}. A
 * restart cuts the export back to the recorded length (dropping a page the crash left half written) and
 * resumes the listing from the recorded cursor ({@code pages(query, cursor)}): no gap, no duplicate.
 */
public final class KillSafeExport {

    /** The listing exported: every track, 20 a page (its fingerprint must not change between runs). */
    static final BackgroundTrackQuery QUERY =
            BackgroundTrackQuery.builder().pageSize(20).concurrency(2).build();

    private KillSafeExport() {}

    /**
     * Runs the export against BeyondWords.
     *
     * @param args the output file (default {@code background-tracks.ndjson}); the API key comes from
     *     {@code BEYONDWORDS_API_KEY}, the base URL from {@code BEYONDWORDS_BASE_URL} if set
     */
    public static void main(String[] args) {
        Path file = Paths.get(args.length > 0 && !args[0].isBlank() ? args[0] : "background-tracks.ndjson");
        BeyondWordsClient.Builder b = BeyondWordsClient.builder().apiKey(System.getenv("BEYONDWORDS_API_KEY"));
        Optional.ofNullable(System.getenv("BEYONDWORDS_BASE_URL")).ifPresent(b::baseUrl);
        try (BeyondWordsClient bw = b.build()) {
            long lines = run(bw, file);
            System.out.println(lines + " tracks exported to " + file);
        }
    }

    /**
     * Exports the listing into {@code file}, resuming where a previous run stopped.
     *
     * @param bw the client
     * @param file the NDJSON file; its checkpoint is {@code file + ".checkpoint"}
     * @return the lines in the file once the listing is complete
     */
    static long run(BeyondWordsClient bw, Path file) {
        Path checkpoint = file.resolveSibling(file.getFileName() + ".checkpoint");
        Checkpoint from = Checkpoint.read(checkpoint);
        if (from.done) {
            return lines(file);
        }
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            out.truncate(from.length); // a page the crash left half written goes
            out.position(from.length);
            var pages = from.cursor == null
                    ? bw.backgroundTracks().pages(QUERY)
                    : bw.backgroundTracks().pages(QUERY, from.cursor);
            pages.publishOn(Schedulers.boundedElastic(), 1) // file I/O off the event loops
                    .doOnNext(page -> {
                        write(out, page);
                        Checkpoint.write(checkpoint, position(out), page.nextCursor());
                    })
                    .blockLast();
            Checkpoint.write(checkpoint, position(out), Optional.empty()); // the listing is complete

        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines(file);
    }

    /** The page's lines, durable on disk before the checkpoint that counts them is written. */
    private static void write(FileChannel out, Page<BackgroundTrack> page) {
        StringBuilder lines = new StringBuilder();
        for (BackgroundTrack t : page.items()) {
            lines.append(Json.write(t)).append('\n');
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long position(FileChannel out) {
        try {
            return out.position();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lines(Path file) {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the export stands: the file's length and the cursor of the next page, or done. */
    private static final class Checkpoint {
        final long length;
        final PageCursor cursor;
        final boolean done;

        private Checkpoint(long length, PageCursor cursor, boolean done) {
            this.length = length;
            this.cursor = cursor;
            this.done = done;
        }

        static Checkpoint read(Path file) {
            if (!Files.exists(file)) {
                return new Checkpoint(0, null, false);
            }
            try {
                String[] parts =
                        Files.readString(file, StandardCharsets.UTF_8).trim().split(" ");
                long length = Long.parseLong(parts[0]);
                return parts[1].equals("done")
                        ? new Checkpoint(length, null, true)
                        : new Checkpoint(length, PageCursor.parse(parts[1]), false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Written whole or not at all: a temporary file moved over the old one atomically. */
        static void write(Path file, long length, Optional<PageCursor> next) {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try {
                try (FileChannel c = FileChannel.open(
                        tmp,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    c.write(ByteBuffer.wrap(
                            (length + " " + next.map(PageCursor::toString).orElse("done"))
                                    .getBytes(StandardCharsets.UTF_8)));
                    c.force(false);
                }
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
