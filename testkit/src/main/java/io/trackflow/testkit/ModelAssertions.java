package io.trackflow.testkit;

import io.trackflow.core.json.Json;
import io.trackflow.core.json.Timestamps;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assertions on models read from provider bodies, for the tests of a client built with trackflow's
 * toolkit (and of trackflow's own): "models keep what the server sends".
 */
public final class ModelAssertions {

    private static final JsonMapper STRICT = TestkitJson.jackson2()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // exact BigDecimals (Jackson 2's JsonNodeFactory.withExactBigDecimals(true)): 1.50 stays 1.50
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private ModelAssertions() {}

    /**
     * Asserts that every field of {@code body} is reachable in {@code model}, typed or raw. Checked
     * through trackflow's writer ({@link Json#write(Object)}), which writes a model's typed fields under
     * their JSON names and its {@code additionalProperties()} after them: each non-null field of the body
     * must come back, exactly once, with the same value up to its form ({@code "128"} and {@code 128}, two
     * forms of one timestamp or date, {@code 1} and {@code true}); an object field by field, a list
     * element by element. {@code null} fields and empty lists may be left out.
     *
     * @param body the JSON object the model was read from
     * @param model the model
     * @throws AssertionError naming the first field that cannot be reached, or one written twice
     */
    public static void assertEveryFieldReachable(String body, Object model) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(model, "model");
        String written;
        JsonNode out;
        try {
            written = Json.write(model);
            out = STRICT.readTree(written); // a field written twice (typed and raw) fails here
        } catch (JacksonException | IllegalArgumentException e) {
            throw new AssertionError("cannot write " + model + " and read it back", e);
        }
        JsonNode sent;
        try {
            sent = STRICT.readTree(body);
        } catch (JacksonException e) {
            throw new AssertionError("body is not JSON: " + body, e);
        }
        compare("$", sent, out);
    }

    private static void compare(String path, JsonNode sent, JsonNode written) {
        if (sent.isObject()) {
            check(written.isObject(), path + " should be an object, is " + written);
            for (Map.Entry<String, JsonNode> f : sent.properties()) {
                JsonNode value = f.getValue();
                if (value.isNull() || (value.isArray() && value.isEmpty())) {
                    continue;
                }
                String at = path + "." + f.getKey();
                JsonNode w = written.get(f.getKey());
                check(w != null, at + " = " + value + " is neither typed nor raw in " + written);
                compare(at, value, w);
            }
        } else if (sent.isArray()) {
            check(
                    written.isArray() && written.size() == sent.size(),
                    path + " = " + sent + " comes back as " + written);
            for (int i = 0; i < sent.size(); i++) {
                compare(path + "[" + i + "]", sent.get(i), written.get(i));
            }
        } else {
            check(sameScalar(sent, written), path + " was sent as " + sent + " and comes back as " + written);
        }
    }

    private static void check(boolean ok, String failure) {
        if (!ok) {
            throw new AssertionError(failure);
        }
    }

    private static boolean sameScalar(JsonNode sent, JsonNode written) {
        if (sent.equals(written)) {
            return true;
        }
        BigDecimal a = number(sent);
        BigDecimal b = number(written);
        if (a != null && b != null) {
            return a.compareTo(b) == 0;
        }
        if (written.isBoolean() && sent.isValueNode()) {
            String s = sent.asString().trim();
            return s.equals(written.booleanValue() ? "1" : "0") || s.equals(String.valueOf(written.booleanValue()));
        }
        if (sent.isNumber() && written.isString()) { // a timestamp sent as epoch seconds (or millis), written ISO
            String w = written.stringValue();
            return same(() -> Timestamps.fromEpochNumber(sent.decimalValue()), () -> Timestamps.parseInstant(w));
        }
        if (sent.isString() && written.isString()) {
            String s = sent.stringValue();
            String w = written.stringValue();
            return same(() -> Timestamps.parseInstant(s), () -> Timestamps.parseInstant(w))
                    || same(() -> Timestamps.parseLocalDate(s), () -> Timestamps.parseLocalDate(w));
        }
        return false;
    }

    private static boolean same(Supplier<Object> a, Supplier<Object> b) {
        try {
            return a.get().equals(b.get());
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            return false;
        }
    }

    private static @Nullable BigDecimal number(JsonNode n) {
        if (n.isNumber()) {
            return n.decimalValue();
        }
        if (n.isString() && n.stringValue().trim().length() <= 100) {
            try {
                return new BigDecimal(n.stringValue().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
