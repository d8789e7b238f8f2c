package io.trackflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TourTest {

    @Test
    void theTourRunsEndToEndOnTheSandbox(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path export = dir.resolve("tracks.ndjson");
        try (Sandbox sandbox = Sandbox.of(Map.of());
                PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            assertThat(sandbox.beyondWordsIsSandbox()).isTrue();
            Tour.run(sandbox, false, export, out);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text)
                .contains("concurrency 1: 2,500 tracks in 50 pages")
                .contains("concurrency 8: 2,500 tracks in 50 pages")
                .contains("speed-up with concurrency 8")
                .contains("Created #")
                .contains("Updated #")
                .contains("404 as logged: Not found (HTTP 404 GET")
                .contains("422 as logged: Invalid request body")
                .contains("field name: has already been taken")
                .contains("Bulk lookup: 200 tracks, in input order: true")
                .containsPattern("Tag \"tag-\\d+\": \\d+ tracks? streamed in \\d+ pages? of 5 \\(total \\d+\\)")
                .contains("Exported 2501 tracks")
                .contains("Tour complete.");
        List<String> lines = Files.readAllLines(export);
        assertThat(lines).hasSize(2_501);
        assertThat(lines.get(0)).startsWith("{\"id\":1,");
    }
}
