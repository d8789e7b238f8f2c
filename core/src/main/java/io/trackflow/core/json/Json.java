package io.trackflow.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * trackflow's Jackson configuration, handed out as immutable {@link ObjectReader}s and {@link
 * ObjectWriter}s (the shared mapper itself is never handed out, so no caller can reconfigure the
 * library), or as a {@link #newMapper() new mapper} of your own.
 *
 * <ul>
 *   <li>unknown properties are ignored (providers add fields);
 *   <li>{@link Instant} is read leniently ({@link Timestamps#parseInstant}: {@code 2023-01-01
 *       00:00:00 UTC}, ISO-8601 with {@code Z} or an offset, epoch seconds) and written as ISO-8601;
 *   <li>{@link LocalDate} is read from {@code yyyy-MM-dd} (a longer timestamp keeps its date part);
 *   <li>{@link Duration} is read and written as a number of <b>milliseconds</b>, the unit of both
 *       providers;
 *   <li>{@code Optional} is supported; absent optionals are not written;
 *   <li>{@link RawJson} is read and written as the JSON it holds (numbers exactly).
 * </ul>
 */
public final class Json {

    private static final ObjectMapper SHARED = newMapper();

    private Json() {}

    /**
     * A reader with trackflow's configuration; immutable, so it is safe to share. Narrow it with
     * {@code forType(..)}, {@code readerFor(..)} equivalents such as {@link #readerFor(Class)}.
     *
     * @return the reader
     */
    public static ObjectReader reader() {
        return SHARED.reader();
    }

    /**
     * A reader of {@code type} with trackflow's configuration; immutable.
     *
     * @param type the type to read
     * @return the reader
     */
    public static ObjectReader readerFor(Class<?> type) {
        return SHARED.readerFor(type);
    }

    /**
     * A reader of a JSON array of {@code type} into a {@code List}; immutable.
     *
     * @param type the element type
     * @return the reader
     */
    public static ObjectReader readerForListOf(Class<?> type) {
        return SHARED.readerForListOf(type);
    }

    /**
     * A writer with trackflow's configuration (absent optionals left out, {@code Instant} and {@code
     * LocalDate} as ISO-8601 text, {@code Duration} as milliseconds); immutable.
     *
     * @return the writer
     */
    public static ObjectWriter writer() {
        return SHARED.writer();
    }

    /**
     * Creates a new mapper configured as described above.
     *
     * @return a new mapper
     */
    public static ObjectMapper newMapper() {
        SimpleModule m = new SimpleModule("trackflow");
        m.addDeserializer(Instant.class, new InstantDeserializer());
        m.addSerializer(Instant.class, new ToStringSerializer<>(Instant.class));
        m.addDeserializer(LocalDate.class, new LocalDateDeserializer());
        m.addSerializer(LocalDate.class, new ToStringSerializer<>(LocalDate.class));
        m.addDeserializer(Duration.class, new MillisDurationDeserializer());
        m.addSerializer(Duration.class, new MillisDurationSerializer());
        m.addSerializer(RawJson.class, new RawJsonSerializer());
        m.addDeserializer(RawJson.class, new RawJsonDeserializer());
        JsonMapper mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(MapperFeature.AUTO_DETECT_GETTERS)
                .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
                .addModule(new Jdk8Module())
                .addModule(m)
                .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_ABSENT)
                .build();
        // a null list, set or map is read as empty: providers send "artists": null
        for (Class<?> c : new Class<?>[] {
            java.util.List.class, java.util.Set.class, java.util.Collection.class, java.util.Map.class
        }) {
            mapper.configOverride(c)
                    .setSetterInfo(com.fasterxml.jackson.annotation.JsonSetter.Value.forValueNulls(
                            com.fasterxml.jackson.annotation.Nulls.AS_EMPTY));
        }
        // an explicit null timestamp, date or duration is treated as absent: a default (or a clear
        // "missing" error for a required field) applies instead of a NullPointerException
        for (Class<?> c : new Class<?>[] {Instant.class, LocalDate.class, Duration.class}) {
            mapper.configOverride(c)
                    .setSetterInfo(com.fasterxml.jackson.annotation.JsonSetter.Value.forValueNulls(
                            com.fasterxml.jackson.annotation.Nulls.SKIP));
        }
        // a hostile body cannot make the parser recurse without bound
        mapper.getFactory()
                .setStreamReadConstraints(
                        StreamReadConstraints.builder().maxNestingDepth(200).build());
        return mapper;
    }

    private static final class InstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                return Timestamps.fromEpochNumber(p.getDoubleValue());
            }
            if (t == JsonToken.VALUE_STRING) {
                // the common forms are read straight from the parser's buffer, without a String
                Instant fast = Timestamps.parseCommon(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                if (fast != null) {
                    return fast;
                }
                String s = p.getText();
                if (s.isBlank()) {
                    return null;
                }
                try {
                    return Timestamps.parseInstant(s);
                } catch (IllegalArgumentException e) {
                    return (Instant) ctxt.handleWeirdStringValue(Instant.class, s, e.getMessage());
                }
            }
            return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
        }
    }

    private static final class LocalDateDeserializer extends JsonDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String s = p.getText();
            if (s.isBlank()) {
                return null;
            }
            try {
                return Timestamps.parseLocalDate(s);
            } catch (IllegalArgumentException e) {
                return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, s, e.getMessage());
            }
        }
    }

    private static final class MillisDurationDeserializer extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT) {
                return Duration.ofMillis(p.getLongValue());
            }
            if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                return Duration.ofNanos(Math.round(p.getDoubleValue() * 1_000_000d));
            }
            if (t == JsonToken.VALUE_STRING) {
                String s = p.getText().trim();
                try {
                    return Duration.ofNanos(Math.round(Double.parseDouble(s) * 1_000_000d));
                } catch (NumberFormatException e) {
                    return (Duration) ctxt.handleWeirdStringValue(Duration.class, s, "not milliseconds");
                }
            }
            return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
        }
    }

    private static final class MillisDurationSerializer extends JsonSerializer<Duration> {
        @Override
        public void serialize(Duration value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeNumber(value.toMillis());
        }
    }

    private static final class RawJsonSerializer extends JsonSerializer<RawJson> {
        @Override
        public void serialize(RawJson value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            value.node().serialize(gen, serializers);
        }
    }

    private static final class RawJsonDeserializer extends JsonDeserializer<RawJson> {
        @Override
        public RawJson deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return RawJson.read(p);
        }

        @Override
        public RawJson getNullValue(DeserializationContext ctxt) {
            return RawJson.parse("null");
        }
    }

    private static final class ToStringSerializer<T> extends JsonSerializer<T> {
        private final Class<T> type;

        ToStringSerializer(Class<T> type) {
            this.type = type;
        }

        @Override
        public Class<T> handledType() {
            return type;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.toString());
        }
    }
}
