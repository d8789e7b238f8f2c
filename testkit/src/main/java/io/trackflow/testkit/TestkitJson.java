package io.trackflow.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * The testkit's own JSON: a plain Jackson mapper, independent of the clients' configuration, so the
 * fakes write what a provider writes and never what trackflow happens to read best.
 */
final class TestkitJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private TestkitJson() {}

    /** A new, empty JSON object. */
    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Serializes a map, list or tree. */
    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialize " + value.getClass().getName(), e);
        }
    }

    /** Serializes a map, list or tree as text. */
    static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialize " + value.getClass().getName(), e);
        }
    }

    /** Parses a request body; null when it is not JSON. */
    static @Nullable JsonNode parse(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
