package io.trackflow.testkit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.trackflow.core.json.Json;
import io.trackflow.core.json.Timestamps;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on models read from provider bodies, for the tests of a client built with trackflow's
 * toolkit (and of trackflow's own): "models keep what the server sends".
 */
public final class ModelAssertions {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private ModelAssertions() {}

    /**
     * Asserts that every field of {@code body} is reachable in {@code model}, typed or raw. Checked
     * through trackflow's writer ({@link Json#writer()}), which writes a model's typed fields under their
     * JSON names and its {@code additionalProperties()} after them: each non-null field of the body must
     * come back, exactly once, with the same value up to its form ({@code "128"} and {@code 128}, two
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
            written = Json.writer().writeValueAsString(model);
            out = STRICT.readTree(written); // a field written twice (typed and raw) fails here
        } catch (IOException e) {
            throw new AssertionError("cannot write " + model + " and read it back", e);
        }
        try {
            compare("$", STRICT.readTree(body), out);
        } catch (IOException e) {
            throw new AssertionError("body is not JSON: " + body, e);
        }
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
            String s = sent.asText().trim();
            return s.equals(written.booleanValue() ? "1" : "0") || s.equals(String.valueOf(written.booleanValue()));
        }
        if (sent.isTextual() && written.isTextual()) {
            String s = sent.textValue();
            String w = written.textValue();
            return same(() -> Timestamps.parseInstant(s), () -> Timestamps.parseInstant(w))
                    || same(() -> Timestamps.parseLocalDate(s), () -> Timestamps.parseLocalDate(w));
        }
        return false;
    }

    private static boolean same(Supplier<Object> a, Supplier<Object> b) {
        try {
            return a.get().equals(b.get());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static @Nullable BigDecimal number(JsonNode n) {
        if (n.isNumber()) {
            return n.decimalValue();
        }
        if (n.isTextual() && n.textValue().trim().length() <= 100) {
            try {
                return new BigDecimal(n.textValue().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
