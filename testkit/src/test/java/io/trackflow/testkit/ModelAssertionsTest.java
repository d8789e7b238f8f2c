package io.trackflow.testkit;

import static io.trackflow.testkit.ModelAssertions.assertEveryFieldReachable;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trackflow.core.json.RawJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ModelAssertions}, on maps standing in for models: written as raw JSON, which trackflow's writer
 * writes as it is.
 */
class ModelAssertionsTest {

    private static final String BODY = "{\"id\":\"7\",\"bpm\":\"128\",\"on\":1,\"at\":\"2023-01-01 00:00:00 UTC\","
            + "\"day\":\"2023-01-01T10:00:00+02:00\",\"gone\":null,\"none\":[],\"tags\":[{\"n\":\"a\"}]}";

    private static Map<String, Object> model() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", 7);
        m.put("bpm", 128.0);
        m.put("on", true);
        m.put("at", "2023-01-01T00:00:00Z");
        m.put("day", "2023-01-01");
        m.put("tags", List.of(Map.of("n", "a")));
        return m;
    }

    /** The map as a value trackflow's writer knows: its JSON, kept raw. */
    private static RawJson asModel(Map<String, Object> m) {
        return RawJson.parse(TestkitJson.text(m));
    }

    @Test
    void valuesComeBackUpToTheirForm() {
        assertThatCode(() -> assertEveryFieldReachable(BODY, asModel(model()))).doesNotThrowAnyException();
    }

    @Test
    void aFieldThatIsNeitherTypedNorRawIsNamed() {
        Map<String, Object> m = model();
        m.remove("bpm");
        assertThatThrownBy(() -> assertEveryFieldReachable(BODY, asModel(m)))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("$.bpm = \"128\" is neither typed nor raw");
    }

    @Test
    void aValueThatChangedIsNamed() {
        Map<String, Object> m = model();
        m.put("tags", List.of(Map.of("n", "b")));
        assertThatThrownBy(() -> assertEveryFieldReachable(BODY, asModel(m)))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("$.tags[0].n was sent as \"a\" and comes back as \"b\"");
    }

    @Test
    void aValueTheWriterDoesNotKnowIsNamed() {
        Map<String, Object> m = model();
        assertThatThrownBy(() -> assertEveryFieldReachable(BODY, m))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("cannot write " + m)
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }
}
