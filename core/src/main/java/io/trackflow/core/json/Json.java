package io.trackflow.core.json;

import io.trackflow.core.json.internal.Codecs;
import io.trackflow.core.json.internal.Mismatch;
import io.trackflow.core.json.internal.StreamCodec;
import io.trackflow.core.json.internal.Wire;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * trackflow's JSON codec, for the types it knows: every provider model (each registers its {@link
 * ModelCodec} when its class is initialized), {@link RawJson}, {@link RawFields}, and the types registered as
 * text ({@code PageCursor}). It reads and writes the provider's JSON on Jackson 3's streaming API; no
 * Jackson type appears here. An application's own mapper gets the same rules through trackflow's Jackson
 * module ({@code JsonMapper.builder().findAndAddModules()} for Jackson 3, {@code
 * ObjectMapper.findAndRegisterModules()} for Jackson 2).
 *
 * <ul>
 *   <li>unknown fields are kept raw in a model's {@code additionalProperties()} (providers add fields);
 *   <li>timestamps are read leniently ({@link Timestamps#parseInstant}) and written as ISO-8601;
 *   <li>durations are read and written as a number of <b>milliseconds</b>, the unit of both providers;
 *   <li>absent optional fields are not written;
 *   <li>{@link RawJson} is read and written as the JSON it holds (numbers exactly as sent);
 *   <li>a body may nest at most 200 deep.
 * </ul>
 */
public final class Json {

    private Json() {}

    /**
     * Reads one value of {@code type} from a JSON stream (closed once read).
     *
     * @param in the JSON
     * @param type a type trackflow's codec knows
     * @param <T> the type
     * @return the value
     * @throws IllegalArgumentException when the type is not one the codec knows, or the JSON is malformed or
     *     does not read as the type (the message names the field)
     */
    public static <T> T read(InputStream in, Class<T> type) {
        Objects.requireNonNull(in, "in");
        StreamCodec<T> codec = Codecs.of(Objects.requireNonNull(type, "type"));
        return Document.read(in, p -> readRoot(p, codec));
    }

    /**
     * Reads one value of {@code type} from JSON text.
     *
     * @param json the JSON
     * @param type a type trackflow's codec knows
     * @param <T> the type
     * @return the value
     * @throws IllegalArgumentException as {@link #read(InputStream, Class)}, or when anything but
     *     whitespace follows the value
     */
    public static <T> T read(String json, Class<T> type) {
        Objects.requireNonNull(json, "json");
        StreamCodec<T> codec = Codecs.of(Objects.requireNonNull(type, "type"));
        // text is one value: what follows it is not ignored (a stream in general may go on)
        return Document.read(
                Wire.withoutBom(json), Document.whole(codec.type().getSimpleName() + ": ", p -> readRoot(p, codec)));
    }

    /**
     * Reads a JSON array of {@code type} from a stream (closed once read).
     *
     * @param in the JSON
     * @param type a type trackflow's codec knows
     * @param <T> the element type
     * @return the values, in order (immutable)
     * @throws IllegalArgumentException as {@link #read(InputStream, Class)}, or when the JSON is not an array
     */
    public static <T> List<T> readList(InputStream in, Class<T> type) {
        Objects.requireNonNull(in, "in");
        StreamCodec<T> codec = Codecs.of(Objects.requireNonNull(type, "type"));
        return Document.read(in, p -> readArray(p, codec));
    }

    /** A document that is an array of {@code codec}'s type; one element that does not read fails it. */
    static <T> List<T> readArray(JsonParser p, StreamCodec<T> codec) {
        String name = codec.type().getSimpleName();
        if (p.nextToken() != JsonToken.START_ARRAY) {
            throw new Mismatch("expected an array of " + name + ", got " + p.currentToken());
        }
        List<T> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == JsonToken.VALUE_NULL && codec.type() != RawJson.class) {
                throw new Mismatch(name + ": element " + out.size() + " is null");
            }
            out.add(codec.read(p));
        }
        return Collections.unmodifiableList(out); // not copied: a page's items are copied once, later
    }

    /**
     * Writes a value (or a collection of values) of the types the codec knows as JSON text, in the
     * provider's form.
     *
     * @param value a model, {@link RawJson}, {@link RawFields}, a type registered as text, or a collection
     *     of those
     * @return the JSON
     * @throws IllegalArgumentException when the codec does not know the value's type
     */
    public static String write(Object value) {
        Objects.requireNonNull(value, "value");
        return Wire.text(g -> writeValue(value, g));
    }

    /**
     * Writes a value as UTF-8 JSON; see {@link #write(Object)}.
     *
     * @param value the value
     * @return the JSON
     * @throws IllegalArgumentException when the codec does not know the value's type
     */
    public static byte[] writeBytes(Object value) {
        Objects.requireNonNull(value, "value");
        return Wire.bytes(g -> writeValue(value, g));
    }

    /**
     * Registers a model's codec, once per model: call it from the model's class initializer, so that the
     * client, {@link #read} and the Jackson modules find it when they first meet the type.
     *
     * @param codec the codec
     * @throws IllegalStateException when the model has another codec already
     */
    public static void register(ModelCodec<?, ?> codec) {
        Codecs.register(Objects.requireNonNull(codec, "codec").stream);
        codec.fields.resolveNested(); // now, on the initializing thread: never a class initialization while decoding
    }

    /**
     * Whether the codec knows {@code type}, initializing it (and so registering it and the models it nests,
     * when it is a model) if it was not yet. A client calls this for its models when its classes are loaded,
     * so that no model class is first initialized on an event loop, in the middle of a response.
     *
     * @param type the type
     * @return whether {@link #read} and {@link #write} handle it
     */
    public static boolean knows(Class<?> type) {
        return Codecs.find(Objects.requireNonNull(type, "type")) != null;
    }

    /**
     * Registers a type read and written as a JSON string (e.g. a cursor as its text), once per type.
     *
     * @param type the type
     * @param format the value's text
     * @param parse the value of a text ({@link IllegalArgumentException} when it is not one)
     * @param <T> the type
     * @throws IllegalStateException when the type has another codec already
     */
    public static <T> void registerText(
            Class<T> type, Function<? super T, String> format, Function<String, ? extends T> parse) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(parse, "parse");
        Codecs.register(new StreamCodec<T>() {
            @Override
            public Class<T> type() {
                return type;
            }

            @Override
            public T read(JsonParser p) {
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    throw new Mismatch(type.getSimpleName() + ": expected a string");
                }
                try {
                    return parse.apply(p.getString());
                } catch (IllegalArgumentException e) {
                    throw new Mismatch(type.getSimpleName() + ": " + e.getMessage(), e);
                }
            }

            @Override
            public void write(T value, JsonGenerator g) {
                g.writeString(format.apply(value));
            }

            @Override
            public boolean isText() {
                return true;
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static void writeValue(Object value, JsonGenerator g) {
        if (value instanceof Collection && !(value instanceof RawFields)) {
            g.writeStartArray();
            for (Object e : (Collection<?>) value) {
                if (e == null) {
                    g.writeNull();
                } else {
                    writeValue(e, g);
                }
            }
            g.writeEndArray();
            return;
        }
        StreamCodec<Object> codec = (StreamCodec<Object>) Codecs.of(value.getClass());
        codec.write(value, g);
    }

    private static <T> T readRoot(JsonParser p, StreamCodec<T> codec) {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NULL && codec.type() == RawJson.class) {
            return codec.read(p); // a RawJson holds JSON null itself
        }
        if (t == null || t == JsonToken.VALUE_NULL) {
            throw new Mismatch(codec.type().getSimpleName() + ": the JSON is " + (t == null ? "empty" : "null"));
        }
        return codec.read(p);
    }

    /** Reads with a parser it opens and closes; malformed JSON is reported as the public methods say. */
    static <R> R parsing(Supplier<JsonParser> open, Function<JsonParser, R> read) {
        try (JsonParser p = open.get()) {
            return read.apply(p);
        } catch (JacksonException e) {
            throw notJson(e);
        }
    }

    /** Malformed JSON, as the codec's public methods report it. */
    static IllegalArgumentException notJson(JacksonException e) {
        return new IllegalArgumentException("not well-formed JSON: " + e.getOriginalMessage(), e);
    }
}
