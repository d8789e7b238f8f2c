package io.trackflow.beyondwords;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.core.retry.RetryPolicy;
import io.trackflow.testkit.FakeBeyondWords;
import io.trackflow.testkit.RecordedRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** What the BeyondWords tests share: clients on a fake, and assertions on the requests it recorded. */
final class Recorded {

    /** Retries as the defaults do, without the waiting. */
    static final RetryPolicy FAST = RetryPolicy.builder()
            .initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(10))
            .build();

    static final String COLLECTION = "/v1/background_tracks";

    private Recorded() {}

    static BeyondWordsClient client(FakeBeyondWords fake, RetryPolicy retry) {
        return BeyondWordsClient.builder()
                .apiKey(fake.apiKey())
                .baseUrl(fake.baseUrl())
                .retryPolicy(retry)
                .build();
    }

    /** The listing requests (GET on the collection) asking for {@code offset}. */
    static Predicate<RecordedRequest> listingAt(long offset) {
        return r -> r.method().equals("GET")
                && r.path().equals(COLLECTION)
                && r.queryParam("pagination[offset]").equals(Optional.of(Long.toString(offset)));
    }

    static List<Long> ids(List<BackgroundTrack> list) {
        return list.stream().map(BackgroundTrack::id).collect(Collectors.toList());
    }

    static List<RecordedRequest> listings(FakeBeyondWords fake) {
        return fake.requests().stream().filter(r -> r.path().equals(COLLECTION)).collect(Collectors.toList());
    }

    /** The offsets asked by the listing requests, in arrival order. */
    static List<Long> offsetsAsked(FakeBeyondWords fake) {
        return listings(fake).stream()
                .map(r -> Long.parseLong(r.queryParam("pagination[offset]").orElseThrow()))
                .collect(Collectors.toList());
    }

    /** Every request carries the key, asks for JSON and names trackflow as its agent. */
    static void assertAuthenticated(RecordedRequest r, FakeBeyondWords fake) {
        assertThat(r.header("X-Api-Key")).as("X-Api-Key of %s", r).contains(fake.apiKey());
        assertThat(r.header("Accept")).as("Accept of %s", r).contains("application/json");
        assertThat(r.header("User-Agent").orElseThrow()).startsWith("trackflow/");
        assertThat(r.rawUri()).doesNotContain(fake.apiKey());
    }

    /**
     * A page request: {@code GET /v1/background_tracks} with exactly the paging parameters and the
     * filters given, no body.
     */
    static void assertListingRequest(
            RecordedRequest r, FakeBeyondWords fake, long offset, int limit, Map<String, List<String>> filters) {
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.path()).isEqualTo(COLLECTION);
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("pagination[limit]", List.of(Integer.toString(limit)));
        query.put("pagination[offset]", List.of(Long.toString(offset)));
        query.putAll(filters);
        assertThat(r.query()).isEqualTo(query);
        assertThat(r.body()).isEmpty();
        assertAuthenticated(r, fake);
    }

    static void assertListingRequest(RecordedRequest r, FakeBeyondWords fake, long offset, int limit) {
        assertListingRequest(r, fake, offset, limit, Map.of());
    }

    /** {@code GET /v1/background_tracks/{id}}: no query, no body. */
    static void assertGetRequest(RecordedRequest r, FakeBeyondWords fake, long id) {
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.path()).isEqualTo(COLLECTION + "/" + id);
        assertThat(r.query()).isEmpty();
        assertThat(r.body()).isEmpty();
        assertAuthenticated(r, fake);
    }

    /** A write: the method and path, no query, a JSON body equal to {@code json}. */
    static void assertWriteRequest(RecordedRequest r, FakeBeyondWords fake, String method, String path, String json) {
        assertThat(r.method()).isEqualTo(method);
        assertThat(r.path()).isEqualTo(path);
        assertThat(r.query()).isEmpty();
        assertThat(r.header("Content-Type")).contains("application/json");
        assertThat(r.body()).isEqualTo(json);
        assertAuthenticated(r, fake);
    }
}
