package io.trackflow.core.json.jackson3;

import io.trackflow.core.json.RawJson;
import io.trackflow.core.json.internal.Codecs;
import io.trackflow.core.json.internal.StreamCodec;
import io.trackflow.core.json.internal.Wire;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.Version;
import tools.jackson.core.type.WritableTypeId;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.deser.Deserializers;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.jsontype.TypeDeserializer;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.databind.module.SimpleSerializers;
import tools.jackson.databind.type.MapType;

/**
 * Teaches an application's Jackson 3 mapper trackflow's models: every provider model, {@code RawJson},
 * {@code RawFields} and {@code PageCursor} are read and written by the same rule as the client's (the
 * provider's JSON: unknown and unreadable fields exactly as received, durations in milliseconds, timestamps
 * as ISO-8601, absent optional fields left out), so {@code read(write(x))} equals {@code x}. Found by
 * Jackson's standard discovery ({@code JsonMapper.builder().findAndAddModules()}), or added by hand; the
 * Spring Boot starter registers it as a bean. It changes nothing else of the mapper.
 *
 * <p>Input that does not read as the model fails with Jackson's {@link MismatchedInputException}, naming
 * the field.
 */
public final class TrackflowJackson3Module extends JacksonModule {

    /** Creates the module (also what Jackson's service discovery calls). */
    public TrackflowJackson3Module() {}

    @Override
    public String getModuleName() {
        return "trackflow";
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public void setupModule(SetupContext context) {
        context.addDeserializers(new Deserializers.Base() {
            @Override
            public @Nullable ValueDeserializer<?> findBeanDeserializer(
                    JavaType type, DeserializationConfig config, BeanDescription.Supplier beanDesc) {
                return deserializer(type.getRawClass());
            }

            @Override
            public @Nullable ValueDeserializer<?> findMapDeserializer(
                    MapType type,
                    DeserializationConfig config,
                    BeanDescription.Supplier beanDesc,
                    KeyDeserializer keyDeserializer,
                    TypeDeserializer elementTypeDeserializer,
                    ValueDeserializer<?> elementDeserializer) {
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
            protected @Nullable ValueSerializer<?> _findSerializer(SerializationConfig config, JavaType type) {
                return serializer(type.getRawClass());
            }
        });
    }

    private static <T> @Nullable ValueDeserializer<T> deserializer(Class<T> type) {
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
                    public Object deserializeKey(String key, DeserializationContext ctxt) {
                        try {
                            return codec.readText(key);
                        } catch (IllegalArgumentException e) {
                            throw ctxt.weirdKeyException(type, key, e.getMessage());
                        }
                    }
                };
    }

    private static <T> @Nullable ValueSerializer<T> serializer(Class<T> type) {
        StreamCodec<? super T> codec = Codecs.find(type);
        return codec == null ? null : new Writer<>(codec);
    }

    @Override
    public String toString() {
        return "TrackflowJackson3Module";
    }

    private static final class Reader<T> extends ValueDeserializer<T> {
        private final StreamCodec<T> codec;

        Reader(StreamCodec<T> codec) {
            this.codec = codec;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) {
            try {
                return codec.read(p);
            } catch (IllegalArgumentException e) { // a Mismatch, or a token no JSON value has
                throw MismatchedInputException.from(p, codec.type(), e.getMessage());
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

    private static final class Writer<T> extends ValueSerializer<T> {
        private final StreamCodec<? super T> codec;

        Writer(StreamCodec<? super T> codec) {
            this.codec = codec;
        }

        @Override
        public void serialize(T value, JsonGenerator g, SerializationContext ctxt) {
            codec.write(value, g);
        }

        @Override
        public boolean isEmpty(SerializationContext ctxt, T value) {
            return codec.isEmpty(value);
        }

        /**
         * With the mapper's type ids (default typing, e.g. a cache): the value's JSON with the type id in the
         * mapper's form, a property inside an object or a wrapper around any other value.
         */
        @Override
        public void serializeWithType(T value, JsonGenerator g, SerializationContext ctxt, TypeSerializer typeSer) {
            StreamCodec<RawJson> raw = Codecs.of(RawJson.class);
            RawJson json;
            try (JsonParser p = Wire.parser(Wire.bytes(g3 -> codec.write(value, g3)))) {
                p.nextToken();
                json = raw.read(p);
            }
            boolean object = json.kind() == RawJson.Kind.OBJECT;
            WritableTypeId id = typeSer.writeTypePrefix(
                    g,
                    ctxt,
                    typeSer.typeId(value, codec.type(), object ? JsonToken.START_OBJECT : JsonToken.VALUE_STRING));
            if (object) {
                for (Map.Entry<String, RawJson> f : json.fields().entrySet()) {
                    g.writeName(f.getKey());
                    raw.write(f.getValue(), g);
                }
            } else {
                raw.write(json, g);
            }
            typeSer.writeTypeSuffix(g, ctxt, id);
        }
    }
}
