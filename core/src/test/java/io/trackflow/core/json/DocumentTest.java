package io.trackflow.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trackflow.core.json.ModelCodecTest.Place;
import io.trackflow.core.json.internal.Codecs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;

/** How a stream is read whole into a {@link Document}, and what happens when it cannot be. */
class DocumentTest {

    /** A place whose inner place and second part do not read (no name): both are kept raw, as sent. */
    private static final String PLACE = "{\"id\":1,\"name\":\"n\",\"inner\":{\"id\":2,\"price\":19.90},"
            + "\"parts\":[{\"id\":3,\"name\":\"ok\"},{\"id\":4}],\"after\":true}";

    private final AtomicBoolean closed = new AtomicBoolean();

    private InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed.set(true);
            }
        };
    }

    private static Place place(JsonParser p) {
        p.nextToken();
        return Codecs.of(Place.class).read(p);
    }

    private static void assertKeptRaw(Place p) {
        assertThat(p.inner).isEmpty();
        assertThat(p.parts).isEmpty();
        assertThat(p.raw.get("inner")).isEqualTo(RawJson.parse("{\"id\":2,\"price\":19.90}"));
        assertThat(p.raw.get("inner").toJson()).isEqualTo("{\"id\":2,\"price\":19.90}");
        assertThat(p.raw.get("parts")).isEqualTo(RawJson.parse("[{\"id\":3,\"name\":\"ok\"},{\"id\":4}]"));
        assertThat(p.raw.get("after")).isEqualTo(RawJson.parse("true"));
    }

    @Test
    void aStreamIsReadWholeAndClosedAndWhatDoesNotReadIsReadAgainFromTheDocument() {
        Place p = Document.read(stream(PLACE), Document.MAX_WHOLE, parser -> {
            assertThat(Document.of(parser)).isNotNull();
            return place(parser);
        });
        assertKeptRaw(p);
        assertThat(closed).isTrue();
    }

    @Test
    void aStreamLongerThanTheLimitIsParsedAsItComesWithNothingLost() {
        Place p = Document.read(stream(PLACE), 16, parser -> {
            assertThat(Document.of(parser)).isNull(); // no document: nested values are read capturing
            return place(parser);
        });
        assertKeptRaw(p);
        assertThat(closed).isTrue();
    }

    @Test
    void aReadWithinAReadHasItsOwnBufferAndTheOuterDocumentIsIntact() {
        Place outer = Document.read(stream(PLACE), Document.MAX_WHOLE, parser -> {
            String other = "{\"id\":9,\"name\":\"other\",\"inner\":{\"id\":10},\"x\":\"" + "y".repeat(40_000) + "\"}";
            Place inner = Json.read(stream(other), Place.class); // grows a buffer of its own
            assertThat(inner.raw.get("inner")).isEqualTo(RawJson.parse("{\"id\":10}"));
            return place(parser);
        });
        assertKeptRaw(outer);
        assertKeptRaw(Json.read(stream(PLACE), Place.class)); // and the thread's buffer serves the next read
    }

    @Test
    void aLargeDocumentGrowsTheBuffer() {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 2_000; i++) {
            json.append(i == 0 ? "" : ",").append(PLACE);
        }
        assertThat(Json.readList(stream(json.append(']').toString()), Place.class))
                .hasSize(2_000)
                .allSatisfy(DocumentTest::assertKeptRaw);
    }

    @Test
    void aStreamThatFailsIsReportedAsAParserReadingItReportsItAndIsClosed() {
        InputStream failing = new InputStream() {
            private int left = 10;

            @Override
            public int read() throws IOException {
                if (left-- > 0) {
                    return ' ';
                }
                throw new IOException("connection reset");
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
        assertThatThrownBy(() -> Json.read(failing, Place.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not well-formed JSON")
                .hasMessageContaining("connection reset");
        assertThat(closed).isTrue();
    }

    @Test
    void textIsItsOwnDocumentInCharacters() {
        // the inner place has no name: read again raw, from after characters that take two bytes in UTF-8
        String json = "{\"id\":1,\"name\":\"é\",\"inner\":{\"id\":2,\"nick\":\"\\u00e9é\","
                + "\"parts\":[{\"id\":\"x\"}]},\"z\":1}";
        Place p = Json.read(json, Place.class);
        assertThat(p.name).isEqualTo("é");
        assertThat(p.inner).isEmpty();
        assertThat(p.raw.get("inner"))
                .isEqualTo(RawJson.parse("{\"id\":2,\"nick\":\"éé\",\"parts\":[{\"id\":\"x\"}]}"));
        Place fromBytes = Json.read(stream(json), Place.class); // offsets in bytes: é is two
        assertThat(fromBytes.raw).isEqualTo(p.raw);
    }
}
