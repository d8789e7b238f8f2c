package io.trackflow.testkit;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The testkit's own JSON: a plain Jackson mapper, independent of the clients' configuration, so the
 * fakes write what a provider writes and never what trackflow happens to read best.
 */
final class TestkitJson {

    private static final JsonMapper MAPPER = jackson2().build();

    private TestkitJson() {}

    /**
     * A mapper builder with Jackson 2's defaults, which the fakes were written against, so that they read
     * and write byte for byte what they always did: its features (e.g. content after a body's first value
     * ignored, a character beyond the BMP written as an escaped surrogate pair in UTF-8) and its stream
     * limits (nesting up to 1000 deep, strings up to 20,000,000 characters).
     */
    static JsonMapper.Builder jackson2() {
        JsonFactory factory = JsonFactory.builderWithJackson2Defaults()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(1000)
                        .maxStringLength(20_000_000)
                        .build())
                .streamWriteConstraints(
                        StreamWriteConstraints.builder().maxNestingDepth(1000).build())
                .build();
        return JsonMapper.builder(factory).configureForJackson2();
    }

    /** A new, empty JSON object. */
    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Serializes a map, list or tree. */
    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new IllegalStateException(
                    "cannot serialize " + value.getClass().getName(), e);
        }
    }

    /** Serializes a map, list or tree as text. */
    static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new IllegalStateException(
                    "cannot serialize " + value.getClass().getName(), e);
        }
    }

    /** Parses a request body; null when it is not JSON. */
    static @Nullable JsonNode parse(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }
}
