package io.trackflow.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A read-only JSON value exactly as the server sent it: what a model keeps of a response field it does
 * not model, or of a field whose value it could not read ({@code additionalProperties()} of every
 * provider model). Numbers keep their digits ({@code 19.90} stays {@code 19.90}, never a {@code
 * double}); objects keep their field order. Immutable and thread-safe; two values are equal when they
 * hold the same JSON, whitespace aside and decimal numbers compared by value ({@code 2.5} equals {@code
 * 2.50}; an integer never equals a decimal). No Jackson type appears in its API.
 */
public final class RawJson {

    /** The kind of a JSON value. */
    public enum Kind {
        /** {@code {...}}. */
        OBJECT,
        /** {@code [...]}. */
        ARRAY,
        /** {@code "..."}. */
        STRING,
        /** An integer or a decimal number. */
        NUMBER,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** {@code null}. */
        NULL
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final JsonFactory PARSERS = JsonFactory.builder()
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(200).build())
            .build();

    private final JsonNode node;

    private RawJson(JsonNode node) {
        this.node = node;
    }

    /**
     * Parses JSON text (one value, nothing after it).
     *
     * @param json the text
     * @return the value
     * @throws IllegalArgumentException when the text is not one JSON value
     */
    public static RawJson parse(String json) {
        Objects.requireNonNull(json, "json");
        try (JsonParser p = PARSERS.createParser(json)) {
            if (p.nextToken() == null) {
                throw new IllegalArgumentException("json is empty");
            }
            RawJson value = read(p);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("json has more than one value");
            }
            return value;
        } catch (IOException e) {
            throw new IllegalArgumentException("json is not JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the value at the parser's current token (scalar or whole structure), leaving the parser on
     * its last token.
     */
    static RawJson read(JsonParser p) throws IOException {
        return new RawJson(tree(p));
    }

    /** Wraps a tree that must never change afterwards. */
    static RawJson of(JsonNode node) {
        return new RawJson(node);
    }

    /**
     * The tree of the value at the parser's current token (numbers exact), leaving the parser on its last
     * token.
     */
    static JsonNode tree(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            throw new IOException("no JSON value");
        }
        switch (t) {
            case START_OBJECT: {
                ObjectNode o = NODES.objectNode();
                for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                    p.nextToken();
                    o.set(name, tree(p));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(tree(p));
                }
                return a;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return NODES.numberNode(p.getIntValue());
                    case LONG:
                        return NODES.numberNode(p.getLongValue());
                    default:
                        return NODES.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new IOException("unexpected " + t);
        }
    }

    /** The tree, for trackflow's own writer only (never handed out: it is mutable). */
    JsonNode node() {
        return node;
    }

    /** The kind of this value. */
    public Kind kind() {
        switch (node.getNodeType()) {
            case OBJECT:
                return Kind.OBJECT;
            case ARRAY:
                return Kind.ARRAY;
            case STRING:
                return Kind.STRING;
            case NUMBER:
                return Kind.NUMBER;
            case BOOLEAN:
                return Kind.BOOLEAN;
            default:
                return Kind.NULL;
        }
    }

    /** Whether this is {@code null}. */
    public boolean isNull() {
        return node.isNull();
    }

    /** The text of a string; empty for any other kind (a number is not converted). */
    public Optional<String> asString() {
        return node.isTextual() ? Optional.of(node.textValue()) : Optional.empty();
    }

    /** A number, exactly as sent; empty for any other kind (a numeric string is not converted). */
    public Optional<BigDecimal> asDecimal() {
        return node.isNumber() ? Optional.of(node.decimalValue()) : Optional.empty();
    }

    /** A boolean; empty for any other kind. */
    public Optional<Boolean> asBoolean() {
        return node.isBoolean() ? Optional.of(node.booleanValue()) : Optional.empty();
    }

    /**
     * A field of an object.
     *
     * @param name the field name
     * @return its value ({@link Kind#NULL} when sent as {@code null}); empty when this is not an object
     *     or has no such field
     */
    public Optional<RawJson> get(String name) {
        JsonNode v = node.isObject() ? node.get(name) : null;
        return v == null ? Optional.empty() : Optional.of(new RawJson(v));
    }

    /**
     * An element of an array.
     *
     * @param index from 0
     * @return the element; empty when this is not an array or the index is out of range
     */
    public Optional<RawJson> get(int index) {
        JsonNode v = node.isArray() ? node.get(index) : null;
        return v == null ? Optional.empty() : Optional.of(new RawJson(v));
    }

    /** The fields of an object in the order sent (immutable); empty for any other kind. */
    public Map<String, RawJson> fields() {
        return node.isObject() && !node.isEmpty() ? RawFields.of((ObjectNode) node) : RawFields.empty();
    }

    /** The elements of an array (immutable); empty for any other kind. */
    public List<RawJson> elements() {
        if (!node.isArray() || node.isEmpty()) {
            return List.of();
        }
        List<RawJson> out = new ArrayList<>(node.size());
        node.forEach(e -> out.add(new RawJson(e)));
        return Collections.unmodifiableList(out);
    }

    /** The value as compact JSON text. */
    public String toJson() {
        return node.toString();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof RawJson && node.equals(((RawJson) o).node);
    }

    @Override
    public int hashCode() {
        return node.hashCode();
    }

    /** The value as compact JSON text ({@link #toJson()}). */
    @Override
    public String toString() {
        return toJson();
    }
}
