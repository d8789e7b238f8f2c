package io.trackflow.beatpass;

import static io.trackflow.testkit.ModelAssertions.assertEveryFieldReachable;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackflow.beatpass.model.Track;
import io.trackflow.core.error.DecodingException;
import io.trackflow.core.ratelimit.RateLimits;
import io.trackflow.core.retry.RetryPolicy;
import io.trackflow.testkit.FakeBeatPass;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import reactor.core.publisher.Mono;

/**
 * Track bodies generated from BeatPass's own published schema (an excerpt of its OpenAPI file in
 * {@code beatpass-openapi-tracks.json}: the 200 response of {@code GET /tracks/{id}}): any string where
 * it says string (now and then its example), any integer where it says integer, any boolean, {@code
 * null} where it says nullable, arrays of 0 to 3 items, and every property present or not (the schema
 * requires none). Served by the fake and looked up with the client: a lookup never fails, and every
 * field is reachable typed or raw, unless the track's own {@code id} or {@code name} (required by the
 * model) is missing or malformed, and then it fails with a {@code DecodingException} naming it.
 */
class TrackBodiesProperties {

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonNode SPEC = spec();
    private static final AtomicLong IDS = new AtomicLong(100_000);

    private static FakeBeatPass server;
    private static BeatPassClient client;

    private static JsonNode spec() {
        try (InputStream in = TrackBodiesProperties.class.getResourceAsStream("/beatpass-openapi-tracks.json")) {
            return PLAIN.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeContainer
    static void start() {
        server = FakeBeatPass.builder()
                .rateLimitPerMinute(1_000_000)
                .recordRequests(false)
                .start();
        client = BeatPassClient.builder()
                .token(server.token())
                .baseUrl(server.baseUrl())
                .retryPolicy(RetryPolicy.none())
                .rateLimiter(RateLimits.none())
                .build();
    }

    @AfterContainer
    static void stop() {
        client.close();
        server.close();
    }

    @Provide
    Arbitrary<JsonNode> trackBodies() {
        JsonNode response = SPEC.at("/paths/~1tracks~1{id}/get/responses/200/content/application~1json/schema");
        return value(response.at("/properties/track"), 0);
    }

    @Property(tries = 250)
    void aSchemaValidBodyNeverFailsALookupButForTheTracksOwnIdAndName(@ForAll("trackBodies") JsonNode track) {
        String body = track.toString();
        long id = IDS.incrementAndGet();
        server.putRawTrack(id, body);
        Optional<String> broken = brokenRequiredField(track);
        Statistics.label("outcome").collect(broken.map(f -> "fails on " + f).orElse("decodes"));
        Statistics.label("outcome").coverage(c -> c.check("decodes").percentage(p -> p > 60));
        Mono<Track> lookup = client.tracks().get(id);
        if (broken.isEmpty()) {
            Track t = lookup.block(Duration.ofSeconds(10));
            assertThat(t.id()).isEqualTo(track.get("id").longValue());
            assertThat(t.name()).isEqualTo(track.get("name").textValue());
            assertEveryFieldReachable(body, t);
        } else {
            assertThat(lookup.map(Object.class::cast)
                            .onErrorResume(e -> Mono.just(e))
                            .block(Duration.ofSeconds(10)))
                    .isInstanceOfSatisfying(
                            DecodingException.class,
                            e -> assertThat(e).hasMessageContaining("Track: required field '" + broken.get() + "'"));
        }
    }

    /** Bodies with the track's {@code id} or {@code name} of a type the schema does not allow. */
    @Provide
    Arbitrary<JsonNode> bodiesWithAMalformedRequiredField() {
        Arbitrary<JsonNode> structures = Arbitraries.of(
                NODES.booleanNode(true), NODES.objectNode(), NODES.arrayNode().add(1));
        Arbitrary<JsonNode> notAnId = Arbitraries.oneOf(
                structures,
                Arbitraries.strings().alpha().ofMinLength(1).map(NODES::textNode),
                Arbitraries.doubles().filter(d -> d != Math.rint(d)).map(NODES::numberNode));
        Arbitrary<JsonNode> notAName =
                Arbitraries.oneOf(structures, Arbitraries.longs().map(NODES::numberNode));
        Arbitrary<Map.Entry<String, JsonNode>> broken =
                Arbitraries.oneOf(notAnId.map(v -> Map.entry("id", v)), notAName.map(v -> Map.entry("name", v)));
        return Combinators.combine(trackBodies(), broken).as((body, field) -> {
            ObjectNode o = ((ObjectNode) body).deepCopy();
            o.put("id", 1).put("name", "n");
            o.set(field.getKey(), field.getValue());
            return o;
        });
    }

    @Property(tries = 60)
    void aMalformedIdOrNameFailsTheLookupNamingIt(@ForAll("bodiesWithAMalformedRequiredField") JsonNode track) {
        long id = IDS.incrementAndGet();
        server.putRawTrack(id, track.toString());
        String field = brokenRequiredField(track).orElseThrow();
        assertThat(client.tracks()
                        .get(id)
                        .map(Object.class::cast)
                        .onErrorResume(e -> Mono.just(e))
                        .block(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(
                        DecodingException.class,
                        e -> assertThat(e).hasMessageContaining("Track: required field '" + field + "'"));
    }

    /** The first of the track's required fields that is missing or not of its type, if any. */
    private static Optional<String> brokenRequiredField(JsonNode track) {
        JsonNode id = track.get("id");
        if (id == null || !id.canConvertToLong() || !id.isIntegralNumber()) {
            return Optional.of("id");
        }
        JsonNode name = track.get("name");
        return name == null || !name.isTextual() ? Optional.of("name") : Optional.empty();
    }

    // ---- values from the schema

    private static Arbitrary<JsonNode> value(JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        if (s.has("allOf")) {
            ObjectNode merged = NODES.objectNode();
            ObjectNode properties = merged.putObject("properties");
            s.get("allOf")
                    .forEach(
                            part -> properties.setAll((ObjectNode) resolve(part).path("properties")));
            merged.put("type", "object");
            s = merged;
        }
        Arbitrary<JsonNode> v = typed(s, depth);
        return s.path("nullable").asBoolean(false) ? v.injectNull(0.2).map(n -> n == null ? NODES.nullNode() : n) : v;
    }

    private static Arbitrary<JsonNode> typed(JsonNode s, int depth) {
        switch (s.path("type").asText("object")) {
            case "string": {
                Arbitrary<JsonNode> any = Arbitraries.strings()
                        .withCharRange('\u0000', '\uD7FF')
                        .withCharRange('\uE000', '\uFFFD')
                        .ofMaxLength(24)
                        .map(NODES::textNode);
                if (!s.has("example")) {
                    return any;
                }
                Arbitrary<JsonNode> example =
                        Arbitraries.just(NODES.textNode(s.get("example").asText()));
                return Arbitraries.frequencyOf(Tuple.of(3, any), Tuple.of(1, example));
            }
            case "integer":
                return "int64".equals(s.path("format").asText())
                        ? Arbitraries.longs().map(NODES::numberNode)
                        : Arbitraries.bigIntegers()
                                .between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                                .map(NODES::numberNode);
            case "number":
                return Arbitraries.doubles().map(NODES::numberNode);
            case "boolean":
                return Arbitraries.of(true, false).map(NODES::booleanNode);
            case "array":
                return depth > 3
                        ? Arbitraries.just(NODES.arrayNode())
                        : value(s.get("items"), depth + 1).list().ofMaxSize(3).map(items -> {
                            List<JsonNode> copy = new ArrayList<>(items);
                            return NODES.arrayNode().addAll(copy);
                        });
            default:
                return object(s, depth);
        }
    }

    private static Arbitrary<JsonNode> object(JsonNode s, int depth) {
        List<String> names = new ArrayList<>();
        List<Arbitrary<Optional<JsonNode>>> values = new ArrayList<>();
        if (depth <= 3) {
            s.path("properties").properties().forEach(p -> {
                names.add(p.getKey());
                values.add(value(p.getValue(), depth + 1).optional(0.9));
            });
        }
        return Combinators.combine(values).as(present -> {
            ObjectNode o = NODES.objectNode();
            for (int i = 0; i < names.size(); i++) {
                int at = i;
                present.get(i).ifPresent(v -> o.set(names.get(at), v));
            }
            return o;
        });
    }

    private static JsonNode resolve(JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        return ref == null ? schema : SPEC.at(ref.asText().substring(1));
    }
}
