package io.trackflow.core.json.internal;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.function.Consumer;
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
