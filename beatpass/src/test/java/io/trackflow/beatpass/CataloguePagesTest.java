package io.trackflow.beatpass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trackflow.beatpass.model.Track;
import io.trackflow.beatpass.model.TrackQuery;
import io.trackflow.core.paging.PageNumberResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a catalogue page's body is read: the endpoint's own envelope key, counts, and what fails. */
class CataloguePagesTest {

    private static final String PAGE = "{\"current_page\":\"2\",\"from\":\"3\",\"to\":4,\"per_page\":\"2\","
            + "\"last_page\":5,\"total\":\"10\",\"data\":[{\"id\":3,\"name\":\"c\"},{\"id\":4,\"name\":\"d\"}]}";

    private static PageNumberResponse<Track> read(CataloguePages.Envelope envelope, String body) {
        return CataloguePages.read(envelope, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), Map.of());
    }

    @Test
    void countsAsStringsAndTheItemsRead() {
        PageNumberResponse<Track> p = read(CataloguePages.TRACKS, "{\"status\":\"success\",\"tracks\":" + PAGE + "}");
        assertThat(p.currentPage()).hasValue(2);
        assertThat(p.perPage()).hasValue(2);
        assertThat(p.from()).hasValue(3);
        assertThat(p.totalCount()).hasValue(10);
        assertThat(p.lastPage()).hasValue(5);
        assertThat(p.items()).extracting(Track::id).containsExactly(3L, 4L);
    }

    @Test
    void aLastPageOfZeroIsNoFigureAtAll() {
        PageNumberResponse<Track> p = read(
                CataloguePages.TRACKS,
                "{\"status\":\"success\",\"tracks\":{\"current_page\":1,\"data\":[],\"from\":null,"
                        + "\"last_page\":0,\"per_page\":20,\"to\":null,\"total\":0}}");
        assertThat(p.items()).isEmpty();
        assertThat(p.lastPage()).isEmpty();
        assertThat(p.totalCount()).hasValue(0);
    }

    @Test
    void aListOfAnArtistTagOrPlaylistReadsItsPaginationKeyWhateverASiblingTracksHolds() {
        for (String sibling : new String[] {"[]", "{\"id\":5}", "{\"data\":[{\"id\":9,\"name\":\"x\"}]}"}) {
            PageNumberResponse<Track> p = read(
                    CataloguePages.PAGINATION,
                    "{\"status\":\"success\",\"tag\":{\"name\":\"lofi\"},\"tracks\":" + sibling + ",\"pagination\":"
                            + PAGE + "}");
            assertThat(p.items()).as(sibling).extracting(Track::id).containsExactly(3L, 4L);
        }
    }

    @Test
    void theOtherKeyIsReadOnlyWhenTheOwnOneIsAbsent() {
        assertThat(read(CataloguePages.TRACKS, "{\"pagination\":" + PAGE + "}").items())
                .hasSize(2);
        assertThat(read(CataloguePages.PAGINATION, "{\"tracks\":" + PAGE + "}").items())
                .hasSize(2);
    }

    @Test
    void anOwnPageThatDoesNotReadFailsInsteadOfFallingBackOrEmptying() {
        String badTrack = PAGE.replace("{\"id\":4,\"name\":\"d\"}", "{\"name\":\"no id\"}");
        assertThatThrownBy(() ->
                        read(CataloguePages.PAGINATION, "{\"pagination\":" + badTrack + ",\"tracks\":" + PAGE + "}"))
                .hasMessageContaining("'pagination' does not read");
        assertThatThrownBy(() -> read(CataloguePages.TRACKS, "{\"tracks\":{\"total\":3}}"))
                .hasMessageContaining("data");
        assertThatThrownBy(() -> read(CataloguePages.TRACKS, "{\"status\":\"success\"}"))
                .hasMessageContaining("no page object");
        assertThatThrownBy(() -> read(CataloguePages.TRACKS, "{\"status\":\"error\",\"tracks\":" + PAGE + "}"))
                .hasMessageContaining("status");
    }

    @Test
    void aQuerysFingerprintIsStableSoStoredCursorsResume() {
        assertThat(TrackQuery.all().fingerprint()).isEqualTo("tdc6ada2e5bcc");
        assertThat(TrackQuery.builder().tag("lofi").build().fingerprint())
                .isNotEqualTo(TrackQuery.builder().query("lofi").build().fingerprint());
    }

    @Test
    void aDotTagIsRefusedBeforeItBecomesAnotherPath() {
        assertThatThrownBy(() -> TrackQuery.builder().tag("..").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tag");
        assertThatThrownBy(() -> TrackQuery.builder().tag(".").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tag");
    }
}
