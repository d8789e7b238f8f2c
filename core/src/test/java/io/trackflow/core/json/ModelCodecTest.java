package io.trackflow.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.util.Logger;
import reactor.util.Loggers;

/** The reading rule of {@link ModelCodec}, on a small model of its own (a place with a price and parts). */
class ModelCodecTest {

    static final class Place {
        static {
            Json.register(new PlaceReader());
        }

        long id;
        String name = "";
        Optional<BigDecimal> price = Optional.empty();
        Optional<Place> inner = Optional.empty();
        Optional<Label> label = Optional.empty();
        Optional<RawJson> meta = Optional.empty();
        Optional<Code> code = Optional.empty();
        List<Place> parts = List.of();
        Map<String, RawJson> raw = Map.of();

        Place build() {
            return this;
        }
    }

    static final class PlaceReader extends ModelCodec<Place, Place> {
        PlaceReader() {
            super(Place.class, Place::new, Place::build, (p, raw) -> p.raw = raw, p -> RawFields.of(p.raw));
            required("id", FieldType.LONG, (p, v) -> p.id = v);
            required("name", FieldType.STRING, (p, v) -> p.name = v);
            optional("price", FieldType.DECIMAL, (p, v) -> p.price = Optional.of(v));
            optional("inner", FieldType.model(Place.class), (p, v) -> p.inner = Optional.of(v));
            optional("parts", FieldType.listOf(Place.class), (p, v) -> p.parts = v);
            optional("label", FieldType.model(Label.class), (p, v) -> p.label = Optional.of(v));
            optional("meta", FieldType.model(RawJson.class), (p, v) -> p.meta = Optional.of(v));
            optional("code", FieldType.model(Code.class), (p, v) -> p.code = Optional.of(v));
        }
    }

    /** A strict model (no additional properties) with a required field. */
    static final class Code {
        static {
            Json.register(new CodeReader());
        }

        long id;
    }

    static final class CodeReader extends ModelCodec<Code, Code> {
        CodeReader() {
            super(Code.class, Code::new, c -> c);
            required("id", FieldType.LONG, (c, v) -> c.id = v);
        }
    }

    static final class Label {
        static {
            Json.register(new LabelReader());
        }

        String text = "";
    }

    static final class LabelReader extends ModelCodec<Label, Label> {
        static final AtomicInteger CREATED = new AtomicInteger();

        LabelReader() {
            super(Label.class, Label::new, l -> l, (l, raw) -> {}, l -> RawFields.empty());
            optional("text", FieldType.STRING, (l, v) -> l.text = v);
            CREATED.incrementAndGet();
        }
    }

    @AfterEach
    void resetLoggers() {
        Loggers.resetLoggerFactory();
    }

    /** Reads a place from text (overridden by the classes that run these cases on the other read paths). */
    Place read(String json) throws Exception {
        return Json.read(json, Place.class);
    }

    @Test
    void typedFieldsAreReadAndEverythingElseIsKeptRawInOrder() throws Exception {
        Place p = read("{\"zeta\":1,\"id\":\"7\",\"name\":\"Hall\",\"price\":\"19.90\",\"extra\":{\"a\":[1,2.50]},"
                + "\"inner\":{\"id\":8,\"name\":\"Room\",\"colour\":\"red\"},\"parts\":[{\"id\":9,\"name\":\"Door\"}],"
                + "\"gone\":null}");
        assertThat(p.id).isEqualTo(7);
        assertThat(p.name).isEqualTo("Hall");
        assertThat(p.price).contains(new BigDecimal("19.90"));
        assertThat(p.inner.orElseThrow().name).isEqualTo("Room");
        assertThat(p.inner.orElseThrow().raw).containsExactly(Map.entry("colour", RawJson.parse("\"red\"")));
        assertThat(p.parts).singleElement().satisfies(d -> assertThat(d.name).isEqualTo("Door"));
        assertThat(p.raw.keySet()).containsExactly("zeta", "extra", "gone");
        assertThat(p.raw.get("extra")).isEqualTo(RawJson.parse("{\"a\":[1,2.50]}"));
        assertThat(p.raw.get("gone").isNull()).isTrue();
    }

    /**
     * A field sent twice, once in a form that reads and once not (either order): the value that reads wins,
     * and no raw value of that name is kept beside it, so that what is written reads back the same (the
     * round trip: {@code TrackFieldsTest} of trackflow-beyondwords).
     */
    @ParameterizedTest
    @ValueSource(strings = {"\"price\":\"cheap\",\"price\":1.50", "\"price\":1.50,\"price\":\"cheap\""})
    void aFieldSentTwiceKeepsTheValueThatReads(String prices) throws Exception {
        Place p = read("{\"id\":1,\"name\":\"Hall\"," + prices + ",\"zeta\":true}");
        assertThat(p.price).contains(new BigDecimal("1.50"));
        assertThat(p.raw.keySet()).containsExactly("zeta");
    }

    /**
     * The codec guesses each name from the names that followed the previous one in earlier objects: objects
     * whose names come in ever-changing orders, with names the model does not know among them (some of
     * them another model's field names) and names sent twice, each read exactly as it came.
     */
    @Test
    void objectsWhoseNamesComeInChangingOrdersEachReadAsTheyCame() throws Exception {
        java.util.Random random = new java.util.Random(42);
        String[] unknown = {"zeta", "colour", "id2", "Name", "nam", "names", "code2", "url", "duration"};
        for (int round = 0; round < 400; round++) {
            List<String> names = new ArrayList<>(List.of("id", "name", "price"));
            for (String u : unknown) {
                if (random.nextInt(3) == 0) {
                    names.add(u);
                }
            }
            if (random.nextInt(4) == 0) {
                names.remove("price");
            }
            java.util.Collections.shuffle(names, random);
            if (random.nextInt(8) == 0) {
                names.add(names.get(random.nextInt(names.size()))); // sent twice: the later value counts
            }
            StringBuilder json = new StringBuilder("{");
            Map<String, String> last = new java.util.LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                String n = names.get(i);
                String v = n.equals("id") ? Integer.toString(round * 10 + i) : "\"" + n + round + "-" + i + "\"";
                if (n.equals("price")) {
                    v = "\"" + round + "." + i + "\"";
                }
                json.append(i == 0 ? "" : ",")
                        .append('"')
                        .append(n)
                        .append("\":")
                        .append(v);
                last.remove(n);
                last.put(n, v);
            }
            String text = json.append('}').toString();
            Place p = read(text);
            String id = last.get("id");
            assertThat(p.id).as(text).isEqualTo(Long.parseLong(id));
            assertThat('"' + p.name + '"').as(text).isEqualTo(last.get("name"));
            assertThat(p.price.map(d -> '"' + d.toPlainString() + '"'))
                    .as(text)
                    .isEqualTo(Optional.ofNullable(last.get("price")));
            Map<String, RawJson> raw = new java.util.LinkedHashMap<>();
            for (String n : names) {
                if (last.containsKey(n) && !List.of("id", "name", "price").contains(n)) {
                    raw.putIfAbsent(n, RawJson.parse(last.get(n)));
                }
            }
            assertThat(p.raw).as(text).containsExactlyInAnyOrderEntriesOf(raw);
        }
    }

    /**
     * Bodies whose names never settle do not make the codec's guesses keep more than a bound: here objects
     * whose unknown names spell every path of a binary tree 12 levels deep (each name one of two at its
     * depth: 8,190 slots if a slot were kept per place in the order), a name of 4,000 characters and 1,000
     * distinct names.
     */
    @Test
    void namesThatNeverSettleKeepABoundedNumberOfGuesses() throws Exception {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 4096; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"name\":\"n\"");
            for (int depth = 0; depth < 12; depth++) {
                json.append(",\"")
                        .append((i >> depth & 1) == 0 ? 'a' : 'b')
                        .append(depth)
                        .append("\":0");
            }
            if (i == 7) {
                json.append(",\"").append("long".repeat(1000)).append("\":0");
            }
            for (int k = 0; i == 4095 && k < 1000; k++) {
                json.append(",\"z").append(k).append("\":0");
            }
            json.append('}');
        }
        List<Place> read = Json.readList(stream(json.append(']').toString()), Place.class);
        assertThat(read).hasSize(4096);
        assertThat(read.get(4095).raw).hasSize(1012).containsKey("b11").containsKey("z999");
        ModelFields<?, ?> fields =
                ((ModelStream<?, ?>) io.trackflow.core.json.internal.Codecs.find(Place.class)).codec.fields;
        assertThat(fields.slotsKept()).isLessThanOrEqualTo(8 + ModelFields.MAX_UNKNOWN);
        assertThat(fields.longestNameKept()).isLessThanOrEqualTo(ModelFields.MAX_UNKNOWN_LENGTH);
        assertThat(read.get(7).raw).containsKey("long".repeat(1000));
    }

    @Test
    void anOptionalFieldThatDoesNotReadIsAbsentAndKeptRawAndTheRestStillReads() throws Exception {
        Place p = read("{\"id\":1,\"price\":\"$5\",\"inner\":{\"id\":2,\"deep\":{\"x\":[1]}},"
                + "\"parts\":[{\"id\":3,\"name\":\"ok\"},{\"id\":4}],\"name\":\"after\"}");
        assertThat(p.price).isEmpty();
        assertThat(p.inner).isEmpty(); // no name: the inner place does not read
        assertThat(p.parts).isEmpty(); // one part does not read: the list is kept whole, raw
        assertThat(p.name).isEqualTo("after");
        assertThat(p.raw)
                .containsExactly(
                        Map.entry("price", RawJson.parse("\"$5\"")),
                        Map.entry("inner", RawJson.parse("{\"id\":2,\"deep\":{\"x\":[1]}}")),
                        Map.entry("parts", RawJson.parse("[{\"id\":3,\"name\":\"ok\"},{\"id\":4}]")));
    }

    @Test
    void aNestedValueThatDoesNotReadIsKeptExactlyAsSentWithWhatWasReadTypedInsideIt() throws Exception {
        // no name: the inner place does not read, after its id, price, parts and label were read typed
        String inner = "{\"id\":\"7\",\"price\":\"19.90\",\"gone\":null,\"parts\":[{\"id\":9,\"name\":\"Door\","
                + "\"x\":true},{\"id\":10,\"name\":\"Wall\",\"price\":1e2}],\"label\":{\"text\":\"x\"},\"inner\":null}";
        Place p = read("{\"id\":1,\"name\":\"n\",\"inner\":" + inner + ",\"parts\":[" + inner + "]}");
        assertThat(p.inner).isEmpty();
        assertThat(p.parts).isEmpty();
        assertThat(p.raw.get("inner")).isEqualTo(RawJson.parse(inner));
        assertThat(p.raw.get("inner").toJson()).isEqualTo(RawJson.parse(inner).toJson());
        assertThat(p.raw.get("parts")).isEqualTo(RawJson.parse("[" + inner + "]"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"id\":1,\"name\":\"n\",\"inner\":{\"id\":2,\"name\":\"m\",\"price\":\"\\]},\"evil\":true}",
                "{\"id\":1,\"name\":\"\\]\",\"evil\":true}",
                "{\"id\":1,\"name\":\"n\",\"inner\":{\"id\":2,\"name\":\"a\u0001}}",
                "{\"id\":1,\"name\":\"n\",\"parts\":[{\"id\":2,\"name\":\"\\x\"}]}"
            })
    void brokenJsonInsideAStringFailsTheReadAtAnyDepth(String json) {
        // a string is decoded lazily: its error must not pass for a value that does not read
        assertThatThrownBy(() -> read(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not well-formed JSON");
    }

    @Test
    void whatDoesNotReadIsKeptWithEveryFieldItWasSentWithAtAnyDepth() throws Exception {
        // a strict model's unknown fields and a value of another codec (RawJson) are part of the raw value
        String inner = "{\"id\":2,\"meta\":{\"a\":[1,2.50]},\"code\":{\"unknown\":[1,{}],\"id\":3}}"; // no name
        assertThat(read("{\"id\":1,\"name\":\"n\",\"inner\":" + inner + "}").raw.get("inner"))
                .isEqualTo(RawJson.parse(inner));

        Place p = read("{\"id\":1,\"name\":\"n\",\"inner\":{\"id\":2,\"name\":\"m\",\"meta\":{\"a\":1},"
                + "\"code\":{\"unknown\":[1,2],\"id\":\"x\"}}}");
        assertThat(p.inner.orElseThrow().code).isEmpty();
        assertThat(p.inner.orElseThrow().raw.get("code")).isEqualTo(RawJson.parse("{\"unknown\":[1,2],\"id\":\"x\"}"));
        assertThat(p.inner.orElseThrow().meta).contains(RawJson.parse("{\"a\":1}"));

        String deep = "{\"id\":3,\"meta\":[null],\"code\":{\"u\":0,\"id\":4}}"; // no name, two levels down
        p = read("{\"id\":1,\"name\":\"n\",\"inner\":{\"id\":2,\"name\":\"m\",\"inner\":" + deep + "}}");
        assertThat(p.inner.orElseThrow().inner).isEmpty();
        assertThat(p.inner.orElseThrow().raw.get("inner")).isEqualTo(RawJson.parse(deep));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"x\"", "42", "[]", "[1]", "[{\"id\":1,\"name\":\"a\"},null]", "{}"})
    void aStructureOfTheWrongShapeIsKeptRaw(String value) throws Exception {
        Place p = read("{\"id\":1,\"name\":\"n\",\"inner\":" + value + ",\"parts\":" + value + "}");
        assertThat(p.inner).isEmpty();
        if (!value.equals("[]")) {
            assertThat(p.raw).containsEntry("parts", RawJson.parse(value));
        }
        assertThat(p.raw).containsEntry("inner", RawJson.parse(value));
    }

    @Test
    void nullIsAbsentNotRaw() throws Exception {
        Place p = read("{\"id\":1,\"name\":\"n\",\"price\":null,\"inner\":null,\"parts\":null}");
        assertThat(p.price).isEmpty();
        assertThat(p.inner).isEmpty();
        assertThat(p.parts).isEmpty();
        assertThat(p.raw).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\":1}", "{\"id\":1,\"name\":null}", "{\"name\":\"n\"}", "{}"})
    void aMissingRequiredFieldFailsNamingTheFirstMissing(String json) {
        String missing = json.contains("\"id\"") ? "name" : "id";
        assertThatThrownBy(() -> read(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Place: required field '" + missing + "' is missing");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"{\"id\":\"x\",\"name\":\"n\"}", "{\"id\":1.5,\"name\":\"n\"}", "{\"id\":{},\"name\":\"n\"}"})
    void aMalformedRequiredFieldFailsNamingItAndItsValue(String json) {
        assertThatThrownBy(() -> read(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Place: required field 'id' is not an integer");
    }

    @Test
    void aMalformedRequiredFieldOfANestedValueOnlyLosesThatValue() throws Exception {
        Place p = read("{\"id\":1,\"name\":\"n\",\"inner\":{\"id\":\"x\",\"name\":\"m\"}}");
        assertThat(p.inner).isEmpty();
        assertThat(p.raw).containsOnlyKeys("inner");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"x\"", "7"})
    void aBodyThatIsNotAnObjectFails(String json) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCodecsOfNestedModelsAreRegisteredOnceNeverCreatedOnUse() throws Exception {
        // a nested model's codec is looked up in the registry (its class registers it once), never created
        read("{\"id\":1,\"name\":\"n\",\"label\":{\"text\":\"x\"}}");
        int created = LabelReader.CREATED.get();
        assertThat(created).isEqualTo(1);
        Place p = read("{\"id\":1,\"name\":\"n\",\"label\":{\"text\":\"y\"}}");
        assertThat(p.label.orElseThrow().text).isEqualTo("y");
        assertThat(LabelReader.CREATED.get()).isEqualTo(created);
    }

    @Test
    void anUnreadableValueIsLoggedOncePerFieldAtDebugLevel() throws Exception {
        List<String> lines = new ArrayList<>();
        Loggers.useCustomLoggers(name -> recording(name, lines));
        PlaceReader fresh = new PlaceReader(); // a new codec takes the logger factory
        for (int i = 0; i < 3; i++) {
            fresh.read("{\"id\":1,\"name\":\"n\",\"price\":\"$" + i + "\",\"inner\":7}");
        }
        assertThat(lines)
                .containsExactlyInAnyOrder(
                        Place.class.getName() + ": Place.price is not a number or a numeric string: \"$0\"; read as"
                                + " absent, kept raw in additionalProperties() (logged once per field)",
                        Place.class.getName() + ": Place.inner is not an object: 7; read as"
                                + " absent, kept raw in additionalProperties() (logged once per field)");
    }

    @Test
    void aListOfModelsReadsEachItemByTheSameRule() throws Exception {
        List<Place> places = Json.readList(
                stream("[{\"id\":1,\"name\":\"a\",\"price\":\"?\"},{\"id\":2,\"name\":\"b\",\"price\":3}]"),
                Place.class);
        assertThat(places).extracting(p -> p.price.isPresent()).containsExactly(false, true);
        assertThatThrownBy(() -> Json.readList(stream("[{\"id\":1,\"name\":\"a\"},{\"id\":2}]"), Place.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'name' is missing");
    }

    /** A request type: a strict codec (a field that is sent must read; unknown fields ignored). */
    static final class Request {
        Optional<Long> project = Optional.empty();
        Optional<RawJson> meta = Optional.empty();
    }

    static final class RequestCodec extends ModelCodec<Request, Request> {
        RequestCodec() {
            super(Request.class, Request::new, r -> r);
            optional(
                    "project",
                    FieldType.objectWith("id", FieldType.LONG),
                    (r, v) -> r.project = Optional.of(v),
                    r -> r.project);
            optional("meta", FieldType.RAW, (r, v) -> r.meta = Optional.of(v), r -> r.meta);
        }
    }

    @Test
    void aStrictCodecReadsAnObjectWithItsFieldAndAnyJsonAndWritesTheRequestForm() {
        RequestCodec codec = new RequestCodec();
        Request r = codec.read("{\"project\":{\"id\":\"7\",\"name\":\"x\"},\"meta\":{\"a\":[1,2.50]},\"other\":1}");
        assertThat(r.project).contains(7L);
        assertThat(r.meta).contains(RawJson.parse("{\"a\":[1,2.50]}"));
        assertThat(codec.write(r)).isEqualTo("{\"project\":{\"id\":7},\"meta\":{\"a\":[1,2.50]}}");
        assertThat(codec.read("{}").project).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"project\":7}", "{\"project\":{\"id\":\"x\"}}", "{\"project\":{}}", "{\"project\":[]}"})
    void aStrictCodecFailsNamingTheFieldThatDoesNotRead(String json) {
        assertThatThrownBy(() -> new RequestCodec().read(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Request: field 'project' is not an object with id");
    }

    private static java.io.InputStream stream(String json) {
        return new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A debug-enabled logger that records "name: message" with its arguments put in. */
    private static Logger recording(String name, List<String> lines) {
        return (Logger) java.lang.reflect.Proxy.newProxyInstance(
                Logger.class.getClassLoader(), new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "isDebugEnabled":
                            return true;
                        case "getName":
                            return name;
                        case "debug":
                            if (name.equals(Place.class.getName())) {
                                lines.add(name + ": " + format((String) args[0], (Object[]) args[1]));
                            }
                            return null;
                        default:
                            return method.getReturnType() == boolean.class ? false : null;
                    }
                });
    }

    private static String format(String pattern, @Nullable Object[] args) {
        String out = pattern;
        for (Object a : args) {
            out = out.replaceFirst("\\{}", java.util.regex.Matcher.quoteReplacement(String.valueOf(a)));
        }
        return out;
    }
}
