package io.trackflow.conformance;

import static io.trackflow.testkit.ModelAssertions.assertEveryFieldReachable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trackflow.beatpass.BeatPassClient;
import io.trackflow.beatpass.model.Album;
import io.trackflow.beatpass.model.Artist;
import io.trackflow.beatpass.model.Genre;
import io.trackflow.beatpass.model.Tag;
import io.trackflow.beatpass.model.Track;
import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.BackgroundTrackRequest;
import io.trackflow.beyondwords.model.Media;
import io.trackflow.beyondwords.model.ProjectRef;
import io.trackflow.core.error.DecodingException;
import io.trackflow.core.json.Json;
import io.trackflow.core.json.RawFields;
import io.trackflow.core.json.RawJson;
import io.trackflow.core.paging.PageCursor;
import io.trackflow.core.ratelimit.RateLimits;
import io.trackflow.core.retry.RetryPolicy;
import io.trackflow.testkit.FakeBeatPass;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * One contract for trackflow's JSON, run against both Jackson majors: provider bodies generated with every
 * awkward thing the providers send (unknown fields of every JSON type, big and exact numbers, deep nesting,
 * every timestamp form, numbers as strings, {@code null}s, unreadable values) are read alike by the client
 * (over HTTP, from the fake) and by an application's own mapper found with Jackson's standard discovery;
 * what the mapper writes is what trackflow writes, reads back equal, and gives back every field of the body.
 */
class JsonContractProperties {

    /** An application's own mapper, of either major, with trackflow's module found by discovery. */
    enum Major {
        JACKSON3 {
            private final JsonMapper mapper =
                    JsonMapper.builder().findAndAddModules().build();
            // a tree keeps a decimal's scale only when told to (Jackson strips trailing zeros by default)
            private final JsonMapper exactTrees = JsonMapper.builder()
                    .findAndAddModules()
                    .disable(tools.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                    .build();

            @Override
            String write(Object value) {
                return mapper.writeValueAsString(value);
            }

            @Override
            <T> T read(String json, Class<T> type) {
                return mapper.readValue(json, type);
            }

            @Override
            Class<? extends Exception> mismatch() {
                return tools.jackson.databind.exc.MismatchedInputException.class;
            }

            @Override
            <T> T throughTree(T value, Class<T> type) {
                return exactTrees.treeToValue(exactTrees.valueToTree(value), type);
            }

            @Override
            <T> T converted(T value, Class<T> type) {
                return mapper.convertValue(value, type);
            }
        },
        JACKSON2 {
            private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
            // a tree keeps a decimal's scale only when told to (Jackson strips trailing zeros by default)
            private final ObjectMapper exactTrees = new ObjectMapper()
                    .findAndRegisterModules()
                    .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

            @Override
            String write(Object value) throws Exception {
                return mapper.writeValueAsString(value);
            }

            @Override
            <T> T read(String json, Class<T> type) throws Exception {
                return mapper.readValue(json, type);
            }

            @Override
            Class<? extends Exception> mismatch() {
                return com.fasterxml.jackson.databind.exc.MismatchedInputException.class;
            }

            @Override
            <T> T throughTree(T value, Class<T> type) throws Exception {
                return exactTrees.treeToValue(exactTrees.valueToTree(value), type);
            }

            @Override
            <T> T converted(T value, Class<T> type) {
                return mapper.convertValue(value, type);
            }
        };

        /** The value written into the mapper's tree and read back (a token buffer both ways). */
        abstract <T> T throughTree(T value, Class<T> type) throws Exception;

        /** The value converted by the mapper (written and read through its token buffer). */
        abstract <T> T converted(T value, Class<T> type);

        abstract String write(Object value) throws Exception;

        abstract <T> T read(String json, Class<T> type) throws Exception;

        abstract Class<? extends Exception> mismatch();
    }

    private static final AtomicLong IDS = new AtomicLong(500_000);
    private static FakeBeatPass server;
    private static BeatPassClient client;

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

    // --- the contract -------------------------------------------------------------------------------------

    @Property(tries = 300, shrinking = ShrinkingMode.OFF)
    void aTrackBodyReadsAlikeThroughTheClientAndTheMapperAndWritesBackAsSent(
            @ForAll("trackBodies") String body, @ForAll Major major) throws Exception {
        long id = IDS.incrementAndGet();
        server.putRawTrack(id, body);
        Object viaClient = client.tracks()
                .get(id)
                .map(Object.class::cast)
                .onErrorResume(e -> Mono.just(e))
                .block(Duration.ofSeconds(10));
        Statistics.label("outcome").collect(viaClient instanceof Track ? "decodes" : "fails");
        Statistics.label("outcome").coverage(c -> c.check("decodes").percentage(p -> p > 40));
        if (viaClient instanceof Track) {
            Track t = (Track) viaClient;
            assertThat(major.read(body, Track.class)).isEqualTo(t);
            assertWritesAsSent(major, body, t, Track.class);
        } else {
            assertThat(viaClient).isInstanceOf(DecodingException.class);
            String field = requiredFieldIn(((Exception) viaClient).getMessage());
            assertThatThrownBy(() -> major.read(body, Track.class))
                    .isInstanceOf(major.mismatch())
                    .hasMessageContaining("required field '" + field + "'");
        }
    }

    @Property(tries = 300, shrinking = ShrinkingMode.OFF)
    void aBackgroundTrackBodyReadsAlikeThroughTheCodecAndTheMapperAndWritesBackAsSent(
            @ForAll("backgroundTrackBodies") String body, @ForAll Major major) throws Exception {
        BackgroundTrack t;
        try {
            t = Json.read(body, BackgroundTrack.class); // the client's wire path reads bodies with this codec
        } catch (IllegalArgumentException e) {
            Statistics.label("outcome").collect("fails");
            String field = requiredFieldIn(e.getMessage());
            assertThatThrownBy(() -> major.read(body, BackgroundTrack.class))
                    .isInstanceOf(major.mismatch())
                    .hasMessageContaining("required field '" + field + "'");
            return;
        }
        Statistics.label("outcome").collect("decodes");
        Statistics.label("outcome").coverage(c -> c.check("decodes").percentage(p -> p > 40));
        assertThat(major.read(body, BackgroundTrack.class)).isEqualTo(t);
        assertWritesAsSent(major, body, t, BackgroundTrack.class);
    }

    @Property(tries = 200, shrinking = ShrinkingMode.OFF)
    void rawJsonAndRawFieldsAreWrittenAndReadAsTheJsonTheyHold(@ForAll("anyObject") String json, @ForAll Major major)
            throws Exception {
        RawJson raw = RawJson.parse(json);
        assertThat(major.write(raw)).isEqualTo(raw.toJson());
        assertThat(major.read(raw.toJson(), RawJson.class)).isEqualTo(raw);
        RawFields fields = RawFields.of(raw.fields());
        assertThat(major.write(fields)).isEqualTo(raw.toJson());
        assertThat(major.read(raw.toJson(), RawFields.class)).isEqualTo(fields);
        assertThat(major.throughTree(raw, RawJson.class)).isEqualTo(raw);
    }

    @Property(tries = 100)
    void aRequestIsWrittenInItsRequestFormAndReadBack(@ForAll("requests") BackgroundTrackRequest r, @ForAll Major major)
            throws Exception {
        String written = major.write(r);
        assertThat(written).isEqualTo(Json.write(r));
        r.projectId().ifPresent(p -> assertThat(written).contains("\"project\":{\"id\":" + p + "}"));
        r.mediaUrl().ifPresent(u -> assertThat(written).contains("\"media\":{\"url\":\"" + u + "\"}"));
        assertThat(major.read(written, BackgroundTrackRequest.class)).isEqualTo(r);
    }

    @Property(tries = 50)
    void aCursorIsItsText(@ForAll("cursors") PageCursor c, @ForAll Major major) throws Exception {
        assertThat(major.write(c)).isEqualTo("\"" + c + "\"");
        assertThat(major.read("\"" + c + "\"", PageCursor.class)).isEqualTo(c);
    }

    @Property(tries = 20)
    void badInputGetsTheMajorsOwnMismatchNamingTheFieldNeverANullPointer(
            @ForAll("badRequests") Map.Entry<String, String> bad, @ForAll Major major) {
        assertThatThrownBy(() -> major.read(bad.getValue(), BackgroundTrackRequest.class))
                .isInstanceOf(major.mismatch())
                .hasMessageContaining(bad.getKey());
    }

    private static <T> void assertWritesAsSent(Major major, String body, T value, Class<T> type) throws Exception {
        String written = major.write(value);
        assertThat(written).isEqualTo(Json.write(value));
        assertThat(major.read(written, type)).isEqualTo(value);
        assertThat(Json.read(written, type)).isEqualTo(value);
        assertEveryFieldReachable(body, value); // every field of the body, typed or raw, field for field
        assertThat(major.throughTree(value, type)).isEqualTo(value);
        assertThat(major.converted(value, type)).isEqualTo(value);
        for (Major other : Major.values()) {
            assertThat(other.read(written, type)).isEqualTo(value);
        }
    }

    private static String requiredFieldIn(String message) {
        int at = message.indexOf("required field '");
        assertThat(at).as(message).isNotNegative();
        int from = at + "required field '".length();
        return message.substring(from, message.indexOf('\'', from));
    }

    // --- provider bodies ----------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> trackBodies() {
        return object(
                Map.entry(
                        "id",
                        Arbitraries.frequencyOf(
                                net.jqwik.api.Tuple.of(12, ids()),
                                net.jqwik.api.Tuple.of(1, quoted(ids())),
                                net.jqwik.api.Tuple.of(1, unreadable()))),
                Map.entry(
                        "name",
                        Arbitraries.frequencyOf(
                                net.jqwik.api.Tuple.of(12, strings()),
                                net.jqwik.api.Tuple.of(1, Arbitraries.just("null")),
                                net.jqwik.api.Tuple.of(1, Arbitraries.just("12")))),
                Map.entry("release_date", Arbitraries.oneOf(dates(), timestamps(), unreadable())),
                Map.entry("image", strings()),
                Map.entry("duration", millis()),
                Map.entry("description", Arbitraries.oneOf(strings(), Arbitraries.just("null"))),
                Map.entry("artists", list(artist())),
                Map.entry("album", Arbitraries.oneOf(album(), unreadable())),
                Map.entry("genres", list(named())),
                Map.entry("tags", list(named())),
                Map.entry("created_at", timestamps()),
                Map.entry("updated_at", Arbitraries.oneOf(timestamps(), unreadable())),
                Map.entry("bpm", Arbitraries.oneOf(decimals(), quoted(decimals()), unreadable())),
                Map.entry("price", Arbitraries.oneOf(decimals(), quoted(decimals()))),
                Map.entry("plays", Arbitraries.oneOf(ids(), quoted(ids()), unreadable())),
                Map.entry("likes_count", Arbitraries.oneOf(ids(), Arbitraries.just("null"))));
    }

    @Provide
    Arbitrary<String> backgroundTrackBodies() {
        return object(
                Map.entry(
                        "id",
                        Arbitraries.frequencyOf(
                                net.jqwik.api.Tuple.of(12, ids()),
                                net.jqwik.api.Tuple.of(1, quoted(ids())),
                                net.jqwik.api.Tuple.of(1, unreadable()))),
                Map.entry("name", strings()),
                Map.entry(
                        "volume",
                        Arbitraries.oneOf(
                                Arbitraries.integers().between(0, 100).map(String::valueOf),
                                Arbitraries.just("\"40\""),
                                unreadable())),
                Map.entry(
                        "project",
                        Arbitraries.oneOf(
                                Arbitraries.just("null"),
                                fields(Map.entry("id", ids()), Map.entry("name", strings())),
                                fields(Map.entry("name", strings())))),
                Map.entry(
                        "media",
                        Arbitraries.oneOf(
                                fields(
                                        Map.entry("url", strings()),
                                        Map.entry("duration", millis()),
                                        Map.entry("content_type", strings())),
                                unreadable())),
                Map.entry(
                        "created",
                        Arbitraries.frequencyOf(
                                net.jqwik.api.Tuple.of(12, timestamps()), net.jqwik.api.Tuple.of(1, unreadable()))),
                Map.entry("updated", Arbitraries.oneOf(timestamps(), unreadable())));
    }

    @Provide
    Arbitrary<String> anyObject() {
        return fields(Map.entry("a", any(3)), Map.entry("b", any(3)), Map.entry("c", any(2)));
    }

    @Provide
    Arbitrary<BackgroundTrackRequest> requests() {
        return Combinators.combine(
                        Arbitraries.strings()
                                .alpha()
                                .numeric()
                                .withChars(" ☔é\"\\")
                                .ofMinLength(1)
                                .ofMaxLength(20)
                                .filter(s -> !s.isBlank())
                                .optional(),
                        Arbitraries.integers().between(0, 100).optional(),
                        Arbitraries.longs().between(1, Long.MAX_VALUE).optional(),
                        Arbitraries.of("https://cdn.example.com/a.mp3", "http://x.example/y?z=1")
                                .optional())
                .as((name, volume, project, url) -> {
                    BackgroundTrackRequest.Builder b = BackgroundTrackRequest.builder();
                    name.ifPresent(b::name);
                    volume.ifPresent(b::volume);
                    project.ifPresent(b::projectId);
                    url.ifPresent(b::mediaUrl);
                    return b.build();
                });
    }

    @Provide
    Arbitrary<PageCursor> cursors() {
        return Combinators.combine(
                        Arbitraries.longs().between(0, 1_000_000),
                        Arbitraries.longs().between(0, 1_000),
                        Arbitraries.strings()
                                .withCharRange('a', 'z')
                                .ofMinLength(1)
                                .ofMaxLength(20))
                .as((start, more, fingerprint) -> PageCursor.of(start, start + more, Long.MAX_VALUE, fingerprint));
    }

    @Provide
    Arbitrary<Map.Entry<String, String>> badRequests() {
        return Arbitraries.of(
                Map.entry("volume", "{\"volume\":\"loud\"}"),
                Map.entry("volume", "{\"volume\":101}"),
                Map.entry("name", "{\"name\":7}"),
                Map.entry("name", "{\"name\":\"  \"}"),
                Map.entry("project", "{\"project\":7}"),
                Map.entry("project", "{\"project\":{\"id\":\"x\"}}"),
                Map.entry("projectId", "{\"project\":{\"id\":-1}}"),
                Map.entry("media", "{\"media\":{\"url\":[1]}}"),
                Map.entry("mediaUrl", "{\"media\":{\"url\":\"ftp://x\"}}"));
    }

    // --- JSON text generators -----------------------------------------------------------------------------

    @SafeVarargs
    private static Arbitrary<String> object(Map.Entry<String, Arbitrary<String>>... known) {
        Arbitrary<String> unknown = fields(
                Map.entry("custom", Arbitraries.of("true", "false", "1")),
                Map.entry("unknown_future_field", any(3)),
                Map.entry(
                        "big",
                        Arbitraries.of(
                                "123456789012345678901234567890",
                                "-0.000000000000000000001",
                                "1e400",
                                "3.10",
                                "2.50E+3")),
                Map.entry("deep", deep()),
                Map.entry("stems", any(2)));
        return Combinators.combine(fields(known), unknown)
                .as((a, b) -> a.length() == 2
                        ? b
                        : b.length() == 2 ? a : a.substring(0, a.length() - 1) + "," + b.substring(1));
    }

    /** An object with each field present or not, in the given order. */
    @SafeVarargs
    private static Arbitrary<String> fields(Map.Entry<String, Arbitrary<String>>... fields) {
        List<Arbitrary<String>> parts = new java.util.ArrayList<>();
        for (Map.Entry<String, Arbitrary<String>> f : fields) {
            parts.add(Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(4, f.getValue().map(v -> "\"" + f.getKey() + "\":" + v)),
                    net.jqwik.api.Tuple.of(1, Arbitraries.just(""))));
        }
        return Combinators.combine(parts)
                .as(values -> "{"
                        + String.join(
                                ",", values.stream().filter(v -> !v.isEmpty()).toList())
                        + "}");
    }

    private static Arbitrary<String> list(Arbitrary<String> element) {
        return element.list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]");
    }

    private static Arbitrary<String> artist() {
        return fields(
                Map.entry("id", ids()),
                Map.entry("name", strings()),
                Map.entry("verified", Arbitraries.of("true", "false", "1", "0", "\"true\"", "\"maybe\"")),
                Map.entry("image_small", strings()),
                Map.entry("followers", any(1)));
    }

    private static Arbitrary<String> named() {
        return fields(Map.entry("id", ids()), Map.entry("name", strings()), Map.entry("extra", any(1)));
    }

    private static Arbitrary<String> album() {
        return fields(
                Map.entry("id", ids()),
                Map.entry("name", strings()),
                Map.entry("release_date", Arbitraries.oneOf(dates(), timestamps())),
                Map.entry("plays", Arbitraries.oneOf(ids(), quoted(ids()))),
                Map.entry("tracks", list(fields(Map.entry("id", ids()), Map.entry("name", strings())))));
    }

    private static Arbitrary<String> ids() {
        return Arbitraries.longs().between(1, 9_000_000_000L).map(String::valueOf);
    }

    private static Arbitrary<String> quoted(Arbitrary<String> a) {
        return a.map(v -> "\"" + v + "\"");
    }

    private static Arbitrary<String> strings() {
        return Arbitraries.oneOf(
                        Arbitraries.strings()
                                .alpha()
                                .numeric()
                                .withChars(" ☔éß-_/")
                                .ofMaxLength(16),
                        Arbitraries.of("", "with \\\"quotes\\\" and \\\\", "line\\nbreak", "\\u00e9\\ud83c\\udfb5"))
                .map(s -> s.startsWith("\"") ? s : "\"" + s + "\"");
    }

    private static Arbitrary<String> decimals() {
        return Arbitraries.of("19.90", "19.99", "0", "29", "1e2", "2.50E+3", "-0.5", "128.0", "92.5");
    }

    private static Arbitrary<String> millis() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, 10_000_000).map(String::valueOf),
                Arbitraries.of("1.5", "183456.25", "\"200\"", "\"3:20\"", "null", "1e999999999"));
    }

    private static Arbitrary<String> dates() {
        return Arbitraries.of("\"2021-03-04\"", "\"1999-12-31\"", "\"2024-02-29\"");
    }

    private static Arbitrary<String> timestamps() {
        return Arbitraries.of(
                "\"2023-01-01 00:00:00 UTC\"",
                "\"2023-01-01T00:00:00Z\"",
                "\"2023-01-01T02:00:00+02:00\"",
                "\"2023-01-01T00:00:00.123456Z\"",
                "\"2023-01-01 02:00:00 +0200\"",
                "1672531200",
                "1672531200.5",
                "\"Sun, 01 Jan 2023 00:00:00 GMT\"",
                "\"2023-01-01\"",
                "null");
    }

    private static Arbitrary<String> unreadable() {
        return Arbitraries.of("\"soon\"", "{\"x\":1}", "[1,2]", "true", "\"\"", "-1.5e3");
    }

    private static Arbitrary<String> deep() {
        return Arbitraries.integers().between(1, 60).map(n -> "[".repeat(n) + "{\"z\":1.10}" + "]".repeat(n));
    }

    private static Arbitrary<String> any(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                strings(),
                decimals(),
                ids(),
                Arbitraries.of(
                        "true", "false", "null", "123456789012345678901234567890", "3.000000000000000000001", "-0"));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> inner = any(depth - 1);
        return Arbitraries.oneOf(scalar, list(inner), fields(Map.entry("k", inner), Map.entry("é", inner)));
    }

    // the models of both providers are covered: a body's nested objects are Albums, Artists, Genres, Tags,
    // Media and ProjectRefs, checked by the same equality
    @SuppressWarnings("unused")
    private static final List<Class<?>> MODELS =
            List.of(Album.class, Artist.class, Genre.class, Tag.class, Media.class, ProjectRef.class);
}
