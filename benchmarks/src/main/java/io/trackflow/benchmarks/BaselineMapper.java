package io.trackflow.benchmarks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
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
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.trackflow.core.json.Timestamps;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The hand-written baselines' Jackson 2 mapper: the user's own code, configured as trackflow's Jackson 2
 * mapper was until trackflow moved to its own codec ({@code Json.newMapper()} of commit {@code eb93190}), so
 * that the baselines keep measuring the same work: unknown properties ignored, {@link Instant} read
 * leniently (the common forms straight from the parser's buffer, the same fast path as trackflow's; the
 * rest by {@link Timestamps#parseInstant}), {@link LocalDate} by {@link Timestamps#parseLocalDate}, {@link
 * Duration} as milliseconds, {@code Optional} ({@link Jdk8Module}), absent values not written, null
 * collections read as empty, null timestamps skipped, nesting limited to 200. Only trackflow's {@code
 * RawJson} binding is left out (no baseline type has one).
 */
final class BaselineMapper {

    private BaselineMapper() {}

    /**
     * A new mapper configured as described above.
     *
     * @return the mapper
     */
    static ObjectMapper create() {
        SimpleModule m = new SimpleModule("baseline");
        m.addDeserializer(Instant.class, new InstantDeserializer());
        m.addSerializer(Instant.class, new ToStringSerializer<>(Instant.class));
        m.addDeserializer(LocalDate.class, new LocalDateDeserializer());
        m.addSerializer(LocalDate.class, new ToStringSerializer<>(LocalDate.class));
        m.addDeserializer(Duration.class, new MillisDurationDeserializer());
        m.addSerializer(Duration.class, new MillisDurationSerializer());
        JsonMapper mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(MapperFeature.AUTO_DETECT_GETTERS)
                .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
                .addModule(new Jdk8Module())
                .addModule(m)
                .serializationInclusion(JsonInclude.Include.NON_ABSENT)
                .build();
        // a null list, set or map is read as empty
        for (Class<?> c : new Class<?>[] {
            java.util.List.class, java.util.Set.class, java.util.Collection.class, java.util.Map.class
        }) {
            mapper.configOverride(c).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY));
        }
        // an explicit null timestamp, date or duration is treated as absent
        for (Class<?> c : new Class<?>[] {Instant.class, LocalDate.class, Duration.class}) {
            mapper.configOverride(c).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.SKIP));
        }
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
