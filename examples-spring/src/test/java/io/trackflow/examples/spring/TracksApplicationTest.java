package io.trackflow.examples.spring;

import static io.trackflow.testkit.ModelAssertions.assertEveryFieldReachable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.ChannelOption;
import io.trackflow.beatpass.BeatPassClient;
import io.trackflow.beatpass.model.Track;
import io.trackflow.beatpass.model.TrackInclude;
import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.core.json.Json;
import io.trackflow.core.json.RawJson;
import io.trackflow.core.json.jackson3.TrackflowJackson3Module;
import io.trackflow.testkit.FakeBeatPass;
import io.trackflow.testkit.FakeBeyondWords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.EncoderHttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

/**
 * The example service end to end, over HTTP, against the testkit's fakes: the NDJSON stream and its
 * backpressure, a lookup, a 404, and the client metrics the actuator publishes.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.endpoints.web.exposure.include=health,metrics")
@AutoConfigureWebTestClient
class TracksApplicationTest {

    /** Generated tracks, 50 a page: 1 MB of NDJSON, far more than the small socket buffers below hold. */
    static final int TRACKS = 5_000;

    static final FakeBeyondWords BEYOND_WORDS =
            FakeBeyondWords.builder().syntheticTracks(TRACKS).start();

    static final FakeBeatPass BEAT_PASS = FakeBeatPass.start().seed(50);

    @DynamicPropertySource
    static void fakes(DynamicPropertyRegistry registry) {
        registry.add("trackflow.beyondwords.api-key", BEYOND_WORDS::apiKey);
        registry.add("trackflow.beyondwords.base-url", BEYOND_WORDS::baseUrl);
        registry.add("trackflow.beatpass.token", BEAT_PASS::token);
        registry.add("trackflow.beatpass.base-url", BEAT_PASS::baseUrl);
    }

    @AfterAll
    static void stopFakes() {
        BEYOND_WORDS.close();
        BEAT_PASS.close();
    }

    /** Small socket buffers on the server side, so that a reader who stops reading stops the writer soon. */
    @TestConfiguration
    static class SmallSendBuffer {
        @Bean
        NettyServerCustomizer smallSendBuffer() {
            return server -> server.childOption(ChannelOption.SO_SNDBUF, 16 * 1024);
        }
    }

    @Autowired
    WebTestClient web;

    @Autowired
    BeyondWordsClient beyondWords;

    @Autowired
    BeatPassClient beatPass;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    /*
     * One test for the stream's content and its backpressure (each read of the listing costs seconds
     * under the paranoid leak detection). The reader reads to the end rather than cancelling: a client
     * that disconnects in the middle of a streamed response can leave buffers of Spring's JSON encoder
     * unreleased (docs/decisions.md), which the Netty leak guard of these tests would report.
     */
    @Test
    void backgroundTracksStreamAsNdjsonPagedOnlyAsFastAsTheHttpClientReads() {
        BEYOND_WORDS.clearRequests();
        // a reader with a small receive buffer that takes 20 tracks, then stops reading for a while
        WebTestClient slowReader = WebTestClient.bindToServer(
                        new ReactorClientHttpConnector(HttpClient.create().option(ChannelOption.SO_RCVBUF, 16 * 1024)))
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60))
                .build();
        Flux<JsonNode> body = slowReader
                .get()
                .uri("/background-tracks")
                .accept(MediaType.APPLICATION_NDJSON)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON)
                .returnResult(JsonNode.class)
                .getResponseBody();
        List<JsonNode> lines = Collections.synchronizedList(new ArrayList<>());
        long[] requests = new long[2];
        StepVerifier.create(body.doOnNext(lines::add), 20)
                .expectNextCount(20)
                .then(() -> requests[0] = settledRequestCount())
                .thenAwait(Duration.ofSeconds(1))
                .then(() -> requests[1] = BEYOND_WORDS.requestCount())
                .thenRequest(Long.MAX_VALUE)
                .expectNextCount(TRACKS - 20)
                .verifyComplete();
        long pages = TRACKS / BEYOND_WORDS.maxPageSize();
        System.out.println("backpressure: " + requests[0] + " of " + pages + " page requests sent while the reader"
                + " had read 20 tracks; " + requests[1] + " a second later; " + BEYOND_WORDS.requestCount()
                + " once it read them all");
        assertThat(requests[1]).as("paging stalls while nobody reads").isEqualTo(requests[0]);
        assertThat(requests[0]).as("pages fetched ahead of the reader").isLessThan(pages / 4);
        assertThat(BEYOND_WORDS.requestCount()).isEqualTo(pages);

        // the whole listing, in order, each line the track the client itself reads
        assertThat(lines).hasSize(TRACKS);
        assertThat(lines).extracting(l -> l.get("id").asLong()).isSorted().doesNotHaveDuplicates();
        List<BackgroundTrack> direct =
                beyondWords.backgroundTracks().list().take(120).collectList().block();
        for (int i = 0; i < direct.size(); i++) {
            JsonNode line = lines.get(i);
            BackgroundTrack track = direct.get(i);
            assertThat(line.get("id").asLong()).isEqualTo(track.id());
            assertThat(line.get("name").asString()).isEqualTo(track.name());
            assertThat(line.get("volume").asInt()).isEqualTo(track.volume());
            assertThat(line.get("created").asString()).isEqualTo(track.created().toString());
            assertThat(line.get("updated").asString()).isEqualTo(track.updated().toString());
            // every field the provider sent, typed or not (media's content_type, ...), as trackflow writes it
            assertThat(RawJson.parse(line.toString())).isEqualTo(RawJson.parse(Json.write(track)));
        }
    }

    /** The fake's request count once it has not moved for a second (waiting at most 20 s). */
    private static long settledRequestCount() {
        long count = BEYOND_WORDS.requestCount();
        long changed = System.nanoTime();
        long deadline = changed + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() - changed < Duration.ofSeconds(1).toNanos() && System.nanoTime() < deadline) {
            sleep(100);
            long now = BEYOND_WORDS.requestCount();
            if (now != count) {
                count = now;
                changed = System.nanoTime();
            }
        }
        return count;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void oneTrackWithItsAlbumAndArtists() throws Exception {
        JsonNode json = web.get()
                .uri("/tracks/{id}", 7)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        Track direct = beatPass.tracks()
                .get(7, TrackInclude.ALBUM, TrackInclude.ARTISTS)
                .block();
        assertThat(json.get("id").asLong()).isEqualTo(7);
        assertThat(json.get("name").asString()).isEqualTo(direct.name());
        assertThat(json.get("release_date").asString())
                .isEqualTo(direct.releaseDate().orElseThrow().toString());
        assertThat(json.get("album").get("name").asString())
                .isEqualTo(direct.album().orElseThrow().name());
        assertThat(json.get("artists")).hasSize(direct.artists().size());
        // The service's JSON is Jackson 3's with trackflow's module (a bean of the starter): the provider's
        // wire format, milliseconds and absent values left out, exactly what trackflow itself writes
        Duration duration = direct.duration().orElseThrow();
        assertThat(json.get("duration").isNumber()).isTrue();
        assertThat(json.get("duration").asLong()).isEqualTo(duration.toMillis());
        assertThat(RawJson.parse(json.toString())).isEqualTo(RawJson.parse(Json.write(direct)));
    }

    /** A track with fields the model does not type comes out of the service exactly as the provider sent it. */
    @Test
    void aTrackKeepsEveryFieldTheProviderSent() {
        String sent = "{\"id\":900001,\"name\":\"Rain\",\"duration\":183456,\"custom\":true,\"explicit\":false,"
                + "\"unknown_future_field\":{\"x\":[1,2,3]},\"price\":\"19.90\",\"bpm\":\"fast\","
                + "\"artists\":[{\"id\":7,\"name\":\"Nimbus\",\"verified\":1,\"followers\":12.50}],"
                + "\"album\":{\"id\":3,\"name\":\"Weather\",\"label\":{\"name\":\"Indie\",\"since\":null}},"
                + "\"created_at\":\"2021-03-04T10:11:12.000000Z\",\"big\":123456789012345678901234567890}";
        BEAT_PASS.putRawTrack(900_001, sent);
        String out = web.get()
                .uri("/tracks/{id}", 900_001)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        RawJson json = RawJson.parse(out);
        assertThat(out).doesNotContain("{\"null\":");
        assertThat(json.get("custom")).contains(RawJson.parse("true"));
        assertThat(json.get("explicit")).contains(RawJson.parse("false"));
        assertThat(json.get("unknown_future_field")).contains(RawJson.parse("{\"x\":[1,2,3]}"));
        assertThat(json.get("duration")).contains(RawJson.parse("183456"));
        assertThat(json.get("bpm")).contains(RawJson.parse("\"fast\""));
        assertThat(json.get("big").orElseThrow().toJson()).isEqualTo("123456789012345678901234567890");
        assertThat(json.get("album").flatMap(a -> a.get("label")))
                .contains(RawJson.parse("{\"name\":\"Indie\",\"since\":null}"));
        assertThat(json.get("artists").flatMap(a -> a.get(0)).flatMap(a -> a.get("followers")))
                .contains(RawJson.parse("12.50"));
        Track direct = beatPass.tracks().get(900_001).block();
        assertEveryFieldReachable(sent, direct);
        assertThat(json).isEqualTo(RawJson.parse(Json.write(direct)));
    }

    @Test
    void jackson3WritesTheEndpointsWithTrackflowsModuleAndNoJackson2IsPresent() {
        assertThatThrownBy(() -> Class.forName("com.fasterxml.jackson.databind.ObjectMapper"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(context.getBeanNamesForType(TrackflowJackson3Module.class)).hasSize(1);
        assertThat(context.getBeanNamesForType(tools.jackson.databind.json.JsonMapper.class))
                .hasSize(1);
        List<Object> encoders = context.getBean(ServerCodecConfigurer.class).getWriters().stream()
                .filter(w -> w instanceof EncoderHttpMessageWriter)
                .map(w -> (Object) ((EncoderHttpMessageWriter<?>) w).getEncoder())
                .toList();
        assertThat(encoders).hasAtLeastOneElementOfType(JacksonJsonEncoder.class);
        assertThat(encoders).noneMatch(e -> e.getClass().getName().contains("Jackson2"));
    }

    @Test
    void anUnknownTrackIsA404() {
        web.get().uri("/tracks/{id}", 999_999).exchange().expectStatus().isNotFound();
    }

    @Test
    void theActuatorPublishesTheClientRequestMetrics() {
        web.get()
                .uri("/tracks/{id}", 8)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class) // WebTestClient releases what a test reads, not what it leaves
                .returnResult();
        String json = web.get()
                .uri("/actuator/metrics/trackflow.client.requests")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        System.out.println("GET /actuator/metrics/trackflow.client.requests -> " + json);
        assertThat(json)
                .contains("\"name\":\"trackflow.client.requests\"")
                .contains("{\"tag\":\"trackflow.provider\",\"values\":[")
                .contains("\"beatpass\"")
                .contains("{\"tag\":\"outcome\",\"values\":[")
                .contains("\"statistic\":\"COUNT\"");
        web.get()
                .uri(
                        "/actuator/metrics/{name}?tag={operation}&tag={outcome}",
                        "trackflow.client.requests",
                        "trackflow.operation:tracks.get",
                        "outcome:SUCCESS")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.measurements[?(@.statistic == 'COUNT')].value")
                .value(counts -> assertThat(counts.toString()).doesNotContain("[0.0]"));
    }
}
