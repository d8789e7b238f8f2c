package io.trackflow.examples;

import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.beyondwords.model.BackgroundTrackRequest;
import java.io.PrintStream;

/** Filters by name, then creates a track, updates it and reads it back. */
public final class FilterCreateUpdate {

    private FilterCreateUpdate() {}

    /**
     * Runs the example. Against the real service, writes happen only with {@code --write}.
     *
     * @param args {@code --write} to allow writes against the real service
     */
    public static void main(String[] args) {
        try (Sandbox sandbox = Sandbox.fromEnvironment()) {
            run(
                    sandbox.beyondWords(),
                    sandbox.beyondWordsIsSandbox()
                            || java.util.Arrays.asList(args).contains("--write"),
                    System.out);
        }
    }

    /**
     * Runs the example.
     *
     * @param bw the client
     * @param writes whether to create and update
     * @param out where to print
     */
    static void run(BeyondWordsClient bw, boolean writes, PrintStream out) {
        long rainy = bw.backgroundTracks()
                .list(BackgroundTrackQuery.builder().name("rain").build())
                .count()
                .block();
        out.printf("Tracks whose name contains \"rain\": %d%n", rainy);
        if (!writes) {
            out.println("(skipping create/update against the real service: pass --write to allow it)");
            return;
        }
        BackgroundTrack created = bw.backgroundTracks()
                .create(BackgroundTrackRequest.builder()
                        .name("trackflow tour " + System.currentTimeMillis())
                        .volume(60)
                        .mediaUrl("https://cdn.example.com/tour.mp3")
                        .build())
                .block();
        out.printf("Created #%d \"%s\" at volume %d%n", created.id(), created.name(), created.volume());
        BackgroundTrack updated = bw.backgroundTracks()
                .update(
                        created.id(),
                        BackgroundTrackRequest.builder().volume(35).build())
                .block();
        out.printf("Updated #%d: volume %d, updated %s%n", updated.id(), updated.volume(), updated.updated());
        BackgroundTrack fetched = bw.backgroundTracks().get(created.id()).block();
        out.printf("Read back #%d: %s%n", fetched.id(), fetched.equals(updated) ? "same as the update" : fetched);
    }
}
