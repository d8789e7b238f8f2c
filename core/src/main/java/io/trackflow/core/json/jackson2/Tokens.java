package io.trackflow.core.json.jackson2;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonGeneratorImpl;
import io.trackflow.core.json.internal.Wire;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Hands one JSON value between Jackson 2 and Jackson 3 as JSON text, token by token: strings and names as
 * text, numbers as their text (so exactly, whatever either side's number settings: {@code 1e2} stays
 * {@code 1e2}), booleans and null as themselves. One copy serves both ways: from the mapper's parser into
 * JSON text, and from trackflow's JSON text into the mapper's generator.
 */
final class Tokens {

    private static final JsonFactory TEXT = new JsonFactory();

    private Tokens() {}

    /**
     * The Jackson 2 parser's current value (scalar or whole structure) as JSON text. A parser on a property
     * name is inside an object whose start the mapper consumed (after a type id): the rest of that object is
     * copied as the object.
     *
     * @throws IllegalArgumentException when the value holds a token no JSON text has (an embedded object)
     */
    static byte[] text(JsonParser p) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = TEXT.createGenerator(out)) {
            if (p.currentToken() == JsonToken.FIELD_NAME) {
                g.writeStartObject();
                fields(p, g);
                g.writeEndObject();
            } else {
                copy(p, g);
            }
        }
        return out.toByteArray();
    }

    /**
     * Copies JSON text into a Jackson 2 generator (a JSON writer, a token buffer or a tree). With {@code
     * inside}, a JSON object's properties are written into an object the caller opened; any other value is
     * copied whole.
     */
    static void copy(byte[] json, JsonGenerator g, boolean inside) throws IOException {
        try (JsonParser p = TEXT.createParser(json)) {
            if (p.nextToken() == JsonToken.START_OBJECT && inside) {
                p.nextToken();
                fields(p, g);
            } else {
                copy(p, g);
            }
        }
    }

    /** Copies properties from the one the parser is on to the end of their object, which is left unwritten. */
    private static void fields(JsonParser p, JsonGenerator g) throws IOException {
        while (p.currentToken() == JsonToken.FIELD_NAME) {
            copy(p, g);
            p.nextToken();
        }
    }

    /**
     * A number in JSON's form whatever the mapper's lenient features let through ({@code .5}, {@code +5},
     * {@code NaN}: see {@link Wire#strictNumber}); a value JSON has no number for goes as the string Jackson
     * writes it as.
     */
    private static void number(JsonParser p, JsonGenerator g, boolean text) throws IOException {
        boolean integer = p.currentToken() == JsonToken.VALUE_NUMBER_INT;
        String json = Wire.strictNumber(p.getText(), integer);
        if (json == null) {
            g.writeString(p.getText());
        } else if (text) {
            g.writeNumber(json);
        } else if (integer) {
            g.writeNumber(new BigInteger(json)); // a token buffer or tree keeps an integer
        } else {
            g.writeNumber(new BigDecimal(json));
        }
    }

    /** Copies the parser's current token, and the whole structure it opens; a property name with its value. */
    private static void copy(JsonParser p, JsonGenerator g) throws IOException {
        boolean text = g instanceof JsonGeneratorImpl; // JSON text keeps a number's digits as they are
        if (p.currentToken() == JsonToken.FIELD_NAME) {
            g.writeFieldName(p.currentName());
            p.nextToken();
        }
        int depth = 0;
        do {
            switch (p.currentToken()) {
                case START_OBJECT -> {
                    g.writeStartObject();
                    depth++;
                }
                case END_OBJECT -> {
                    g.writeEndObject();
                    depth--;
                }
                case START_ARRAY -> {
                    g.writeStartArray();
                    depth++;
                }
                case END_ARRAY -> {
                    g.writeEndArray();
                    depth--;
                }
                case FIELD_NAME -> g.writeFieldName(p.currentName());
                case VALUE_STRING -> g.writeString(p.getText());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(p, g, text);
                case VALUE_TRUE, VALUE_FALSE -> g.writeBoolean(p.getBooleanValue());
                case VALUE_NULL -> g.writeNull();
                default -> throw new IllegalArgumentException("not JSON: " + p.currentToken());
            }
        } while (depth > 0 && p.nextToken() != null);
    }
}
