package io.trackflow.core.json;

import io.trackflow.core.json.internal.Codecs;
import io.trackflow.core.json.internal.StreamCodec;
import io.trackflow.core.json.internal.Wire;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * A read-only JSON value exactly as the server sent it: what a model keeps of a response field it does
 * not model, or of a field whose value it could not read ({@code additionalProperties()} of every
 * provider model). Numbers keep their digits as sent ({@code 19.90} stays {@code 19.90}, never a {@code
 * double}, and is written back as {@code 19.90}); objects keep their field order. Immutable and
 * thread-safe; two values are equal when they hold the same JSON, whitespace aside and decimal numbers
 * compared by value ({@code 2.5} equals {@code 2.50}; an integer never equals a decimal). No Jackson type
 * appears in its API; an application's own mapper reads and writes it as the JSON it holds through
 * trackflow's Jackson module (see {@code docs/decisions.md}, Jackson).
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

    /** The codec both Jackson modules and trackflow's own writer use. */
    static final StreamCodec<RawJson> CODEC = new StreamCodec<>() {
        @Override
        public Class<RawJson> type() {
            return RawJson.class;
        }

        @Override
        public RawJson read(JsonParser p) {
            return RawJson.read(p);
        }

        @Override
        public void write(RawJson value, JsonGenerator g) {
            value.write(g);
        }

        @Override
        public RawJson nullValue() {
            return NULL; // a RawJson holds JSON null itself
        }
    };

    static final RawJson NULL = new RawJson(Kind.NULL, Kind.NULL);
    private static final RawJson TRUE = new RawJson(Kind.BOOLEAN, Boolean.TRUE);
    private static final RawJson FALSE = new RawJson(Kind.BOOLEAN, Boolean.FALSE);
    /** {@code []}, which providers send for every empty list a model does not type (one value for all). */
    private static final RawJson EMPTY_ARRAY = new RawJson(Kind.ARRAY, List.of());

    static {
        Codecs.register(CODEC);
    }

    private final Kind kind;
    /**
     * String; a {@code Long} for an integer within {@code long} (the common case: no text kept, as its digits
     * are its canonical form), a {@link RawNumber} for any other number; Boolean; {@code List<RawJson>}
     * (unmodifiable); {@link RawFields}; or the kind for null.
     */
    private final Object value;

    private RawJson(Kind kind, Object value) {
        this.kind = kind;
        this.value = value;
    }

    /**
     * Parses JSON text (one value, nothing after it).
     *
     * @param json the text
     * @return the value
     * @throws IllegalArgumentException when the text is not one JSON value (or nests deeper than 200)
     */
    public static RawJson parse(String json) {
        Objects.requireNonNull(json, "json");
        try (JsonParser p = Wire.parser(Wire.withoutBom(json))) {
            if (p.nextToken() == null) {
                throw new IllegalArgumentException("json is empty");
            }
            RawJson value = read(p);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("json has more than one value");
            }
            return value;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("json is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads the value at the parser's current token (scalar or whole structure, numbers as sent), leaving
     * the parser on its last token.
     */
    static RawJson read(JsonParser p) {
        JsonToken t = p.currentToken();
        if (t == null) {
            throw new IllegalArgumentException("no JSON value");
        }
        switch (t) {
            case START_OBJECT: {
                RawFields.Collector fields = new RawFields.Collector();
                for (String name = p.nextName(); name != null; name = p.nextName()) {
                    p.nextToken();
                    fields.put(name, read(p));
                }
                return new RawJson(Kind.OBJECT, fields.build());
            }
            case START_ARRAY: {
                if (p.nextToken() == JsonToken.END_ARRAY) {
                    return EMPTY_ARRAY;
                }
                List<RawJson> elements = new ArrayList<>();
                do {
                    elements.add(read(p));
                } while (p.nextToken() != JsonToken.END_ARRAY);
                return new RawJson(Kind.ARRAY, Collections.unmodifiableList(elements));
            }
            case VALUE_STRING:
                return new RawJson(Kind.STRING, p.getString());
            case VALUE_NUMBER_INT:
                return p.getNumberType() != JsonParser.NumberType.BIG_INTEGER // -0 is 0
                        ? new RawJson(Kind.NUMBER, p.getLongValue())
                        : number(p.getString(), true);
            case VALUE_NUMBER_FLOAT:
                return number(p.getString(), false);
            case VALUE_TRUE:
                return TRUE;
            case VALUE_FALSE:
                return FALSE;
            case VALUE_NULL:
                return NULL;
            default:
                throw new IllegalArgumentException("unexpected " + t);
        }
    }

    /**
     * A number beyond a {@code long} or with a fraction, in JSON's form (a mapper's lenient features let
     * {@code .5} or {@code NaN} through: the value kept must write back as JSON); a value JSON has no number
     * for is kept as the string Jackson writes it as ({@code "NaN"}).
     */
    private static RawJson number(String text, boolean integer) {
        String json = Wire.strictNumber(text, integer);
        return json == null ? new RawJson(Kind.STRING, text) : new RawJson(Kind.NUMBER, new RawNumber(json, integer));
    }

    /** The fields of this object (which it must be). */
    RawFields fieldsOfObject() {
        return (RawFields) value;
    }

    /** An object of these fields. */
    static RawJson object(RawFields fields) {
        return new RawJson(Kind.OBJECT, fields);
    }

    /** An array of these elements (never changed afterwards). */
    static RawJson array(List<RawJson> elements) {
        return new RawJson(Kind.ARRAY, Collections.unmodifiableList(elements));
    }

    /** Writes the value as the JSON it holds, numbers with the digits they were sent with. */
    void write(JsonGenerator g) {
        switch (kind) {
            case OBJECT:
                ((RawFields) value).writeObject(g);
                break;
            case ARRAY:
                g.writeStartArray();
                for (RawJson e : elements()) {
                    e.write(g);
                }
                g.writeEndArray();
                break;
            case STRING:
                g.writeString((String) value);
                break;
            case NUMBER:
                if (value instanceof Long) {
                    g.writeNumber((long) (Long) value);
                } else {
                    ((RawNumber) value).write(g);
                }
                break;
            case BOOLEAN:
                g.writeBoolean((Boolean) value);
                break;
            default:
                g.writeNull();
        }
    }

    /** The kind of this value. */
    public Kind kind() {
        return kind;
    }

    /** Whether this is {@code null}. */
    public boolean isNull() {
        return kind == Kind.NULL;
    }

    /** The text of a string; empty for any other kind (a number is not converted). */
    public Optional<String> asString() {
        return kind == Kind.STRING ? Optional.of((String) value) : Optional.empty();
    }

    /** A number, exactly as sent; empty for any other kind (a numeric string is not converted). */
    public Optional<BigDecimal> asDecimal() {
        if (kind != Kind.NUMBER) {
            return Optional.empty();
        }
        return Optional.of(
                value instanceof Long ? BigDecimal.valueOf((Long) value) : new BigDecimal(((RawNumber) value).text()));
    }

    /** A boolean; empty for any other kind. */
    public Optional<Boolean> asBoolean() {
        return kind == Kind.BOOLEAN ? Optional.of((Boolean) value) : Optional.empty();
    }

    /**
     * A field of an object.
     *
     * @param name the field name
     * @return its value ({@link Kind#NULL} when sent as {@code null}); empty when this is not an object
     *     or has no such field
     */
    public Optional<RawJson> get(String name) {
        return kind == Kind.OBJECT ? Optional.ofNullable(((RawFields) value).get(name)) : Optional.empty();
    }

    /**
     * An element of an array.
     *
     * @param index from 0
     * @return the element; empty when this is not an array or the index is out of range
     */
    public Optional<RawJson> get(int index) {
        List<RawJson> e = elements();
        return index >= 0 && index < e.size() ? Optional.of(e.get(index)) : Optional.empty();
    }

    /** The fields of an object in the order sent (immutable); empty for any other kind. */
    public Map<String, RawJson> fields() {
        return kind == Kind.OBJECT ? (RawFields) value : RawFields.empty();
    }

    /** The elements of an array (immutable); empty for any other kind. */
    @SuppressWarnings("unchecked")
    public List<RawJson> elements() {
        return kind == Kind.ARRAY ? (List<RawJson>) value : List.of();
    }

    /** The value as compact JSON text, numbers as sent. */
    public String toJson() {
        return Wire.text(this::write);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o == this || (o instanceof RawJson && kind == ((RawJson) o).kind && value.equals(((RawJson) o).value));
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + value.hashCode();
    }

    /** The value as compact JSON text ({@link #toJson()}). */
    @Override
    public String toString() {
        return toJson();
    }
}
