package io.trackflow.beyondwords;

import static io.trackflow.beyondwords.Recorded.COLLECTION;
import static io.trackflow.beyondwords.Recorded.FAST;
import static io.trackflow.beyondwords.Recorded.assertGetRequest;
import static io.trackflow.beyondwords.Recorded.assertWriteRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.beyondwords.model.BackgroundTrackRequest;
import io.trackflow.core.error.ApiException;
import io.trackflow.core.error.ForbiddenException;
import io.trackflow.core.error.HttpStatusException;
import io.trackflow.core.error.NotFoundException;
import io.trackflow.core.error.ServerException;
import io.trackflow.core.error.TransportException;
import io.trackflow.core.error.ValidationException;
import io.trackflow.core.json.RawJson;
import io.trackflow.core.retry.RetryPolicy;
import io.trackflow.testkit.FakeBeyondWords;
import io.trackflow.testkit.Fault;
import io.trackflow.testkit.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * {@link BackgroundTracks#create} and {@link BackgroundTracks#update}. Each test writes to a fake of
 * its own (20 tracks), so no test sees another's changes.
 */
class WritesTest {

    private static final String MEDIA = "https://cdn.example.com/x.mp3";

    private FakeBeyondWords server;
    private BeyondWordsClient client;
    private BackgroundTracks tracks;

    @BeforeEach
    void start() {
        server = FakeBeyondWords.start().seed(20);
        client = Recorded.client(server, FAST);
        tracks = client.backgroundTracks();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private BackgroundTrack createOne(String name) {
        BackgroundTrack t = tracks.create(BackgroundTrackRequest.builder()
                        .name(name)
                        .volume(40)
                        .projectId(2)
                        .mediaUrl(MEDIA)
                        .build())
                .block();
        server.clearRequests();
        return t;
    }

    // create

    @Test
    void createPostsEveryFieldSetAndReturnsTheCreatedTrack() throws Exception {
        BackgroundTrack created = tracks.create(BackgroundTrackRequest.builder()
                        .name("Trackflow test " + System.nanoTime())
                        .volume(40)
                        .projectId(2)
                        .mediaUrl(MEDIA)
                        .build())
                .block();
        assertThat(created.volume()).isEqualTo(40);
        assertThat(created.project().orElseThrow().id()).isEqualTo(2);
        RecordedRequest post = server.requests().get(0);
        RawJson body = RawJson.parse(post.body());
        assertThat(body.toString())
                .isEqualTo("{\"name\":\"" + created.name()
                        + "\",\"volume\":40,\"project\":{\"id\":2},"
                        + "\"media\":{\"url\":\"https://cdn.example.com/x.mp3\"}}");
        assertThat(post.header("Content-Type")).contains("application/json");
        assertThat(server.requests())
                .singleElement()
                .satisfies(r -> assertWriteRequest(r, server, "POST", COLLECTION, body.toString()));
        assertThat(server.trackIds()).contains(created.id());
    }

    @Test
    void createSendsOnlyTheFieldsThatAreSet() {
        BackgroundTrack created = tracks.create(BackgroundTrackRequest.builder()
                        .name("Only a name")
                        .mediaUrl(MEDIA)
                        .build())
                .block();
        assertThat(created.name()).isEqualTo("Only a name");
        assertThat(created.volume()).isEqualTo(100); // the server's default
        assertThat(server.requests())
                .singleElement()
                .satisfies(r -> assertWriteRequest(
                        r,
                        server,
                        "POST",
                        COLLECTION,
                        "{\"name\":\"Only a name\",\"media\":{\"url\":\"" + MEDIA + "\"}}"));
    }

    @Test
    void aTakenNameIsAValidationErrorNamingTheField() throws Exception {
        String taken = tracks.get(1).block().name();
        String sent = "{\"name\":" + quoted(taken) + ",\"media\":{\"url\":\"https://cdn.example.com/y.mp3\"}}";
        server.clearRequests();
        StepVerifier.create(tracks.create(BackgroundTrackRequest.builder()
                        .name(taken)
                        .mediaUrl("https://cdn.example.com/y.mp3")
                        .build()))
                .expectErrorSatisfies(e -> {
                    assertThat(e)
                            .isInstanceOf(ValidationException.class)
                            .hasMessageStartingWith("Invalid request body");
                    assertThat(((ValidationException) e).errors()).anySatisfy(f -> {
                        assertThat(f.location()).isEqualTo("name");
                        assertThat(f.message()).isEqualTo("has already been taken");
                    });
                })
                .verify();
        assertThat(server.requests())
                .singleElement()
                .satisfies(r -> assertWriteRequest(r, server, "POST", COLLECTION, sent));
        assertThat(server.trackCount()).isEqualTo(20);
    }

    @Test
    void aCreateInALockedProjectIsForbiddenWithThePermissionErrorCode() {
        StepVerifier.create(tracks.create(BackgroundTrackRequest.builder()
                        .name("locked " + System.nanoTime())
                        .projectId(FakeBeyondWords.LOCKED_PROJECT_ID)
                        .mediaUrl("https://cdn.example.com/z.mp3")
                        .build()))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ForbiddenException.class);
                    assertThat(((ForbiddenException) e).errorCode()).contains("permission_error");
                })
                .verify();
        assertThat(server.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo(COLLECTION);
            assertThat(r.body()).contains("\"project\":{\"id\":" + FakeBeyondWords.LOCKED_PROJECT_ID + "}");
        });
        assertThat(server.trackCount()).isEqualTo(20);
    }

    @Test
    void aServerErrorOnCreateIsNotRetriedBecausePostIsNotIdempotent() {
        server.faults().next(Fault.status(503));
        StepVerifier.create(tracks.create(BackgroundTrackRequest.builder()
                        .name("once")
                        .mediaUrl(MEDIA)
                        .build()))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ServerException.class);
                    assertThat(((HttpStatusException) e).method().name()).isEqualTo("POST");
                    assertThat(((ApiException) e).attempts()).isEqualTo(1);
                })
                .verify();
        assertThat(server.requests())
                .singleElement()
                .satisfies(r -> assertWriteRequest(
                        r, server, "POST", COLLECTION, "{\"name\":\"once\",\"media\":{\"url\":\"" + MEDIA + "\"}}"));
    }

    @Test
    void aConnectionResetOnCreateIsATransportExceptionAndNotRetried() {
        server.faults().next(Fault.resetBeforeResponse());
        StepVerifier.create(tracks.create(BackgroundTrackRequest.builder()
                        .name("reset")
                        .mediaUrl(MEDIA)
                        .build()))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(TransportException.class);
                    assertThat(((ApiException) e).attempts()).isEqualTo(1);
                })
                .verify();
        // the request reached the server, so it may have been applied: a POST is never sent twice
        assertThat(server.requests())
                .singleElement()
                .satisfies(r -> assertWriteRequest(
                        r, server, "POST", COLLECTION, "{\"name\":\"reset\",\"media\":{\"url\":\"" + MEDIA + "\"}}"));
    }

    // update

    @Test
    void updateSendsOnlyTheFieldsSetAndReturnsTheUpdatedTrack() {
        BackgroundTrack created = createOne("Trackflow test " + System.nanoTime());
        BackgroundTrack updated = tracks.update(
                        created.id(),
                        BackgroundTrackRequest.builder().volume(70).build())
                .block();
        assertThat(updated.volume()).isEqualTo(70);
        assertThat(updated.name()).isEqualTo(created.name());
        assertThat(updated.updated()).isAfter(created.updated());
        RecordedRequest put = server.requests().get(0);
        assertThat(put.path()).isEqualTo("/v1/background_tracks/" + created.id());
        assertThat(put.body()).isEqualTo("{\"volume\":70}");
        assertThat(server.requests())
                .singleElement()
                .satisfies(
                        r -> assertWriteRequest(r, server, "PUT", COLLECTION + "/" + created.id(), "{\"volume\":70}"));
    }

    @Test
    void anUpdateIsWhatALaterGetReads() {
        BackgroundTrack created = createOne("Read back " + System.nanoTime());
        BackgroundTrack updated = tracks.update(
                        created.id(),
                        BackgroundTrackRequest.builder().volume(70).build())
                .block();
        server.clearRequests();
        StepVerifier.create(tracks.get(created.id())).expectNext(updated).verifyComplete();
        assertThat(server.requests()).singleElement().satisfies(r -> assertGetRequest(r, server, created.id()));
    }

    @Test
    void updatingAnUnknownIdIsNotFoundAndNotRetried() {
        StepVerifier.create(tracks.update(
                        999_999, BackgroundTrackRequest.builder().volume(5).build()))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(NotFoundException.class);
                    assertThat(((HttpStatusException) e).method().name()).isEqualTo("PUT");
                    assertThat(((ApiException) e).attempts()).isEqualTo(1);
                })
                .verify();
        assertThat(server.requests())
                .singleElement()
                .satisfies(r -> assertWriteRequest(r, server, "PUT", COLLECTION + "/999999", "{\"volume\":5}"));
    }

    @Test
    void renamingToATakenNameIsAValidationErrorAndChangesNothing() {
        String taken = tracks.get(1).block().name();
        BackgroundTrack before = tracks.get(2).block();
        server.clearRequests();
        StepVerifier.create(tracks.update(
                        2, BackgroundTrackRequest.builder().name(taken).build()))
                .expectErrorSatisfies(e -> assertThat(((ValidationException) e).errors())
                        .anySatisfy(f -> assertThat(f.location()).isEqualTo("name")))
                .verify();
        assertThat(server.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("PUT");
            assertThat(r.path()).isEqualTo(COLLECTION + "/2");
        });
        assertThat(tracks.get(2).block()).isEqualTo(before);
    }

    @Test
    void aConnectionResetOnUpdateIsRetriedBecausePutIsIdempotent() {
        BackgroundTrack created = createOne("Retried " + System.nanoTime());
        server.faults().next(Fault.resetBeforeResponse());
        StepVerifier.create(tracks.update(
                        created.id(),
                        BackgroundTrackRequest.builder().volume(12).build()))
                .assertNext(t -> assertThat(t.volume()).isEqualTo(12))
                .verifyComplete();
        assertThat(server.requests())
                .hasSize(2)
                .allSatisfy(
                        r -> assertWriteRequest(r, server, "PUT", COLLECTION + "/" + created.id(), "{\"volume\":12}"));
    }

    @Test
    void aConnectionResetOnUpdateWithoutRetriesIsATransportException() {
        BackgroundTrack created = createOne("Not retried " + System.nanoTime());
        server.faults().next(Fault.resetBeforeResponse());
        try (BeyondWordsClient noRetry = Recorded.client(server, RetryPolicy.none())) {
            StepVerifier.create(noRetry.backgroundTracks()
                            .update(
                                    created.id(),
                                    BackgroundTrackRequest.builder().volume(12).build()))
                    .expectError(TransportException.class)
                    .verify();
        }
        assertThat(server.requests())
                .singleElement()
                .satisfies(
                        r -> assertWriteRequest(r, server, "PUT", COLLECTION + "/" + created.id(), "{\"volume\":12}"));
    }

    /** A JSON string of plain text. */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
