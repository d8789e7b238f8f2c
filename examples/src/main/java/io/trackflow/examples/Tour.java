package io.trackflow.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

/**
 * The tour: every example in turn, on the embedded sandbox unless credentials are set (see {@link
 * Sandbox}). Against the real services it only reads, unless given {@code --write}.
 */
public final class Tour {

    private Tour() {}

    /**
     * Runs the tour.
     *
     * @param args {@code --write} to allow writes against the real services
     */
    public static void main(String[] args) {
        boolean write = Arrays.asList(args).contains("--write");
        try (Sandbox sandbox = Sandbox.fromEnvironment()) {
            run(sandbox, write, Paths.get("target", "background-tracks.ndjson"), System.out);
        }
    }

    /**
     * Runs every example.
     *
     * @param sandbox the clients
     * @param write whether writes are allowed against real services
     * @param export where the NDJSON export goes
     * @param out where to print
     */
    public static void run(Sandbox sandbox, boolean write, Path export, PrintStream out) {
        out.println("trackflow tour: BeyondWords on "
                + (sandbox.beyondWordsIsSandbox() ? "the embedded sandbox" : "the real service") + ", BeatPass on "
                + (sandbox.beatPassIsSandbox() ? "the embedded sandbox" : "the real service"));
        boolean writes = sandbox.beyondWordsIsSandbox() || write;
        section(out, "1. Streaming with automatic paging");
        StreamBackgroundTracks.run(sandbox.beyondWords(), sandbox.retries::get, out);
        section(out, "2. Filter, create, update, get");
        FilterCreateUpdate.run(sandbox.beyondWords(), writes, out);
        section(out, "3. Typed errors");
        TypedErrors.run(sandbox.beyondWords(), writes, out);
        section(out, "4. BeatPass lookups");
        BeatPassLookups.run(sandbox.beatPass(), !sandbox.beatPassIsSandbox(), out);
        section(out, "5. The BeatPass catalogue, streamed");
        BeatPassCatalogueTour.run(sandbox.beatPass(), out);
        section(out, "6. NDJSON export");
        if (export.getParent() != null) {
            export.getParent().toFile().mkdirs();
        }
        ExportNdjson.run(sandbox.beyondWords(), export, out);
        out.println();
        out.println("Tour complete.");
    }

    private static void section(PrintStream out, String title) {
        out.println();
        out.println("== " + title + " ==");
    }
}
