package io.trackflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.trackflow.beatpass.BeatPassClient;
import io.trackflow.beatpass.model.TrackQuery;
import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import io.trackflow.core.observation.TrackflowObservations;
import io.trackflow.core.retry.RetryPolicy;
import io.trackflow.testkit.FakeBeatPass;
import io.trackflow.testkit.FakeBeyondWords;
import io.trackflow.testkit.Fault;
import io.trackflow.testkit.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What a service sees through Micrometer: timers with bounded tag sets after a long listing through
 * faults, and the W3C trace context of the caller's span on the wire (OpenTelemetry bridge).
 */
class ObservabilityTest {

    private static final RetryPolicy FAST = RetryPolicy.builder()
            .maxRetries(6)
            .initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(5))
            .build();

    @Test
    void aLongListingThroughFaultsLeavesTimersWithBoundedTags() {
        MeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        try (FakeBeyondWords server = FakeBeyondWords.builder()
                        .apiKey(Secrets.API_KEY)
                        .syntheticTracks(10_000)
                        .start();
                BeyondWordsClient client = BeyondWordsClient.builder()
                        .apiKey(Secrets.API_KEY)
                        .baseUrl(server.baseUrl())
                        .retryPolicy(FAST)
                        .observationRegistry(observations)
                        .build()) {
            server.faults()
                    .random(42, 0.05, r -> true, Fault.status(503), Fault.resetBeforeResponse(), Fault.status(429));
            long n = client.backgroundTracks()
                    .list(BackgroundTrackQuery.builder().pageSize(100).build())
                    .count()
                    .block(Duration.ofSeconds(60));
            assertThat(n).isEqualTo(10_000);
            assertThat(server.faults().injected()).isNotEmpty();

            List<Meter> requests =
                    List.copyOf(meters.find(TrackflowObservations.REQUESTS).meters());
            Set<String> keys = requests.stream()
                    .flatMap(m -> m.getId().getTags().stream().map(Tag::getKey))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(keys)
                    .containsExactlyInAnyOrder(
                            "trackflow.provider",
                            "trackflow.operation",
                            "http.request.method",
                            "http.response.status_code",
                            "outcome",
                            "error.type",
                            "trackflow.retry",
                            "error"); // added by Micrometer's DefaultMeterObservationHandler
            // 100+ pages, a few hundred attempts: a handful of tag sets, none naming an offset or the key
            assertThat(requests).hasSizeBetween(2, 30);
            requests.forEach(m -> m.getId().getTags().forEach(t -> {
                assertThat(t.getValue()).doesNotContain(Secrets.API_KEY).doesNotContain("offset");
                Secrets.seen(t.getValue());
            }));
            long attempts = meters.find(TrackflowObservations.REQUESTS).timers().stream()
                    .mapToLong(Timer::count)
                    .sum();
            System.out.println("[metrics] attempts " + attempts + ", server requests " + server.requestCount()
                    + ", faults " + server.faults().injected().size());
            assertThat(attempts).isEqualTo(server.requestCount());
            Timer operation = meters.find(TrackflowObservations.OPERATIONS)
                    .tag("trackflow.operation", "background_tracks.list")
                    .tag("error.type", "none")
                    .timer();
            assertThat(operation).isNotNull();
            assertThat(operation.count()).isEqualTo(1);
            dump(meters);
        }
        Secrets.assertNoneLeaked();
    }

    @Test
    void aCatalogueListingIsOneTracksListOperationAndOneRequestTimingPerAttempt() {
        MeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        try (FakeBeatPass server = FakeBeatPass.builder()
                        .rateLimitPerMinute(1_000_000)
                        .start()
                        .seed(2_000);
                BeatPassClient client = BeatPassClient.builder()
                        .token(server.token())
                        .baseUrl(server.baseUrl())
                        .retryPolicy(FAST)
                        .observationRegistry(observations)
                        .build()) {
            server.faults().random(7, 0.1, r -> true, Fault.status(503), Fault.resetBeforeResponse());
            long n = client.tracks()
                    .list(TrackQuery.builder().concurrency(4).build())
                    .count()
                    .block(Duration.ofSeconds(60));
            assertThat(n).isEqualTo(2_000);
            assertThat(server.faults().injected()).isNotEmpty();
            List<Timer> requests = List.copyOf(meters.find(TrackflowObservations.REQUESTS)
                    .tag("trackflow.operation", "tracks.list")
                    .timers());
            assertThat(requests).isNotEmpty();
            assertThat(requests.stream().mapToLong(Timer::count).sum()).isEqualTo(server.requestCount());
            requests.forEach(m -> m.getId()
                    .getTags()
                    .forEach(t -> assertThat(t.getValue())
                            .doesNotContain(server.token())
                            .doesNotContain("page")));
            Timer operation = meters.find(TrackflowObservations.OPERATIONS)
                    .tag("trackflow.operation", "tracks.list")
                    .tag("trackflow.provider", "beatpass")
                    .timer();
            assertThat(operation).isNotNull();
            assertThat(operation.count()).isEqualTo(1);
        }
    }

    private static void dump(MeterRegistry meters) {
        meters.getMeters().stream()
                .filter(m -> m.getId().getName().startsWith("trackflow."))
                .sorted((a, b) -> a.getId().toString().compareTo(b.getId().toString()))
                .forEach(m -> {
                    TreeMap<String, String> tags = new TreeMap<>();
                    m.getId().getTags().forEach(t -> tags.put(t.getKey(), t.getValue()));
                    StringBuilder line =
                            new StringBuilder("[metrics] " + m.getId().getName() + " " + tags);
                    m.measure()
                            .forEach(ms -> line.append(' ')
                                    .append(ms.getStatistic().getTagValueRepresentation())
                                    .append('=')
                                    .append(Math.round(ms.getValue() * 1000) / 1000.0));
                    System.out.println(line);
                });
    }

    @Test
    void eachRequestCarriesTheCallersTraceAsATraceparentHeader() {
        SdkTracerProvider provider = SdkTracerProvider.builder().build();
        ContextPropagators w3c = ContextPropagators.create(W3CTraceContextPropagator.getInstance());
        io.opentelemetry.api.trace.Tracer otel = provider.get("trackflow-test");
        OtelCurrentTraceContext current = new OtelCurrentTraceContext();
        OtelTracer tracer =
                new OtelTracer(otel, current, event -> {}, new OtelBaggageManager(current, List.of(), List.of()));
        ObservationRegistry observations = ObservationRegistry.create();
        observations
                .observationConfig()
                .observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                        new PropagatingSenderTracingObservationHandler<>(tracer, new OtelPropagator(w3c, otel)),
                        new DefaultTracingObservationHandler(tracer)));
        try (FakeBeatPass server = FakeBeatPass.builder()
                        .token(Secrets.TOKEN)
                        .recordRequests(true)
                        .start()
                        .seed(3);
                BeatPassClient client = BeatPassClient.builder()
                        .token(Secrets.TOKEN)
                        .baseUrl(server.baseUrl())
                        .retryPolicy(FAST)
                        .observationRegistry(observations)
                        .build()) {
            server.faults().next(Fault.status(503));
            Observation parent = Observation.start("checkout", observations);
            String traceId;
            try (Observation.Scope scope = parent.openScope()) {
                Span span = tracer.currentSpan();
                assertThat(span).isNotNull();
                traceId = span.context().traceId();
                // the caller's observation reaches the client through the Reactor context
                client.tracks().get(1).contextCapture().block(Duration.ofSeconds(10));
            } finally {
                parent.stop();
            }
            List<RecordedRequest> seen = server.requests();
            assertThat(seen).isNotEmpty();
            List<String> headers = seen.stream()
                    .map(r -> r.header("traceparent").orElse("none"))
                    .toList();
            System.out.println("[trace] parent trace id " + traceId + ", request headers " + headers);
            assertThat(headers).allSatisfy(h -> assertThat(h).matches("00-" + traceId + "-[0-9a-f]{16}-0[0-9a-f]"));
            // the injected 503 and its retry: two attempts, two spans of the one trace
            assertThat(headers).hasSize(2).doesNotHaveDuplicates();
        }
    }
}
