package io.trackflow.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RawJsonTest {

    @Test
    void anObjectKeepsItsFieldsInOrderAndItsNumbersExactly() {
        RawJson v = RawJson.parse("{\"b\":19.90,\"a\":[1,\"x\",null,true],\"c\":{\"d\":12345678901234567890}}");
        assertThat(v.kind()).isEqualTo(RawJson.Kind.OBJECT);
        assertThat(v.fields()).containsOnlyKeys("b", "a", "c");
        assertThat(v.fields().keySet()).containsExactly("b", "a", "c");
        assertThat(v.get("b").flatMap(RawJson::asDecimal)).contains(new BigDecimal("19.90"));
        assertThat(v.get("a").orElseThrow().elements())
                .extracting(RawJson::kind)
                .containsExactly(RawJson.Kind.NUMBER, RawJson.Kind.STRING, RawJson.Kind.NULL, RawJson.Kind.BOOLEAN);
        assertThat(v.get("a").flatMap(a -> a.get(1)).flatMap(RawJson::asString)).contains("x");
        assertThat(v.get("a").flatMap(a -> a.get(3)).flatMap(RawJson::asBoolean))
                .contains(true);
        assertThat(v.get("a").flatMap(a -> a.get(2)).map(RawJson::isNull)).contains(true);
        assertThat(v.get("c").flatMap(c -> c.get("d")).flatMap(RawJson::asDecimal))
                .contains(new BigDecimal("12345678901234567890"));
        assertThat(v.toJson()).isEqualTo("{\"b\":19.90,\"a\":[1,\"x\",null,true],\"c\":{\"d\":12345678901234567890}}");
        assertThat(v).hasToString(v.toJson());
    }

    @Test
    void accessorsOfTheWrongKindAreEmptyNeverConverted() {
        RawJson s = RawJson.parse("\"42\"");
        assertThat(s.asDecimal()).isEmpty();
        assertThat(s.asBoolean()).isEmpty();
        assertThat(s.fields()).isEmpty();
        assertThat(s.elements()).isEmpty();
        assertThat(s.get("x")).isEmpty();
        assertThat(s.get(0)).isEmpty();
        assertThat(RawJson.parse("42").asString()).isEmpty();
        assertThat(RawJson.parse("[1]").get(1)).isEmpty();
        assertThat(RawJson.parse("{}").get("missing")).isEmpty();
    }

    @Test
    void itCannotBeChangedThroughWhatItHandsOut() {
        RawJson v = RawJson.parse("{\"a\":[1,2],\"b\":{\"c\":3}}");
        Map<String, RawJson> fields = v.fields();
        assertThatThrownBy(() -> fields.put("x", RawJson.parse("1"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> v.get("a").orElseThrow().elements().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(v.toJson()).isEqualTo("{\"a\":[1,2],\"b\":{\"c\":3}}");
    }

    @Test
    void valuesAreEqualWhenTheyHoldTheSameJson() {
        assertThat(RawJson.parse(" { \"a\" : [ 1 , 2.50 ] } "))
                .isEqualTo(RawJson.parse("{\"a\":[1,2.50]}"))
                .hasSameHashCodeAs(RawJson.parse("{\"a\":[1,2.50]}"))
                .isEqualTo(RawJson.parse("{\"a\":[1,2.5]}")) // decimals by value
                .isNotEqualTo(RawJson.parse("{\"a\":[1.0,2.5]}"))
                .isNotEqualTo(RawJson.parse("{\"a\":[\"1\",2.50]}"));
    }

    @Test
    void trackflowsMapperWritesAndReadsItAsTheJsonItHolds() throws Exception {
        RawJson v = RawJson.parse("{\"price\":19.90,\"tags\":[],\"x\":null}");
        String written = Json.write(java.util.List.of(v));
        assertThat(written).isEqualTo("[{\"price\":19.90,\"tags\":[],\"x\":null}]");
        assertThat(Json.read("{\"price\":19.90,\"tags\":[],\"x\":null}", RawJson.class))
                .isEqualTo(v);
        assertThat(Json.read("1e3", RawJson.class).toJson()).isEqualTo("1e3"); // digits as sent
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "{", "{\"a\":1} 2", "[1,]", "nope"})
    void textThatIsNotOneJsonValueIsRefused(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RawJson.parse(text))
                .withMessageContaining("json");
    }

    @Test
    void nestingIsCapped() {
        assertThatIllegalArgumentException().isThrownBy(() -> RawJson.parse("[".repeat(201) + "]".repeat(201)));
        assertThat(RawJson.parse("[".repeat(200) + "]".repeat(200)).kind()).isEqualTo(RawJson.Kind.ARRAY);
    }
}
