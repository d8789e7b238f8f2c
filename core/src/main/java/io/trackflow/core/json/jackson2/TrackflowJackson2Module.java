package io.trackflow.core.json.jackson2;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.type.WritableTypeId;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleSerializers;
import com.fasterxml.jackson.databind.type.MapType;
import io.trackflow.core.json.internal.Codecs;
import io.trackflow.core.json.internal.StreamCodec;
import io.trackflow.core.json.internal.Wire;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * Teaches an application's Jackson 2 {@code ObjectMapper} trackflow's models, by the same rule as the client
 * and the Jackson 3 module (the provider's JSON both ways, {@code read(write(x))} equals {@code x}). Found by
 * {@code new ObjectMapper().findAndRegisterModules()}, or registered by hand; it changes nothing else of the
 * mapper. trackflow's codec runs on Jackson 3's streaming API: a value is handed between the two majors as
 * its JSON tokens (numbers as their text, so exactly).
 *
 * <p>Input that does not read as the model fails with Jackson 2's {@link MismatchedInputException}, naming
 * the field.
 */
public final class TrackflowJackson2Module extends Module {

    /** Creates the module (also what Jackson's service discovery calls). */
    public TrackflowJackson2Module() {}

    @Override
    public String getModuleName() {
        return "trackflow";
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public Object getTypeId() {
        return TrackflowJackson2Module.class.getName();
    }

    @Override
    public void setupModule(SetupContext context) {
        context.addDeserializers(new Deserializers.Base() {
            @Override
            public @Nullable JsonDeserializer<?> findBeanDeserializer(
                    JavaType type, DeserializationConfig config, BeanDescription beanDesc) {
                return deserializer(type.getRawClass());
            }

            @Override
            public @Nullable JsonDeserializer<?> findMapDeserializer(
                    MapType type,
                    DeserializationConfig config,
                    BeanDescription beanDesc,
                    KeyDeserializer keyDeserializer,
                    TypeDeserializer elementTypeDeserializer,
                    JsonDeserializer<?> elementDeserializer) {
                return deserializer(type.getRawClass()); // RawFields is a Map
            }

            @Override
            public boolean hasDeserializerFor(DeserializationConfig config, Class<?> valueType) {
                return Codecs.find(valueType) != null;
            }
        });
        context.addKeyDeserializers((type, config, beanDesc) -> keyDeserializer(type.getRawClass()));
        context.addSerializers(new SimpleSerializers() {
            @Override // every lookup comes here, a Map's (RawFields) too
            public @Nullable JsonSerializer<?> findSerializer(
                    SerializationConfig config, JavaType type, BeanDescription beanDesc) {
                return serializer(type.getRawClass());
            }
        });
    }

    private static <T> @Nullable JsonDeserializer<T> deserializer(Class<T> type) {
        StreamCodec<T> codec = Codecs.find(type);
        return codec == null ? null : new Reader<>(codec); // a model's generated class reads as the model
    }

    /** A map's key of a type read as text (a {@code PageCursor}), from its text. */
    private static @Nullable KeyDeserializer keyDeserializer(Class<?> type) {
        StreamCodec<?> codec = Codecs.findText(type);
        return codec == null
                ? null
                : new KeyDeserializer() {
                    @Override
                    public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
                        try {
                            return codec.readText(key);
                        } catch (IllegalArgumentException e) {
                            throw ctxt.weirdKeyException(type, key, e.getMessage());
                        }
                    }
                };
    }

    private static <T> @Nullable JsonSerializer<T> serializer(Class<T> type) {
        StreamCodec<? super T> codec = Codecs.find(type);
        return codec == null ? null : new Writer<>(codec);
    }

    @Override
    public String toString() {
        return "TrackflowJackson2Module";
    }

    private static final class Reader<T> extends JsonDeserializer<T> {
        private final StreamCodec<T> codec;

        Reader(StreamCodec<T> codec) {
            this.codec = codec;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            try (tools.jackson.core.JsonParser p3 = Wire.parser(Tokens.text(p))) {
                p3.nextToken();
                return codec.read(p3);
            } catch (IllegalArgumentException e) { // a Mismatch, or a token no JSON value has (binary data)
                throw MismatchedInputException.from(p, codec.type(), e.getMessage());
            } catch (JacksonException e) { // e.g. nested deeper than trackflow writes or reads
                throw JsonMappingException.from(p, e.getOriginalMessage(), e);
            }
        }

        @Override
        public @Nullable T getNullValue(DeserializationContext ctxt) {
            return codec.nullValue();
        }

        @Override
        public Class<?> handledType() {
            return codec.type();
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    private static final class Writer<T> extends JsonSerializer<T> {
        private final StreamCodec<? super T> codec;

        Writer(StreamCodec<? super T> codec) {
            this.codec = codec;
        }

        @Override
        public void serialize(T value, JsonGenerator g, SerializerProvider serializers) throws IOException {
            Tokens.copy(written(value), g, false);
        }

        /** The value as its codec writes it: compact JSON text. */
        private byte[] written(T value) {
            return Wire.bytes(g3 -> codec.write(value, g3));
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, T value) {
            return codec.isEmpty(value);
        }

        /**
         * With the mapper's type ids (default typing, e.g. a cache): the value's JSON with the type id in the
         * mapper's form, a property inside an object or a wrapper around any other value.
         */
        @Override
        public void serializeWithType(T value, JsonGenerator g, SerializerProvider serializers, TypeSerializer typeSer)
                throws IOException {
            byte[] json = written(value);
            boolean object = json.length > 0 && json[0] == '{'; // the codec writes compact JSON
            WritableTypeId id = typeSer.writeTypePrefix(
                    g,
                    typeSer.typeId(
                            value,
                            codec.type(), // the model's name, not its generated implementation's
                            object ? JsonToken.START_OBJECT : JsonToken.VALUE_STRING));
            Tokens.copy(json, g, true);
            typeSer.writeTypeSuffix(g, id);
        }
    }
}
