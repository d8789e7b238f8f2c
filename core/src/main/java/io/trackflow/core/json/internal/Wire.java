package io.trackflow.core.json.internal;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonGeneratorBase;
import tools.jackson.core.util.JsonRecyclerPools;

/** trackflow's one Jackson 3 streaming factory: parsers and generators of the wire. */
public final class Wire {

    /** The deepest nesting a body may have: a hostile body cannot make the parser recurse without bound. */
    public static final int MAX_NESTING = 200;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            // buffers recycled per thread (event loops live long), as Jackson 2 did; no lock per parser
            .recyclerPool(JsonRecyclerPools.threadLocalPool())
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .build();

    private Wire() {}

    /**
     * Whether a generator writes JSON text, so that a number may be written as its text, digits as they
     * came; a token buffer, a tree builder or a binary format needs a typed number instead.
     */
    public static boolean writesText(JsonGenerator g) {
        return g instanceof JsonGeneratorBase;
    }

    /** A parser over a stream (closed with the parser). */
    public static JsonParser parser(InputStream in) {
        return FACTORY.createParser(ObjectReadContext.empty(), in);
    }

    /** A parser over bytes. */
    public static JsonParser parser(byte[] json) {
        return FACTORY.createParser(ObjectReadContext.empty(), json);
    }

    /** A parser over part of an array of bytes. */
    public static JsonParser parser(byte[] json, int offset, int length) {
        return FACTORY.createParser(ObjectReadContext.empty(), json, offset, length);
    }

    /**
     * A number's text as strict JSON writes it: as it came when it already is JSON (its digits kept), else the
     * same value in JSON's form, which a mapper's lenient read features let through ({@code .5} is {@code 0.5},
     * {@code 5.} is {@code 5.0}, {@code +5} is {@code 5}, {@code 007} is {@code 7}); null for a value JSON has no
     * number for ({@code NaN}, {@code Infinity}).
     *
     * @param text the number as the parser read it
     * @param integer whether it is an integer (then written without a fraction)
     * @return the JSON number, or null
     */
    public static @Nullable String strictNumber(String text, boolean integer) {
        if (isJsonNumber(text)) {
            return text;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null; // NaN, Infinity and their signs
        }
        String json = value.toString();
        return integer || json.indexOf('.') >= 0 || json.indexOf('E') >= 0 ? json : json + ".0";
    }

    /** Whether text is a number by JSON's grammar: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
    private static boolean isJsonNumber(String t) {
        int i = 0;
        int n = t.length();
        if (i < n && t.charAt(i) == '-') {
            i++;
        }
        if (i >= n) {
            return false;
        }
        if (t.charAt(i) == '0') {
            i++;
        } else if (t.charAt(i) >= '1' && t.charAt(i) <= '9') {
            i = digits(t, i);
        } else {
            return false;
        }
        if (i < n && t.charAt(i) == '.') {
            int from = ++i;
            i = digits(t, i);
            if (i == from) {
                return false;
            }
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int from = i;
            i = digits(t, i);
            if (i == from) {
                return false;
            }
        }
        return i == n;
    }

    private static int digits(String t, int i) {
        while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /**
     * JSON text without the byte order mark a file read as text may start with (U+FEFF): a parser of bytes
     * skips it, one of text does not.
     */
    public static String withoutBom(String json) {
        return !json.isEmpty() && json.charAt(0) == '\uFEFF' ? json.substring(1) : json;
    }

    /** A parser over text. */
    public static JsonParser parser(String json) {
        return FACTORY.createParser(ObjectReadContext.empty(), json);
    }

    /** A parser over a stream (closed with the parser), in a read context of the caller's (what it knows of it). */
    public static JsonParser parser(ObjectReadContext context, InputStream in) {
        return FACTORY.createParser(context, in);
    }

    /** A parser over text, in a read context of the caller's. */
    public static JsonParser parser(ObjectReadContext context, String json) {
        return FACTORY.createParser(context, json);
    }

    /** What {@code write} writes, as UTF-8 bytes. */
    public static byte[] bytes(Consumer<JsonGenerator> write) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            write.accept(g);
        }
        return out.toByteArray();
    }

    /** What {@code write} writes, as text. */
    public static String text(Consumer<JsonGenerator> write) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            write.accept(g);
        }
        return out.toString();
    }
}
