package io.trackflow.beatpass;

import static io.trackflow.beatpass.Hostile.envelope;
import static io.trackflow.beatpass.Hostile.laravel;
import static io.trackflow.beatpass.Hostile.range;
import static io.trackflow.beatpass.Hostile.tracks;
import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.beatpass.model.Track;
import io.trackflow.beatpass.model.TrackQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A page filtered short after paginating (a track hidden from this token), on a server that does not state
 * {@code per_page}: its {@code from} and {@code to} span the size asked, or its {@code last_page} fits the size
 * asked and not the number of items, so it is not read as a clamp. It once was, and the later pages, asked at
 * the smaller size, repeated a track at the seam.
 */
class FilteredPageTest {

    @ParameterizedTest
    @CsvSource({"200, 1, true", "200, 3, true", "200, 1, false", "60, 1, true", "60, 3, true", "90, 1, true"})
    void aFilteredPageWithoutPerPageIsNotTakenForAClamp(long total, int concurrency, boolean sendsTo) {
        // with `to` (the slots the page was cut to), whatever the total; without it, where last_page tells
        try (Hostile server = new Hostile(r -> {
                    int asked = r.size().orElse(15);
                    Map<String, Object> p = laravel(total, r.page(), asked);
                    p.remove("per_page");
                    if (!sendsTo) {
                        p.remove("to");
                    }
                    if (r.page() == 1) {
                        List<Long> ids = new ArrayList<>(range(1, asked));
                        ids.remove(Long.valueOf(10));
                        p.put("data", tracks(ids));
                    }
                    return envelope("tracks", p);
                });
                BeatPassClient client = server.client()) {
            List<Long> ids = client.tracks()
                    .list(TrackQuery.builder()
                            .pageSize(50)
                            .concurrency(concurrency)
                            .build())
                    .map(Track::id)
                    .collectList()
                    .block(Duration.ofSeconds(20));
            assertThat(ids).hasSize((int) total - 1).doesNotContain(10L).isSorted();
            assertThat(new HashSet<>(ids)).hasSize((int) total - 1);
            assertThat(server.requests()).allSatisfy(r -> assertThat(r.size()).contains(50));
        }
    }
}
