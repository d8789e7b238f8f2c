package io.trackflow.core.json.jackson2;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Hands one JSON value between Jackson 2 and Jackson 3 as its tokens: strings and names as text, numbers as
 * their text (so exactly, whatever either side's number settings), booleans and null as themselves.
 */
final class Tokens {

    private Tokens() {}

    /**
     * Copies the Jackson 2 parser's current value (scalar or whole structure) into a Jackson 3 generator. A
     * parser on a property name is inside an object whose start the mapper consumed (after a type id): the
     * rest of that object is copied as the object.
     */
    static void copy(JsonParser p, tools.jackson.core.JsonGenerator g) {
        try {
            int depth = 0;
            if (p.currentToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                g.writeStartObject();
                depth = 1;
            }
            do {
                switch (p.currentToken()) {
                    case START_OBJECT:
                        g.writeStartObject();
                        depth++;
                        break;
                    case END_OBJECT:
                        g.writeEndObject();
                        depth--;
                        break;
                    case START_ARRAY:
                        g.writeStartArray();
                        depth++;
                        break;
                    case END_ARRAY:
                        g.writeEndArray();
                        depth--;
                        break;
                    case FIELD_NAME:
                        g.writeName(p.currentName());
                        break;
                    case VALUE_STRING:
                        g.writeString(p.getText());
                        break;
                    case VALUE_NUMBER_INT:
                    case VALUE_NUMBER_FLOAT:
                        g.writeNumber(p.getText());
                        break;
                    case VALUE_TRUE:
                    case VALUE_FALSE:
                        g.writeBoolean(p.getBooleanValue());
                        break;
                    case VALUE_NULL:
                        g.writeNull();
                        break;
                    default:
                        throw new IllegalArgumentException("not JSON: " + p.currentToken());
                }
            } while (depth > 0 && p.nextToken() != null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the Jackson 3 parser's current value into a Jackson 2 generator. */
    static void copy(tools.jackson.core.JsonParser p, JsonGenerator g) throws IOException {
        int depth = 0;
        do {
            switch (p.currentToken()) {
                case START_OBJECT:
                    g.writeStartObject();
                    depth++;
                    break;
                case END_OBJECT:
                    g.writeEndObject();
                    depth--;
                    break;
                case START_ARRAY:
                    g.writeStartArray();
                    depth++;
                    break;
                case END_ARRAY:
                    g.writeEndArray();
                    depth--;
                    break;
                case PROPERTY_NAME:
                    g.writeFieldName(p.currentName());
                    break;
                case VALUE_STRING:
                    g.writeString(p.getString());
                    break;
                case VALUE_NUMBER_INT:
                    if (g instanceof com.fasterxml.jackson.core.json.JsonGeneratorImpl) {
                        g.writeNumber(p.getString()); // JSON text: the digits as they are
                    } else {
                        g.writeNumber(p.getBigIntegerValue()); // a token buffer or tree keeps an integer
                    }
                    break;
                case VALUE_NUMBER_FLOAT:
                    if (g instanceof com.fasterxml.jackson.core.json.JsonGeneratorImpl) {
                        g.writeNumber(p.getString());
                    } else {
                        g.writeNumber(p.getDecimalValue());
                    }
                    break;
                case VALUE_TRUE:
                case VALUE_FALSE:
                    g.writeBoolean(p.getBooleanValue());
                    break;
                case VALUE_NULL:
                    g.writeNull();
                    break;
                default:
                    throw new IllegalArgumentException("not JSON: " + p.currentToken());
            }
        } while (depth > 0 && p.nextToken() != null);
    }
}
