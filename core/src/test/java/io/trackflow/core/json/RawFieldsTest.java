package io.trackflow.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RawFieldsTest {

    private static RawFields fields(String... nameValue) {
        RawFields.Collector c = new RawFields.Collector();
        for (int i = 0; i < nameValue.length; i += 2) {
            c.put(nameValue[i], RawJson.parse(nameValue[i + 1]));
        }
        return c.build();
    }

    @Test
    void aMapOfTheFieldsInTheOrderSent() {
        RawFields f = fields("b", "1", "a", "[true]", "c", "null", "d", "{\"x\":1}", "e", "\"s\"");
        assertThat(f).hasSize(5).containsKeys("a", "b", "c", "d", "e").doesNotContainKey("z");
        assertThat(f.keySet()).containsExactly("b", "a", "c", "d", "e");
        assertThat(f.get("a")).isEqualTo(RawJson.parse("[true]"));
        assertThat(f.get("z")).isNull();
        assertThat(f.asObject())
                .isEqualTo(RawJson.parse("{\"b\":1,\"a\":[true],\"c\":null,\"d\":{\"x\":1},\"e\":\"s\"}"));
        Map<String, RawJson> same = new LinkedHashMap<>();
        f.forEach(same::put);
        assertThat(f).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(RawFields.of(same)).isEqualTo(f);
    }

    @Test
    void aNameSentTwiceKeepsTheLaterValueInTheFirstPlace() {
        RawFields f = fields("a", "1", "b", "2", "a", "3");
        assertThat(f.keySet()).containsExactly("a", "b");
        assertThat(f.get("a")).isEqualTo(RawJson.parse("3"));
    }

    @Test
    void itCannotBeChanged() {
        RawFields f = fields("a", "1");
        assertThatThrownBy(() -> f.put("b", RawJson.parse("2"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> f.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(f::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> f.entrySet().iterator().remove()).isInstanceOf(RuntimeException.class);
        assertThat(f).containsOnlyKeys("a");
        assertThat(RawFields.empty()).isEmpty();
        assertThat(RawFields.of(Map.of())).isSameAs(RawFields.empty());
    }
}
