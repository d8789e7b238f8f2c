package io.trackflow.examples;

import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.beyondwords.model.BackgroundTrackRequest;
import io.trackflow.core.error.FieldError;
import io.trackflow.core.error.HttpStatusException;
import io.trackflow.core.error.NotFoundException;
import io.trackflow.core.error.ValidationException;
import java.io.PrintStream;

/** What a 404 and a 422 look like, and how to log them. */
public final class TypedErrors {

    private TypedErrors() {}

    /**
     * Runs the example (the 422 needs a write: sandbox, or {@code --write}).
     *
     * @param args {@code --write} to allow the 422 example against the real service
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
     * @param writes whether the 422 (a rejected create) may be tried
     * @param out where to print
     */
    static void run(BeyondWordsClient bw, boolean writes, PrintStream out) {
        try {
            bw.backgroundTracks().get(987_654_321L).block();
        } catch (NotFoundException e) {
            out.printf("404 as logged: %s%n", e.getMessage());
            out.printf(
                    "  status=%d code=%s request-id=%s attempts=%d%n",
                    e.status(), e.errorCode().orElse("-"), e.requestId().orElse("-"), e.attempts());
        }
        if (!writes) {
            return;
        }
        String taken = bw.backgroundTracks().list().blockFirst().name();
        try {
            bw.backgroundTracks()
                    .create(BackgroundTrackRequest.builder()
                            .name(taken)
                            .mediaUrl("https://cdn.example.com/dup.mp3")
                            .build())
                    .block();
        } catch (ValidationException e) {
            out.printf("422 as logged: %s%n", e.getMessage());
            for (FieldError f : e.errors()) {
                out.printf("  field %s: %s%n", f.location(), f.message());
            }
        } catch (HttpStatusException e) {
            out.printf("rejected: %s%n", e.getMessage());
        }
    }
}
