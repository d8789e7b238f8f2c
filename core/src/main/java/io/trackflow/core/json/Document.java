package io.trackflow.core.json;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.trackflow.core.json.internal.Mismatch;
import io.trackflow.core.json.internal.WholeDocument;
import io.trackflow.core.json.internal.Wire;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;

/**
 * The JSON document a parser of trackflow's own reads, kept so that a nested value that does not read as its
 * model can be read again, raw, from its first to its last byte: the parser's read context ({@link
 * JsonParser#objectReadContext()}). With it, a nested model that may fail is read once, typed, and only a
 * failure costs a second read; without it (a parser of an application's mapper), the nested value is read
 * capturing the raw value of every field as it goes ({@link ModelStream#readCapturing}).
 *
 * <p>Text is its own document (offsets in characters). A stream is parsed as it comes, exactly as without a
 * document (the parser reads what it needs, and closes the stream); the document keeps a copy of what the
 * parser has read of it (offsets in bytes): the last {@value #WINDOW} bytes or so while no value is open
 * (a value being read that may be read again), and all of the outermost open value. Its buffer is kept per
 * thread for the next document (event loops are long-lived; one over 1 MiB is not kept) and let go of when
 * the read ends, failed or not: nothing the read returns or throws holds it. A value that does not read
 * within one being read is read again only once that one, and every one around it, has read ({@link
 * Capture#pend}): a failure within a failure is never read again, so no byte is read again twice. A stream that is not UTF-8 (offsets in
 * characters) has no byte offsets to read again from: its nested values are read capturing.
 */
final class Document extends ObjectReadContext.Base {

    /** What is kept of a stream while no value is open. */
    static final int WINDOW = 128 * 1024;

    /** What is kept behind when dropping: more than the parser reads ahead (8,000 bytes at a time). */
    private static final int BEHIND = 32 * 1024;

    private static final int FIRST = 16 * 1024;
    private static final int KEPT = 1 << 20;
    private static final ThreadLocal<Buffer> BUFFERS = ThreadLocal.withInitial(Buffer::new);

    private final @Nullable String text;
    private final @Nullable Buffer owner;
    /** What the parser has read of the stream, from {@link #first} on; null once the read has ended. */
    private byte @Nullable [] bytes;

    private long first;
    private int length;
    /** The values open, one within the other. */
    private int open;
    /** How many bytes (characters) have been read again, in all. */
    long readAgain;

    private Document(@Nullable String text, @Nullable Buffer owner, byte @Nullable [] bytes) {
        this.text = text;
        this.owner = owner;
        this.bytes = bytes;
    }

    /** The document of a parser, or null when it is not one of trackflow's own. */
    static @Nullable Document of(JsonParser p) {
        ObjectReadContext c = p.objectReadContext();
        return c instanceof Document ? (Document) c : null;
    }

    /** Reads JSON text, with its document. */
    static <R> R read(String json, Function<JsonParser, R> read) {
        Document d = new Document(json, null, null);
        return Json.parsing(() -> Wire.parser(d, json), read);
    }

    /** Reads a stream (closed once read), keeping what the parser reads of it. */
    static <R> R read(InputStream in, Function<JsonParser, R> read) {
        Buffer b = BUFFERS.get();
        // a read within a read (on the same thread) has a buffer of its own
        Document d = b.inUse ? new Document(null, null, new byte[FIRST]) : new Document(null, b, b.bytes);
        b.inUse = true;
        try {
            return Json.parsing(
                    () -> Wire.parser(d, d.new Tee(in)), in instanceof WholeDocument ? whole("", read) : read);
        } finally {
            d.release();
        }
    }

    /**
     * {@code read}, then a check that nothing but whitespace follows the value: text, or a stream that is a
     * {@link WholeDocument}, is one value.
     *
     * @param what what the failure's message starts with (the type read, or nothing)
     */
    static <R> Function<JsonParser, R> whole(String what, Function<JsonParser, R> read) {
        return p -> {
            R value = read.apply(p);
            if (p.nextToken() != null) {
                throw new Mismatch(what + "more JSON follows the value");
            }
            return value;
        };
    }

    /**
     * Opens the value at the parser's current token (the start of an object or array) to be read again if
     * need be: where it begins, or -1 when the document cannot give it back (then read it capturing). {@link
     * #close()} it once read.
     */
    long open(JsonParser p) {
        long at = offset(p);
        if (at < 0 || (text == null && (bytes == null || at < first))) {
            return -1;
        }
        open++;
        return at;
    }

    /** Ends what {@link #open} began. */
    void close() {
        open--;
    }

    /** Where the parser's current token (one byte or character long: the end of a structure) ends. */
    long after(JsonParser p) {
        return offset(p) + 1;
    }

    /**
     * Where the parser's current token begins: in characters for text, in bytes for a stream (-1 for a stream
     * read as characters, one not in UTF-8).
     */
    private long offset(JsonParser p) {
        TokenStreamLocation l = p.currentTokenLocation();
        return text != null ? l.getCharOffset() : l.getByteOffset();
    }

    /**
     * The value from {@code from} to the parser's current token (its end) as a range, read again raw only when
     * asked, which must be before the read ends (the range then forgets the document).
     */
    RawFields.Lazy range(long from, JsonParser p) {
        return new Range(this, from, after(p));
    }

    /** The value from {@code from} (inclusive) to {@code to} (exclusive), read again, raw. */
    RawJson raw(long from, long to) {
        byte[] b = bytes;
        String t = text;
        JsonParser p;
        if (t != null && from >= 0 && to <= t.length() && from < to) {
            p = Wire.parser(t.substring((int) from, (int) to));
        } else if (b != null && from >= first && to <= first + length && from < to) {
            p = Wire.parser(b, (int) (from - first), (int) (to - from));
        } else {
            throw new IllegalStateException("the document does not hold " + from + ".." + to);
        }
        readAgain += to - from;
        try (p) {
            p.nextToken();
            return RawJson.read(p);
        }
    }

    /** The text from {@code from} to {@code to} as it came (a cut character at the end shown replaced). */
    private String text(long from, long to) {
        String t = text;
        if (t != null) {
            return t.substring((int) from, (int) to);
        }
        byte[] b = bytes;
        return b == null || from < first
                ? ""
                : new String(b, (int) (from - first), (int) Math.min(to - from, first + length - from), UTF_8);
    }

    /** Keeps what the parser has read. */
    private void keep(byte[] b, int off, int n) {
        byte[] k = bytes;
        if (k == null) {
            return;
        }
        if (open == 0 && length + n > WINDOW) { // nothing before the last bytes read can be asked for
            int drop = Math.max(0, length - BEHIND);
            System.arraycopy(k, drop, k, 0, length - drop);
            first += drop;
            length -= drop;
        }
        if (length + n > k.length) {
            k = Arrays.copyOf(k, Math.max(k.length * 2, length + n));
            bytes = k;
        }
        System.arraycopy(b, off, k, length, n);
        length += n;
    }

    /** The read has ended: the buffer goes back to its thread, and this document holds nothing more. */
    private void release() {
        byte[] k = bytes;
        bytes = null;
        Buffer b = owner;
        if (b != null) {
            b.inUse = false;
            if (k != null && k.length <= KEPT) {
                b.bytes = k;
            }
        }
    }

    /** The stream as the parser reads it, each byte also kept by the document. */
    private final class Tee extends InputStream {
        private final InputStream in;

        Tee(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int c = in.read();
            if (c >= 0) {
                keep(new byte[] {(byte) c}, 0, 1);
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                keep(b, off, n);
            }
            return n;
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** A value of a document, read again when first asked for. */
    static final class Range implements RawFields.Lazy {
        private @Nullable Document document;
        private final long from;
        private final long to;
        private @Nullable RawJson node;

        Range(Document document, long from, long to) {
            this.document = document;
            this.from = from;
            this.to = to;
        }

        @Override
        public RawJson raw() {
            RawJson n = node;
            if (n == null) {
                Document d = document;
                if (d == null) {
                    throw new IllegalStateException("no document"); // never: read once, then kept
                }
                node = n = d.raw(from, to);
                document = null; // the value keeps its tree, not the body it came in
            }
            return n;
        }

        /**
         * The start of the value as it came, up to {@code max} bytes or characters, while it has not been read
         * (for a log line, which must not read it early); null once read.
         */
        @Nullable
        String unread(int max) {
            Document d = document;
            return node != null || d == null ? null : d.text(from, Math.min(to, from + max));
        }
    }

    /** A thread's buffer for documents. */
    private static final class Buffer {
        byte[] bytes = new byte[FIRST];
        boolean inUse;
    }
}
