package io.trackflow.examples;

import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.core.json.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * A data-pipeline shaped example: the whole listing exported as NDJSON (one JSON object a line),
 * streaming, in constant memory whatever the size of the listing. File writes run on a scheduler
 * meant for blocking work, never on a Netty event loop.
 */
public final class ExportNdjson {

    private ExportNdjson() {}

    /**
     * Runs the example.
     *
     * @param args the output file (default {@code background-tracks.ndjson})
     */
    public static void main(String[] args) {
        Path file = Paths.get(args.length > 0 && !args[0].isBlank() ? args[0] : "background-tracks.ndjson");
        try (Sandbox sandbox = Sandbox.fromEnvironment()) {
            run(sandbox.beyondWords(), file, System.out);
        }
    }

    /**
     * Exports the listing.
     *
     * @param bw the client
     * @param file where to write
     * @param out where to report
     * @return the number of lines written
     */
    static long run(BeyondWordsClient bw, Path file, PrintStream out) {
        long lines = Flux.using(
                        () -> Files.newBufferedWriter(file, StandardCharsets.UTF_8),
                        (BufferedWriter w) -> bw.backgroundTracks()
                                .list()
                                .publishOn(Schedulers.boundedElastic(), 256)
                                .doOnNext(track -> {
                                    try {
                                        w.write(Json.write(track));
                                        w.newLine();
                                    } catch (IOException e) {
                                        throw new UncheckedIOException(e);
                                    }
                                }),
                        w -> {
                            try {
                                w.close();
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        })
                .count()
                .block();
        try {
            out.printf("Exported %d tracks to %s (%,d bytes)%n", lines, file, Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
