package io.trackflow.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.transport.SenderContext;
import io.trackflow.core.error.NotFoundException;
import io.trackflow.core.error.ServerException;
import io.trackflow.core.error.TransportException;
import io.trackflow.core.http.HttpRequest;
import io.trackflow.core.http.HttpResponse;
import io.trackflow.core.http.HttpTransport;
import io.trackflow.core.observation.DefaultRequestObservationConvention;
import io.trackflow.core.observation.RequestObservationContext;
import io.trackflow.core.observation.TrackflowObservations;
import io.trackflow.core.paging.PageFetcher;
import io.trackflow.core.paging.PageResponse;
import io.trackflow.core.ratelimit.RateLimits;
import io.trackflow.core.retry.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The observations of {@link TrackflowObservations}, every key, over a scripted transport: one per
 * attempt, one per logical call, one per rate-limit wait; parents from the Reactor context; the
 * propagation headers of a sender context reach the request.
 */
class ObservationPolicyTest {

    private static final String BASE = "https://api.example.com/v1";
    private static final RetryPolicy FAST = RetryPolicy.builder()
            .maxRetries(5)
            .initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(2))
            .build();

    private final TestObservationRegistry registry = TestObservationRegistry.create();
    private final Queue<Function<HttpRequest, Mono<HttpResponse>>> script = new ConcurrentLinkedQueue<>();
    private final List<HttpRequest> sent = new CopyOnWriteArrayList<>();
    private final HttpTransport transport = request -> {
        sent.add(request);
        Function<HttpRequest, Mono<HttpResponse>> next = script.poll();
        return next == null ? Mono.just(json(200, "{}")) : next.apply(request);
    };

    private static HttpResponse json(int status, String body) {
        return HttpResponse.builder()
                .status(status)
                .header("Content-Type", "application/json")
                .body(java.nio.ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    private void answer(int status) {
        script.add(r -> Mono.just(json(status, "{\"message\":\"scripted\"}")));
    }

    private ApiClientBuilder client() {
        return client(FAST);
    }

    private ApiClientBuilder client(RetryPolicy retry) {
        return ApiClient.builder(URI.create(BASE))
                .retryPolicy(retry)
                .name("things")
                .transport(transport)
                .observationRegistry(registry);
    }

    private static Mono<String> get(ApiClient api, long id) {
        URI uri = api.uri(List.of("things", Long.toString(id)), List.of(Map.entry("with", "owner")));
        return api.observe(
                "things.get",
                api.call("things.get", HttpRequest.get(uri), (head, in) -> new String(in.readAllBytes())));
    }

    private List<Observation.Context> contexts(String name) {
        List<Observation.Context> found = new ArrayList<>();
        assertThat(registry)
                .hasHandledContextsThatSatisfy(all ->
                        all.stream().filter(c -> name.equals(c.getName())).forEach(found::add));
        return found;
    }

    private static Map<String, String> low(Observation.Context c) {
        return c.getLowCardinalityKeyValues().stream().collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue));
    }

    private static Map<String, String> high(Observation.Context c) {
        return c.getHighCardinalityKeyValues().stream().collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue));
    }

    @Test
    void aSuccessfulCallIsOneOperationWithOneRequestAndEveryKey() {
        try (ApiClient api = client().build()) {
            StepVerifier.create(get(api, 12345)).expectNext("{}").verifyComplete();
        }
        List<Observation.Context> requests = contexts(TrackflowObservations.REQUESTS);
        assertThat(requests).hasSize(1);
        assertThat(low(requests.get(0)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "trackflow.provider", "things",
                        "trackflow.operation", "things.get",
                        "http.request.method", "GET",
                        "http.response.status_code", "200",
                        "outcome", "SUCCESS",
                        "error.type", "none",
                        "trackflow.retry", "0"));
        // the URL without its query
        assertThat(high(requests.get(0)))
                .containsExactlyEntriesOf(Map.of("http.url", "https://api.example.com/v1/things/12345"));

        List<Observation.Context> operations = contexts(TrackflowObservations.OPERATIONS);
        assertThat(operations).hasSize(1);
        assertThat(low(operations.get(0)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "trackflow.provider", "things", "trackflow.operation", "things.get", "error.type", "none"));
        assertThat(high(operations.get(0)))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("trackflow.pages", "1", "trackflow.items", "1", "trackflow.retries", "0"));
        // the request is a child of the operation
        assertThat(requests.get(0).getParentObservation()).isNotNull();
        assertThat(requests.get(0).getParentObservation().getContextView()).isSameAs(operations.get(0));
    }

    @Test
    void eachAttemptIsObservedWithItsStatusOutcomeErrorAndRetryNumber() {
        for (int i = 0; i < 4; i++) {
            answer(503);
        }
        try (ApiClient api = client().build()) {
            StepVerifier.create(get(api, 7)).expectNext("{}").verifyComplete();
        }
        List<Observation.Context> requests = contexts(TrackflowObservations.REQUESTS);
        assertThat(requests).extracting(c -> low(c).get("trackflow.retry")).containsExactly("0", "1", "2", "3+", "3+");
        assertThat(requests.subList(0, 4))
                .allSatisfy(c -> assertThat(low(c))
                        .containsEntry("http.response.status_code", "503")
                        .containsEntry("outcome", "SERVER_ERROR")
                        .containsEntry("error.type", ServerException.class.getSimpleName()));
        assertThat(low(requests.get(4))).containsEntry("outcome", "SUCCESS").containsEntry("error.type", "none");
        assertThat(high(contexts(TrackflowObservations.OPERATIONS).get(0)))
                .containsEntry("trackflow.retries", "4")
                .containsEntry("trackflow.pages", "1");
    }

    @Test
    void theRetryListenerNumbersEachRetryAsItsRequestIsTagged() {
        answer(503);
        answer(503);
        List<Integer> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ApiClient api =
                client().retryListener((retry, error, delay) -> told.add(retry)).build()) {
            StepVerifier.create(get(api, 7)).expectNext("{}").verifyComplete();
        }
        List<Observation.Context> requests = contexts(TrackflowObservations.REQUESTS);
        assertThat(requests).extracting(c -> low(c).get("trackflow.retry")).containsExactly("0", "1", "2");
        // one scheme: retry n is told n and its request is tagged n (the first attempt is 0, and not a retry)
        assertThat(told).containsExactly(1, 2);
    }

    @Test
    void aClientErrorAndNoResponseAtAllAreTaggedSo() {
        answer(404);
        script.add(r -> Mono.error(new java.net.ConnectException("refused")));
        try (ApiClient api = client(RetryPolicy.none()).build()) {
            StepVerifier.create(get(api, 1))
                    .expectError(NotFoundException.class)
                    .verify();
            StepVerifier.create(get(api, 2))
                    .expectError(TransportException.class)
                    .verify();
        }
        List<Observation.Context> requests = contexts(TrackflowObservations.REQUESTS);
        assertThat(low(requests.get(0)))
                .containsEntry("http.response.status_code", "404")
                .containsEntry("outcome", "CLIENT_ERROR")
                .containsEntry("error.type", "NotFoundException");
        assertThat(low(requests.get(1)))
                .containsEntry("http.response.status_code", "NONE")
                .containsEntry("outcome", "UNKNOWN")
                .containsEntry("error.type", "TransportException");
        List<Observation.Context> operations = contexts(TrackflowObservations.OPERATIONS);
        assertThat(operations)
                .extracting(c -> low(c).get("error.type"))
                .containsExactly("NotFoundException", "TransportException");
        assertThat(operations).extracting(c -> high(c).get("trackflow.pages")).containsExactly("0", "0");
    }

    @Test
    void aListingCountsItsPagesAndItemsAndItsRequestsNameNoOffset() {
        int total = 95;
        try (ApiClient api = client().build()) {
            PageFetcher<Long> fetcher = (offset, limit) -> {
                URI uri = api.uri(List.of("things"), List.of(Map.entry("offset", Long.toString(offset))));
                return api.call(
                        "things.list",
                        HttpRequest.get(uri),
                        (head, in) -> PageResponse.<Long>builder()
                                .items(LongStream.range(offset, Math.min(total, offset + limit))
                                        .boxed()
                                        .toList())
                                .offset(offset)
                                .limit(limit)
                                .totalCount(total)
                                .build());
            };
            StepVerifier.create(api.observe(
                            "things.list", api.paginator(fetcher, "t").items(0, Long.MAX_VALUE, 10, 3)))
                    .expectNextCount(total)
                    .verifyComplete();
        }
        List<Observation.Context> requests = contexts(TrackflowObservations.REQUESTS);
        assertThat(requests).hasSize(10);
        assertThat(requests).allSatisfy(c -> {
            assertThat(low(c)).containsEntry("trackflow.operation", "things.list");
            assertThat(high(c).get("http.url")).isEqualTo("https://api.example.com/v1/things");
        });
        // ten pages at ten offsets, one set of low-cardinality values
        assertThat(requests.stream().map(ObservationPolicyTest::low).distinct()).hasSize(1);
        assertThat(high(contexts(TrackflowObservations.OPERATIONS).get(0)))
                .containsEntry("trackflow.pages", "10")
                .containsEntry("trackflow.items", "95")
                .containsEntry("trackflow.retries", "0");
    }

    @Test
    void theReactorContextsObservationIsTheParent() {
        Observation parent = Observation.start("user.work", registry);
        try (ApiClient api = client().build()) {
            StepVerifier.create(get(api, 3).contextWrite(c -> c.put(ObservationThreadLocalAccessor.KEY, parent)))
                    .expectNext("{}")
                    .verifyComplete();
        }
        parent.stop();
        Observation.Context operation =
                contexts(TrackflowObservations.OPERATIONS).get(0);
        assertThat(operation.getParentObservation()).isSameAs(parent);
    }

    @Test
    void theSenderContextsPropagationHeadersGoOutWithTheRequest() {
        registry.observationConfig().observationHandler(new ObservationHandler<SenderContext<Object>>() {
            @Override
            public void onStart(SenderContext<Object> context) {
                context.getSetter().set(context.getCarrier(), "traceparent", "00-trace-span-01");
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof SenderContext;
            }
        });
        try (ApiClient api = client().build()) {
            StepVerifier.create(get(api, 4)).expectNext("{}").verifyComplete();
        }
        assertThat(sent)
                .singleElement()
                .satisfies(r -> assertThat(r.header("traceparent")).contains("00-trace-span-01"));
    }

    @Test
    void aRateLimitWaitIsTimed() {
        try (ApiClient api = client().rateLimiter(RateLimits.fixed(1, Duration.ofMillis(200)))
                .build()) {
            StepVerifier.create(get(api, 5).then(get(api, 6))).expectNext("{}").verifyComplete();
        }
        List<Observation.Context> waits = contexts(TrackflowObservations.RATE_LIMIT_WAIT);
        assertThat(waits).hasSize(2);
        assertThat(waits)
                .allSatisfy(c -> assertThat(low(c))
                        .containsExactlyInAnyOrderEntriesOf(Map.of(
                                "trackflow.provider",
                                "things",
                                "trackflow.operation",
                                "things.get",
                                "error.type",
                                "none")));
    }

    @Test
    void aReplacedConventionNamesTheKeys() {
        DefaultRequestObservationConvention mine = new DefaultRequestObservationConvention() {
            @Override
            public io.micrometer.common.KeyValues getLowCardinalityKeyValues(RequestObservationContext context) {
                return super.getLowCardinalityKeyValues(context).and("team", "audio");
            }
        };
        try (ApiClient api = client().requestObservationConvention(mine).build()) {
            StepVerifier.create(get(api, 8)).expectNext("{}").verifyComplete();
        }
        assertThat(low(contexts(TrackflowObservations.REQUESTS).get(0))).containsEntry("team", "audio");
    }

    @Test
    void withoutARegistryNothingIsObservedAndNoHeaderIsAdded() throws IOException {
        try (ApiClient api = ApiClient.builder(URI.create(BASE))
                .name("things")
                .transport(transport)
                .build()) {
            StepVerifier.create(get(api, 9)).expectNext("{}").verifyComplete();
        }
        assertThat(registry).doesNotHaveAnyObservation();
        assertThat(sent.get(0).headers().keySet()).noneMatch(h -> h.equalsIgnoreCase("traceparent"));
    }
}
