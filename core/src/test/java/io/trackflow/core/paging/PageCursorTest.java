package io.trackflow.core.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class PageCursorTest {

    @Test
    void roundTripsThroughItsStringForm() {
        PageCursor c = PageCursor.of(100, 12_345, 20_000, "a1b2");
        assertThat(c.toString()).isEqualTo("tf2.100.12345.20000.a1b2");
        assertThat(PageCursor.parse(c.toString())).isEqualTo(c);
        PageCursor open = PageCursor.of(12_345, "a1b2");
        assertThat(open.toString()).isEqualTo("tf2.0.12345.max.a1b2");
        assertThat(PageCursor.parse(open.toString())).isEqualTo(open);
    }

    @Test
    void readsTheFirstVersionAsAListingFromZeroToTheEnd() {
        assertThat(PageCursor.parse("tf1.600.3f2a")).isEqualTo(PageCursor.of(0, 600, Long.MAX_VALUE, "3f2a"));
    }

    @Test
    void endingByNarrowsTheListingButNeverBelowTheOffset() {
        PageCursor c = PageCursor.of(0, 200, 300, "q");
        assertThat(c.endingBy(250)).isEqualTo(PageCursor.of(0, 200, 250, "q"));
        assertThat(c.endingBy(1_000)).isSameAs(c);
        assertThat(c.endingBy(100).isExhausted()).isTrue();
    }

    @Test
    void isJavaSerializable() throws Exception {
        PageCursor c = PageCursor.of(7, "ff");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(c);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(c);
        }
    }

    @Test
    void rejectsGarbage() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PageCursor.parse("nope"))
                .withMessageContaining("cursor");
        assertThatIllegalArgumentException().isThrownBy(() -> PageCursor.parse("tf1.-4.ab"));
        assertThatIllegalArgumentException().isThrownBy(() -> PageCursor.parse("tf1.4.A B"));
        assertThatIllegalArgumentException().isThrownBy(() -> PageCursor.of(-1, "x"));
        assertThatIllegalArgumentException().isThrownBy(() -> PageCursor.of(10, 5, 20, "x"));
        assertThatIllegalArgumentException().isThrownBy(() -> PageCursor.of(0, 30, 20, "x"));
        assertThatIllegalArgumentException().isThrownBy(() -> PageCursor.parse("tf2.0.5.x.ab"));
        assertThatIllegalArgumentException().isThrownBy(() -> PageCursor.parse("tf2.0.5.9"));
    }

    @Test
    void rangesSplitEvenlyAndContiguously() {
        assertThat(OffsetRange.split(0, 10, 3))
                .containsExactly(OffsetRange.of(0, 4), OffsetRange.of(4, 7), OffsetRange.of(7, 10));
        assertThat(OffsetRange.split(5, 7, 4)).containsExactly(OffsetRange.of(5, 6), OffsetRange.of(6, 7));
        assertThat(OffsetRange.split(3, 3, 4)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> OffsetRange.split(0, 1, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> OffsetRange.of(5, 4));
    }
}
