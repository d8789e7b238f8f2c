package io.trackflow.benchmarks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.beyondwords.model.BackgroundTrack;
import java.time.Duration;
import java.util.List;
import reactor.netty.http.client.HttpClient;

/**
 * Time to the first item in a fresh JVM (DESIGN §7; issue 25): the program a new user writes, run once
 * per JVM against a {@link PageServer} in another JVM, timed from outside with {@code /usr/bin/time}.
 *
 * <pre>
 * FirstItem trackflow BASE KEY [totalTimeoutMs]       build a client, print list().take(1)
 * FirstItem trackflow-warm BASE KEY [totalTimeoutMs]  the same, warmup() first
 * FirstItem raw BASE KEY                              the same request hand-written: Reactor Netty + Jackson
 * </pre>
 *
 * Prints one line: the mode, milliseconds to {@code main}'s end of client building, to the first item, and
 * the item's id (or {@code FAILED} and the error's type).
 */
public final class FirstItem {

    private FirstItem() {}

    /**
     * Runs one mode.
     *
     * @param args mode, base URL, API key, optional total timeout in milliseconds
     * @throws Exception when the hand-written program cannot read the page
     */
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        String mode = args[0];
        String base = args[1];
        String key = args[2];
        Duration timeout = args.length > 3 ? Duration.ofMillis(Long.parseLong(args[3])) : null;
        String result;
        long built;
        try {
            if (mode.equals("raw")) {
                HttpClient netty =
                        HttpClient.create().headers(h -> h.add("X-Api-Key", key).add("Accept", "application/json"));
                ObjectMapper mapper = new ObjectMapper();
                built = System.nanoTime();
                String body = netty.get()
                        .uri(base + "/background_tracks?pagination%5Blimit%5D=100&pagination%5Boffset%5D=0")
                        .responseSingle((res, bytes) -> bytes.asString())
                        .block();
                List<Track> page = List.of(mapper.readValue(body, Track[].class));
                result = Long.toString(page.get(0).id);
            } else {
                BeyondWordsClient.Builder b =
                        BeyondWordsClient.builder().apiKey(key).baseUrl(base);
                if (timeout != null) {
                    b.totalTimeout(timeout);
                }
                try (BeyondWordsClient client = b.build()) {
                    if (mode.equals("trackflow-warm")) {
                        client.warmup().block();
                    }
                    built = System.nanoTime();
                    BackgroundTrack first =
                            client.backgroundTracks().list().take(1).blockFirst();
                    result = Long.toString(first.id());
                }
            }
        } catch (RuntimeException e) {
            built = t0;
            result = "FAILED " + e.getClass().getSimpleName();
        }
        long done = System.nanoTime();
        System.out.println(
                mode + " build_ms=" + (built - t0) / 1_000_000 + " first_ms=" + (done - t0) / 1_000_000 + " " + result);
        System.exit(0);
    }

    /** What a user writes for a page's items. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Track {
        public long id;
        public String name;
    }
}
