package io.trackflow.core.json;

import io.trackflow.core.json.internal.Wire;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;

/**
 * The whole JSON document a parser of trackflow's own reads, kept so that a nested value that does not
 * read as its model can be read again, raw, from its first to its last byte: the parser's read context
 * ({@link JsonParser#objectReadContext()}). With it, a nested model that may fail is read once, typed, and
 * only a failure costs a second read; without it (a parser of an application's mapper), the nested value
 * is read capturing the raw value of every field as it goes ({@link ModelStream#readCapturing}).
 *
 * <p>A stream is read whole into a buffer kept per thread (event loops are long-lived; a buffer over 1 MiB
 * is not kept); one longer than the limit is parsed as a stream, without a document.
 */
final class Document extends ObjectReadContext.Base {

    /** The longest stream read whole (a response body is already whole in memory, and much shorter). */
    static final int MAX_WHOLE = 64 << 20;

    private static final int KEPT = 1 << 20;
    private static final ThreadLocal<Buffer> BUFFERS = ThreadLocal.withInitial(Buffer::new);

    private final byte @Nullable [] bytes;
    private final int length;
    private final @Nullable String text;

    private Document(byte @Nullable [] bytes, int length, @Nullable String text) {
        this.bytes = bytes;
        this.length = length;
        this.text = text;
    }

    /** The document of a parser, or null when it is not one of trackflow's own. */
    static @Nullable Document of(JsonParser p) {
        ObjectReadContext c = p.objectReadContext();
        return c instanceof Document ? (Document) c : null;
    }

    /** Reads JSON text, with its document. */
    static <R> R read(String json, Function<JsonParser, R> read) {
        Document d = new Document(null, json.length(), json);
        return Json.parsing(() -> Wire.parser(d, json), read);
    }

    /**
     * Reads a stream (closed once read) whole, then parses it with its document; a stream longer than
     * {@code max} bytes is parsed as it comes, without one. A failure to read the stream is reported as
     * malformed JSON, as a parser reading the stream itself reports it.
     */
    static <R> R read(InputStream in, int max, Function<JsonParser, R> read) {
        Buffer b = BUFFERS.get();
        byte[] buf = b.inUse ? new byte[8192] : b.bytes; // a read within a read has its own
        boolean mine = !b.inUse;
        b.inUse = true;
        try {
            int n = 0;
            boolean whole = false;
            try {
                while (n < max) {
                    if (n == buf.length) {
                        buf = Arrays.copyOf(buf, (int) Math.min((long) n * 2, max));
                    }
                    int k = in.read(buf, n, buf.length - n);
                    if (k < 0) {
                        whole = true;
                        break;
                    }
                    n += k;
                }
                if (whole) {
                    in.close();
                }
            } catch (IOException e) {
                closeQuietly(in, e);
                throw Json.notJson(JacksonIOException.construct(e));
            }
            if (!whole) { // the rest streamed: the parser closes the stream
                InputStream rest = new SequenceInputStream(new ByteArrayInputStream(buf, 0, n), in);
                return Json.parsing(() -> Wire.parser(rest), read);
            }
            Document d = new Document(buf, n, null);
            byte[] bytes = buf;
            int length = n;
            return Json.parsing(() -> Wire.parser(d, bytes, 0, length), read);
        } finally {
            if (mine) {
                b.inUse = false;
                if (buf.length <= KEPT) {
                    b.bytes = buf;
                }
            }
        }
    }

    private static void closeQuietly(InputStream in, IOException failure) {
        try {
            in.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** Where the parser's current token begins in the document. */
    long at(JsonParser p) {
        TokenStreamLocation l = p.currentTokenLocation();
        return bytes != null ? l.getByteOffset() : l.getCharOffset();
    }

    /** Where the parser's current token (one byte or character long: the end of a structure) ends. */
    long after(JsonParser p) {
        return at(p) + 1;
    }

    /** The value from {@code from} (inclusive) to {@code to} (exclusive), read again, raw. */
    RawJson raw(long from, long to) {
        if (from < 0 || to > length || from >= to) {
            throw new IllegalStateException("no value at " + from + ".." + to + " of a document of " + length);
        }
        byte[] b = bytes;
        try (JsonParser p = b != null
                ? Wire.parser(b, (int) from, (int) (to - from))
                : Wire.parser(((String) text).substring((int) from, (int) to))) {
            p.nextToken();
            return RawJson.read(p);
        }
    }

    /** A thread's buffer for whole streams. */
    private static final class Buffer {
        byte[] bytes = new byte[16 * 1024];
        boolean inUse;
    }
}
