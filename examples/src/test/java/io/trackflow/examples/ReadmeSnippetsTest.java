package io.trackflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.trackflow.beatpass.BeatPassClient;
import io.trackflow.beatpass.model.Track;
import io.trackflow.beatpass.model.TrackInclude;
import io.trackflow.beatpass.model.TrackLookupOptions;
import io.trackflow.beatpass.model.TrackQuery;
import io.trackflow.beyondwords.BackgroundTracks;
import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.beyondwords.model.BackgroundTrackRequest;
import io.trackflow.core.error.ApiException;
import io.trackflow.core.json.RawJson;
import io.trackflow.core.paging.Page;
import io.trackflow.core.paging.PageCursor;
import io.trackflow.core.retry.RetryPolicy;
import io.trackflow.testkit.FakeBeatPass;
import io.trackflow.testkit.FakeBeyondWords;
import io.trackflow.testkit.Fault;
import io.trackflow.testkit.RecordedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Java snippets of {@code README.md} (BeyondWords, BeatPass, testkit), compiled and run against
 * the testkit fakes. Each snippet is copied below between two marker comments ({@code README:} and
 * the section's heading; {@code README end}); {@link #theReadmeShowsExactlyTheseSnippets} checks that
 * the README's code is that copy (comments and layout aside), with the environment variables and URLs
 * replaced by the fakes' (see {@link #FAKES}) and without the lines marked as test only. So a README
 * change that no longer compiles, or no longer works, fails the build.
 */
class ReadmeSnippetsTest {

    /** What the copies use instead of the README's real services. */
    private static final Map<String, String> FAKES = new LinkedHashMap<>();

    static {
        FAKES.put("System.getenv(\"BEYONDWORDS_API_KEY\")", "beyondWords.apiKey()");
        FAKES.put("\"https://api.beyondwords.io/v1\"", "beyondWords.baseUrl()");
        FAKES.put(
                ".apiKey(beyondWords.apiKey()).observationRegistry",
                ".apiKey(beyondWords.apiKey()).baseUrl(beyondWords.baseUrl()).observationRegistry");
        FAKES.put(".token(System.getenv(\"BEATPASS_TOKEN\"))", ".token(beatPass.token()).baseUrl(beatPass.baseUrl())");
        FAKES.put(".artist(42)", ".artist(artist)"); // an artist of the fake's catalogue
    }

    /**
     * The README sections whose Java snippets are not copied here (they need a Flink job or Spring): the
     * "Spring Boot" one is the example service's controller, checked by examples-spring's
     * ReadmeSpringBootSnippetTest.
     */
    private static final List<String> NOT_COPIED = List.of("Apache Flink", "Spring Boot");

    private static final String TEST_ONLY = "// test only";

    private FakeBeyondWords beyondWords;
    private FakeBeatPass beatPass;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PrintStream stdout;

    @BeforeEach
    void start() {
        beyondWords = FakeBeyondWords.start().seed(120);
        beatPass = FakeBeatPass.builder().rateLimitPerMinute(100_000).start().seed(200);
        // the snippets print from Netty threads: into memory, not to the console (BlockHound forbids file I/O)
        stdout = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setOut(stdout);
        beyondWords.close();
        beatPass.close();
    }

    @Test
    void beyondWords() {
        // README: BeyondWords
        try (BeyondWordsClient bw = BeyondWordsClient.builder()
                .apiKey(beyondWords.apiKey()) // required
                .baseUrl(beyondWords.baseUrl()) // default; may carry a path
                .retryPolicy(RetryPolicy.defaults()) // optional
                .build()) {
            BackgroundTracks tracks = bw.backgroundTracks();

            // every track, paging automatically
            tracks.list()
                    .doOnNext(t -> System.out.println(t.id() + " " + t.name()))
                    .blockLast();

            // filters and paging
            BackgroundTrackQuery rain = BackgroundTrackQuery.builder()
                    .name("rain")
                    .custom(true)
                    .addScopes("primary", "secondary")
                    .pageSize(50) // pagination[limit] asked per request (1..100; the server may clamp)
                    .maxItems(1_000) // stop after this many
                    .concurrency(4) // pages in flight; output stays in order (default 2)
                    .build();
            beyondWords.clearRequests(); // test only
            tracks.list(rain).take(5).blockLast(); // take(5) sends one request
            assertThat(beyondWords.requests()).hasSize(1); // test only

            // page-level view: offset, limit in force, total, applied filters, next cursor
            tracks.pages(rain)
                    .doOnNext(p ->
                            System.out.println(p.offset() + "/" + p.totalCount().orElse(-1)))
                    .blockLast();

            BackgroundTrack t = tracks.create(BackgroundTrackRequest.builder()
                            .name("Rain on the roof")
                            .volume(80)
                            .projectId(2)
                            .mediaUrl("https://cdn.example.com/rain.mp3")
                            .build())
                    .block();
            tracks.update(t.id(), BackgroundTrackRequest.builder().volume(60).build())
                    .block(); // only set fields are sent
            tracks.get(t.id()).block();
            assertThat(tracks.get(t.id()).block().volume()).isEqualTo(60); // test only
        }
        // README end
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList());
        assertThat(lines).hasSizeGreaterThan(120).startsWith("1 " + firstTrackName());
        assertThat(beyondWords.trackCount()).isEqualTo(121);
        RecordedRequest put = beyondWords.requests().stream()
                .filter(r -> r.method().equals("PUT"))
                .findFirst()
                .orElseThrow();
        assertThat(put.body()).isEqualTo("{\"volume\":60}");
    }

    private String firstTrackName() {
        try (BeyondWordsClient c = BeyondWordsClient.builder()
                .apiKey(beyondWords.apiKey())
                .baseUrl(beyondWords.baseUrl())
                .build()) {
            return c.backgroundTracks().get(1).block().name();
        }
    }

    @Test
    void beatPass() {
        // README: BeatPass
        try (BeatPassClient bp = BeatPassClient.builder()
                .token(beatPass.token())
                .baseUrl(beatPass.baseUrl())
                .build()) {
            Track track = bp.tracks()
                    .get(123, TrackInclude.ALBUM, TrackInclude.ARTISTS)
                    .block();
            assertThat(track.album()).isPresent(); // test only

            // what a token holder gets, typed; empty when not sent (or sent in a form that does not read)
            track.bpm().ifPresent(bpm -> System.out.println(bpm + " BPM")); // 120, "128", 92.5
            System.out.println(track.key().orElse("?") + " " + track.scale().orElse("")); // e.g. C# minor
            track.price()
                    .ifPresent(price ->
                            System.out.println(price + " " + track.currency().orElse(""))); // exact
            RawJson stems = track.additionalProperties().get("stems"); // any other field, raw (null if not sent)
            assertThat(track.bpm()).hasValue(92.5); // test only
            assertThat(track.key()).contains("Bb"); // test only
            assertThat(track.price()).isEmpty(); // test only
            assertThat(stems).isNull(); // test only

            // ordered bulk lookups, 8 at a time by default
            bp.tracks()
                    .getAll(Flux.just(1L, 2L, 3L), TrackInclude.GENRES)
                    .collectList()
                    .block();
            Flux<Long> ids = Flux.just(4L, 5L, 6L);
            List<Track> found = bp.tracks()
                    .getAll(
                            ids,
                            TrackLookupOptions.builder()
                                    .concurrency(16)
                                    .skipMissing(true) // leave out ids answered 404/410
                                    .addIncludes(TrackInclude.TAGS)
                                    .build())
                    .collectList()
                    .block();
            assertThat(found).extracting(Track::id).containsExactly(4L, 5L, 6L); // test only

            bp.lastRateLimit(); // X-RateLimit-Limit/Remaining/Reset of the latest response
            assertThat(bp.lastRateLimit()).isPresent(); // test only
        }
        // README end
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("92.5 BPM", "Bb major");
        assertThat(beatPass.requests())
                .hasSize(7)
                .allSatisfy(r -> assertThat(r.header("Authorization")).contains("Bearer " + beatPass.token()));
    }

    @Test
    void beatPassCatalogue() {
        long artist;
        try (BeatPassClient c = BeatPassClient.builder()
                .token(beatPass.token())
                .baseUrl(beatPass.baseUrl())
                .build()) {
            artist = c.tracks()
                    .get(1, TrackInclude.ARTISTS)
                    .block()
                    .artists()
                    .get(0)
                    .id();
        }
        beatPass.clearRequests();
        // the tag's second page fails once, not retried: the listing ends with its resume cursor
        beatPass.faults()
                .inject(r -> r.path().contains("/tags/") && r.rawUri().contains("page=2&"), Fault.status(404), 1);
        // README: BeatPass catalogue
        try (BeatPassClient bp = BeatPassClient.builder()
                .token(beatPass.token())
                .baseUrl(beatPass.baseUrl())
                .build()) {
            // search and stream: pages fetched as items are asked for, 4 in flight, in order
            TrackQuery rain = TrackQuery.builder()
                    .query("rain")
                    .pageSize(50)
                    .concurrency(4)
                    .build();
            List<String> names = bp.tracks()
                    .list(rain)
                    .map(Track::name)
                    .take(100)
                    .collectList()
                    .block();
            assertThat(names).isEmpty(); // test only

            // a tag's tracks, resumed exactly where a failure stopped them
            TrackQuery lofi = TrackQuery.builder().tag("lofi").maxItems(1_000).build();
            lofi = TrackQuery.builder().tag("tag-7").maxItems(1_000).pageSize(2).build(); // test only
            List<Track> got = new ArrayList<>();
            PageCursor resumeAt = bp.tracks()
                    .list(lofi)
                    .doOnNext(got::add)
                    .then(Mono.<PageCursor>empty())
                    .onErrorResume(ApiException.class, e -> Mono.justOrEmpty(e.resumeCursor()))
                    .block();
            assertThat(resumeAt).isNotNull(); // test only
            if (resumeAt != null) { // store it anywhere: resumeAt.toString()
                bp.tracks().list(lofi, resumeAt).doOnNext(got::add).blockLast(); // no gap, no duplicate
            }

            // the page-level view: the size in force (BeatPass may serve fewer than asked), the total
            Page<Track> first = bp.tracks()
                    .pages(TrackQuery.builder().artist(artist).build())
                    .blockFirst();
            System.out.println(first.totalCount().orElse(0) + " tracks by artist 42, " + first.limit() + " a page");
        }
        // README end
        List<RecordedRequest> tagPages = beatPass.requests().stream()
                .filter(r -> r.path().contains("/tags/"))
                .collect(Collectors.toList());
        List<String> asked =
                tagPages.stream().map(r -> r.queryParam("page").orElseThrow()).collect(Collectors.toList());
        assertThat(asked).startsWith("1").filteredOn("2"::equals).hasSize(2); // failed once, resumed there
        assertThat(printed.toString(StandardCharsets.UTF_8)).containsPattern("\\d+ tracks by artist 42, 50 a page");
    }

    @Test
    void testkit() {
        // README: Testing your code with the testkit
        try (FakeBeyondWords fake = FakeBeyondWords.start().seed(1_000);
                BeyondWordsClient bw = BeyondWordsClient.builder()
                        .apiKey(fake.apiKey())
                        .baseUrl(fake.baseUrl())
                        .build()) {
            fake.faults()
                    .inject(r -> r.queryParam("pagination[offset]").equals(Optional.of("500")), Fault.status(503), 2)
                    .random(42, 0.05, r -> true, Fault.rateLimited("1"), Fault.resetMidBody());
            long count = bw.backgroundTracks().list().count().block(); // still 1,000
            fake.requests(); // RecordedRequest: method, path, query, headers, body
            assertThat(count).isEqualTo(1_000); // test only
            assertThat(fake.faults().injected()).hasSizeGreaterThanOrEqualTo(2); // test only
        }
        // README end
    }

    @Test
    void observability() {
        // README: Observability
        MeterRegistry meters = new SimpleMeterRegistry(); // or your application's
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        try (BeyondWordsClient bw = BeyondWordsClient.builder()
                .apiKey(beyondWords.apiKey())
                .baseUrl(beyondWords.baseUrl())
                .observationRegistry(registry)
                .build()) {
            bw.backgroundTracks().list().blockLast();
            // one timer per combination of tags (status, retry, operation, ...): sum them all
            Collection<Timer> timers = meters.get("trackflow.client.requests")
                    .tag("outcome", "SUCCESS")
                    .timers();
            long count = timers.stream().mapToLong(Timer::count).sum();
            double totalMs = timers.stream()
                    .mapToDouble(t -> t.totalTime(TimeUnit.MILLISECONDS))
                    .sum();
            System.out.println(count + " requests, " + Math.round(totalMs / count) + " ms each");
            assertThat(count).isEqualTo(beyondWords.requests().size()); // test only
        }
        // README end
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .startsWith(beyondWords.requests().size() + " requests, ");
    }

    @Test
    void jackson() throws Exception {
        // README: Jackson
        JsonMapper mapper = JsonMapper.builder().findAndAddModules().build(); // Jackson 3
        ObjectMapper mapper2 = new ObjectMapper().findAndRegisterModules(); // Jackson 2 (2.21 or newer)

        String body = "{\"id\":7,\"name\":\"Rain\",\"created\":\"2023-01-01 00:00:00 UTC\",\"custom\":true}";
        BackgroundTrack t = mapper.readValue(body, BackgroundTrack.class); // the client's reading rule
        System.out.println(mapper.writeValueAsString(t)); // the provider's JSON back, "custom" included
        System.out.println(mapper2.readValue(mapper2.writeValueAsString(t), BackgroundTrack.class)
                .equals(t));
        // README end
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":7,\"name\":\"Rain\",\"volume\":100,\"created\":\"2023-01-01T00:00:00Z\","
                        + "\"updated\":\"2023-01-01T00:00:00Z\",\"custom\":true}" + System.lineSeparator() + "true"
                        + System.lineSeparator());
    }

    @Test
    void theReadmeShowsExactlyTheseSnippets() throws IOException {
        Map<String, String> readme = javaSnippets(Files.readString(Path.of("..", "README.md")));
        Map<String, String> copies = copies(
                Files.readString(Path.of("src/test/java", getClass().getName().replace('.', '/') + ".java")));
        assertThat(readme.keySet())
                .as("README sections with Java snippets")
                .containsExactlyInAnyOrderElementsOf(concat(copies.keySet(), NOT_COPIED));
        copies.forEach((section, copy) -> assertThat(code(readme.get(section), true))
                .as("README section '%s' (comments and layout aside) against its compiled copy", section)
                .isEqualTo(code(copy, false)));
    }

    private static List<String> concat(Iterable<String> a, List<String> b) {
        List<String> all = new ArrayList<>();
        a.forEach(all::add);
        all.addAll(b);
        return all;
    }

    /** The ```java blocks of a Markdown text, by the {@code ## } heading they stand under (one each). */
    private static Map<String, String> javaSnippets(String markdown) {
        Map<String, String> out = new LinkedHashMap<>();
        String heading = "";
        StringBuilder block = null;
        for (String line : markdown.lines().collect(Collectors.toList())) {
            if (block == null && line.startsWith("## ")) {
                heading = line.substring(3).trim();
            } else if (block == null && line.trim().equals("```java")) {
                block = new StringBuilder();
            } else if (block != null && line.trim().equals("```")) {
                assertThat(out).as("one Java snippet per README section").doesNotContainKey(heading);
                out.put(heading, block.toString());
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return out;
    }

    /** The copies in this file, by section. */
    private static Map<String, String> copies(String source) {
        Matcher m = Pattern.compile("// README: ([^\\n]+)\\n(.*?)// README end", Pattern.DOTALL)
                .matcher(source);
        Map<String, String> out = new LinkedHashMap<>();
        while (m.find()) {
            String copy = m.group(2).lines().filter(l -> !l.contains(TEST_ONLY)).collect(Collectors.joining("\n"));
            out.put(m.group(1).trim(), copy);
        }
        return out;
    }

    /**
     * The code of a snippet without its comments and whitespace (string literals kept as they are),
     * the README's with the fakes put in place of the real services.
     */
    private static String code(String snippet, boolean fromReadme) {
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < snippet.length(); i++) {
            char c = snippet.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\') {
                    out.append(snippet.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (c == '/' && i + 1 < snippet.length() && snippet.charAt(i + 1) == '/') {
                while (i < snippet.length() && snippet.charAt(i) != '\n') {
                    i++;
                }
            } else if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        String code = out.toString();
        if (fromReadme) {
            for (Map.Entry<String, String> f : FAKES.entrySet()) {
                code = code.replace(f.getKey(), f.getValue());
            }
        }
        return code;
    }
}
