package io.trackflow.beatpass;

import static io.trackflow.beatpass.Recorded.FAST;
import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.beatpass.model.Track;
import io.trackflow.beatpass.model.TrackQuery;
import io.trackflow.core.error.ApiException;
import io.trackflow.core.error.DecodingException;
import io.trackflow.testkit.FakeBeatPass;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** The catalogue against awkward deployments: string counts, other clamps, a proxy that ignores {@code page}. */
class CatalogueServersTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void countsSentAsStringsReadAsNumbers() {
        try (FakeBeatPass server =
                        FakeBeatPass.builder().stringCounts(true).start().seed(120);
                BeatPassClient client = Recorded.client(server, FAST)) {
            StepVerifier.create(client.tracks()
                            .pages(TrackQuery.builder().pageSize(50).build())
                            .map(p -> p.totalCount().orElse(-1) + "@" + p.offset() + "/" + p.limit()))
                    .expectNext("120@0/50", "120@50/50", "120@100/50")
                    .verifyComplete();
        }
    }

    @Test
    void aSmallClampIsFollowedWithoutLosingATrack() {
        try (FakeBeatPass server = FakeBeatPass.builder().maxPageSize(7).start().seed(100);
                BeatPassClient client = Recorded.client(server, FAST)) {
            assertThat(client.tracks()
                            .list(TrackQuery.builder()
                                    .pageSize(100)
                                    .concurrency(8)
                                    .build())
                            .map(Track::id)
                            .collectList()
                            .block(WAIT))
                    .isEqualTo(LongStream.rangeClosed(1, 100).boxed().collect(Collectors.toList()));
            assertThat(server.requests()).hasSize(15); // ceil(100 / 7)
        }
    }

    @Test
    void aProxyThatIgnoresThePageFailsTheListingWithoutARepeatedTrack() {
        try (FakeBeatPass server =
                        FakeBeatPass.builder().ignorePageParameter(true).start().seed(200);
                BeatPassClient client = Recorded.client(server, FAST)) {
            List<Long> seen = new ArrayList<>();
            StepVerifier.create(client.tracks()
                            .list(TrackQuery.builder()
                                    .pageSize(50)
                                    .concurrency(3)
                                    .build())
                            .doOnNext(t -> seen.add(t.id())))
                    .expectNextCount(50)
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(DecodingException.class);
                        assertThat(((ApiException) e).resumeCursor())
                                .hasValueSatisfying(c -> assertThat(c.offset()).isEqualTo(50));
                    })
                    .verify(WAIT);
            assertThat(seen).doesNotHaveDuplicates().hasSize(50);
        }
    }

    @Test
    void anEmptyTagIsOnePageAndNoTrack() {
        try (FakeBeatPass server = FakeBeatPass.builder().start().seed(30);
                BeatPassClient client = Recorded.client(server, FAST)) {
            server.putPlaylist(4, List.of());
            StepVerifier.create(client.tracks()
                            .pages(TrackQuery.builder().playlist(4).build()))
                    .assertNext(p -> {
                        assertThat(p.items()).isEmpty();
                        assertThat(p.totalCount()).hasValue(0);
                        assertThat(p.nextCursor()).isEmpty();
                    })
                    .verifyComplete();
            assertThat(server.requests()).hasSize(1);
        }
    }
}
