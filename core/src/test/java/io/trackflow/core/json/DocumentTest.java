package io.trackflow.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trackflow.core.json.ModelCodecTest.Place;
import io.trackflow.core.json.internal.Codecs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;

/**
 * How a {@link Document} keeps what the parser reads of a stream, so that a nested value that does not
 * read is read again from it, and what a read through it still does as a plain parser would.
 */
class DocumentTest {

    /** A place whose inner place and second part do not read (no name): both are kept raw, as sent. */
    private static final String PLACE = "{\"id\":1,\"name\":\"n\",\"inner\":{\"id\":2,\"price\":19.90},"
            + "\"parts\":[{\"id\":3,\"name\":\"ok\"},{\"id\":4}],\"after\":true}";

    private final AtomicBoolean closed = new AtomicBoolean();

    /** A stream over {@code json} that answers at most {@code chunk} bytes a read, and records its close. */
    private InputStream stream(String json, int chunk) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
    }

    private InputStream stream(String json) {
        return stream(json, Integer.MAX_VALUE);
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
    void aStreamIsParsedAsItComesAndClosedAndWhatDoesNotReadIsReadAgainFromTheDocument() {
        Place p = Document.read(stream(PLACE, 5), parser -> {
            assertThat(Document.of(parser)).isNotNull();
            parser.nextToken();
            return Codecs.of(Place.class).read(parser);
        });
        assertKeptRaw(p);
        assertThat(closed).isTrue();
    }

    @Test
    void aReadEndsWithItsValueAndNeverWaitsForTheEndOfTheStream() {
        byte[] body = PLACE.getBytes(StandardCharsets.UTF_8);
        InputStream open = new InputStream() { // a socket the peer keeps open: no end after the value
                    private int at;

                    @Override
                    public int read() {
                        throw new AssertionError("read past the value");
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        if (at == body.length) {
                            throw new AssertionError("read past the value");
                        }
                        int n = Math.min(len, Math.min(7, body.length - at));
                        System.arraycopy(body, at, b, off, n);
                        at += n;
                        return n;
                    }
                };
        assertKeptRaw(Json.read(open, Place.class));
    }

    @Test
    void aStreamThatAnswersNothingFailsAsAPlainParserFailsIt() {
        InputStream zero = new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return 0;
            }
        };
        Assertions.assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> assertThatThrownBy(() -> Json.read(zero, Place.class))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("not well-formed JSON"));
    }

    @Test
    void aLongStreamIsKeptAsAWindowAndEveryValueThatDoesNotReadIsKeptExactly() {
        // ~400 KB, several times the window, read in uneven pieces: failures everywhere, one at the very end
        Random random = new Random(7);
        List<String> items = new ArrayList<>();
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 3_000; i++) {
            String pad = "x".repeat(random.nextInt(200));
            String item = random.nextInt(5) == 0 || i == 2_999
                    ? "{\"id\":" + i + ",\"name\":\"n\",\"inner\":{\"id\":" + i + ",\"pad\":\"" + pad
                            + "\",\"deep\":{\"id\":1}},\"parts\":[{\"id\":1,\"name\":\"a\"},{\"pad\":\"" + pad + "\"}]}"
                    : "{\"id\":" + i + ",\"name\":\"n\",\"inner\":{\"id\":1,\"name\":\"" + pad + "\"}}";
            items.add(item);
            json.append(i == 0 ? "" : ",\n  ").append(item);
        }
        String all = json.append(']').toString();
        List<Place> places = Json.readList(stream(all, 1 + random.nextInt(9_000)), Place.class);
        assertThat(places).hasSize(items.size());
        for (int i = 0; i < items.size(); i++) {
            Place expected = ModelCodecWithoutDocumentTest.readCapturing(items.get(i));
            assertThat(places.get(i).raw).as("item %d", i).isEqualTo(expected.raw);
            assertThat(places.get(i).inner.isPresent()).isEqualTo(expected.inner.isPresent());
        }
    }

    @Test
    void valuesThatDoNotReadWithinValuesThatDoNotReadAreKeptAsSentAndNoByteIsReadAgainTwice() {
        // a chain of places, none with a name, the deepest with a long text: every level fails
        String json = "{\"id\":0,\"name\":\"top\",\"inner\":" + "{\"id\":1,\"inner\":".repeat(40)
                + "{\"id\":\"x\",\"text\":\"" + "y".repeat(100_000) + "\"}" + "}".repeat(40) + "}";
        for (boolean asText : new boolean[] {true, false}) {
            Place p = asText
                    ? Document.read(json, parser -> readAndCount(parser, json.length()))
                    : Document.read(stream(json, 8_000), parser -> readAndCount(parser, json.length()));
            assertThat(p.inner).isEmpty();
            assertThat(p.raw).isEqualTo(ModelCodecWithoutDocumentTest.readCapturing(json).raw);
        }
    }

    @Test
    void aValueThatDoesNotReadWithinValuesThatReadIsReadAgainOnceAllAroundItHaveRead() {
        String x = "{\"id\":\"x\"}";
        String five = "{\"id\":5}";
        String json = "{\"id\":1,\"name\":\"n\",\"inner\":{\"id\":2,\"name\":\"a\",\"inner\":{\"id\":3,\"name\":\"b\","
                + "\"inner\":" + x + "},\"parts\":[{\"id\":4,\"name\":\"c\",\"inner\":" + five
                + "},{\"id\":6,\"name\":\"d\"}]}}";
        for (boolean asText : new boolean[] {true, false}) {
            long[] readAgain = new long[1];
            Function<JsonParser, Place> read = parser -> {
                parser.nextToken();
                Place p = Codecs.of(Place.class).read(parser);
                readAgain[0] = Document.of(parser).readAgain;
                return p;
            };
            Place p = asText ? Document.read(json, read) : Document.read(stream(json, 11), read);
            Place inner = p.inner.orElseThrow();
            assertThat(inner.inner.orElseThrow().inner).isEmpty();
            assertThat(inner.inner.orElseThrow().raw.get("inner")).isEqualTo(RawJson.parse(x));
            assertThat(inner.parts).hasSize(2);
            assertThat(inner.parts.get(0).raw.get("inner")).isEqualTo(RawJson.parse(five));
            assertThat(readAgain[0]).isEqualTo(x.length() + five.length()); // each once, nothing else
            assertThat(p.raw).isEqualTo(ModelCodecWithoutDocumentTest.readCapturing(json).raw);
        }
        // the same, but the value around them does not read either: only it is read again
        String around = "{\"id\":2,\"inner\":{\"id\":3,\"name\":\"b\",\"inner\":" + x + "}}";
        String failing = "{\"id\":1,\"name\":\"n\",\"inner\":" + around + "}";
        Place p = Document.read(failing, parser -> {
            parser.nextToken();
            Place read = Codecs.of(Place.class).read(parser);
            assertThat(Document.of(parser).readAgain).isEqualTo(around.length());
            return read;
        });
        assertThat(p.raw.get("inner")).isEqualTo(RawJson.parse(around));
    }

    /** Reads a place and checks that no byte was read again twice. */
    private static Place readAndCount(JsonParser parser, long length) {
        parser.nextToken();
        Place p = Codecs.of(Place.class).read(parser);
        assertThat(Document.of(parser).readAgain).isPositive().isLessThanOrEqualTo(length);
        return p;
    }

    @Test
    void aStreamThatIsNotUtf8HasNoBytesToReadAgainAndReadsCapturing() {
        byte[] utf16 = PLACE.getBytes(StandardCharsets.UTF_16BE);
        assertKeptRaw(Json.read(new ByteArrayInputStream(utf16), Place.class));
        assertKeptRaw(Json.read(new ByteArrayInputStream(PLACE.getBytes(StandardCharsets.UTF_16)), Place.class));
    }

    @Test
    void nothingTheReadThrowsHoldsTheDocumentsBytes() {
        Json.read(stream(PLACE), Place.class); // the thread's buffer in use before
        Throwable thrown = Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> Json.read(stream("{\"id\":1,\"name\":\"secret\",\"x\":[}"), Place.class));
        JsonParser parser = (JsonParser) ((JacksonException) thrown.getCause()).processor();
        Document d = Document.of(parser);
        assertThat(d).isNotNull();
        assertThatThrownBy(() -> d.raw(0, 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aReadWithinAReadHasItsOwnBufferAndTheOuterDocumentIsIntact() {
        Place outer = Document.read(stream(PLACE, 3), parser -> {
            String other = "{\"id\":9,\"name\":\"other\",\"inner\":{\"id\":10},\"x\":\"" + "y".repeat(40_000) + "\"}";
            Place inner = Json.read(stream(other), Place.class); // grows a buffer of its own
            assertThat(inner.raw.get("inner")).isEqualTo(RawJson.parse("{\"id\":10}"));
            parser.nextToken();
            return Codecs.of(Place.class).read(parser);
        });
        assertKeptRaw(outer);
        assertKeptRaw(Json.read(stream(PLACE), Place.class)); // and the thread's buffer serves the next read
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
        assertThat(Json.read(stream(json), Place.class).raw).isEqualTo(p.raw); // offsets in bytes: é is two
        assertThat(ModelCodecWithoutDocumentTest.readCapturing(json).raw).isEqualTo(p.raw);
    }
}
