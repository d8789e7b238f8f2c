package io.trackflow.core.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The listing helpers providers share: fingerprints stay what stored cursors carry; bounds; checks. */
class ListingsTest {

    @Test
    void fingerprintsAreTheFirstSixBytesOfTheSha256InHex() {
        // the values cursors stored by earlier versions carry (BackgroundTrackQuery.all() and a filtered one)
        assertThat(Listings.fingerprint("", "name=\u0000\ncustom=\nscopes=[]")).isEqualTo("9f63fc4d805a");
        assertThat(Listings.fingerprint("", "name=rain\ncustom=true\nscopes=[primary, secondary]"))
                .isEqualTo("4caab7eb3b1b");
        assertThat(Listings.fingerprint("t", "x")).startsWith("t").hasSize(13);
    }

    @Test
    void aListingRunsFromItsCursorWithinItsBoundsOrFromItsOffset() {
        assertThat(Listings.from(Optional.empty(), 10, 5, "f")).isEqualTo(PageCursor.of(10, 10, 15, "f"));
        assertThat(Listings.from(Optional.empty(), 0, Long.MAX_VALUE, "f").end())
                .isEqualTo(Long.MAX_VALUE);
        PageCursor c = PageCursor.of(0, 40, 100, "f");
        assertThat(Listings.from(Optional.of(c), 7, 1_000, "f")).isEqualTo(c);
        assertThat(Listings.resumed(c, 20, "f")).isEqualTo(PageCursor.of(0, 40, 60, "f"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Listings.resumed(c, 20, "g"))
                .withMessageContaining("resumeFrom");
        assertThat(Listings.end(Long.MAX_VALUE - 3, 10)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void badSettingsAndTextsAreNamed() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Listings.checkPaging(0, 100, 1, 1, 64))
                .withMessageContaining("pageSize");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Listings.checkPaging(101, 100, 1, 1, 64))
                .withMessageContaining("pageSize");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Listings.checkPaging(1, 100, 0, 1, 64))
                .withMessageContaining("maxItems");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Listings.checkPaging(1, 100, 1, 65, 64))
                .withMessageContaining("concurrency");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Listings.checkText(" ", "tag"))
                .withMessageContaining("tag");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Listings.checkText("a\rb", "name"))
                .withMessageContaining("name");
    }
}
