package io.trackflow.beyondwords;

import static io.trackflow.beyondwords.Recorded.FAST;
import static io.trackflow.beyondwords.Recorded.assertGetRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.trackflow.core.error.ApiException;
import io.trackflow.core.error.BadRequestException;
import io.trackflow.core.error.ConflictException;
import io.trackflow.core.error.DecodingException;
import io.trackflow.core.error.ForbiddenException;
import io.trackflow.core.error.HttpStatusException;
import io.trackflow.core.error.NotFoundException;
import io.trackflow.core.error.RateLimitException;
import io.trackflow.core.error.ServerException;
import io.trackflow.core.error.UnauthorizedException;
import io.trackflow.core.error.ValidationException;
import io.trackflow.core.retry.RetryPolicy;
import io.trackflow.testkit.FakeBeyondWords;
import io.trackflow.testkit.Fault;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

/**
 * Each status BeyondWords answers, in the body shape it uses for it, becomes its typed exception; a
 * 2xx body that is not a track is a {@link DecodingException}. One lookup each, without retries.
 */
class ErrorMappingTest {

    private static FakeBeyondWords server;
    private BeyondWordsClient client;

    @BeforeAll
    static void startServer() {
        server = FakeBeyondWords.start().seed(10);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void connect() {
        server.faults().clear();
        server.clearRequests();
        client = Recorded.client(server, RetryPolicy.none());
    }

    @AfterEach
    void close() {
        client.close();
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                arguments(400, BadRequestException.class, "Request failed"),
                arguments(401, UnauthorizedException.class, "Unauthorized"),
                arguments(403, ForbiddenException.class, "You do not have permission"),
                arguments(404, NotFoundException.class, "Not found"),
                arguments(409, ConflictException.class, "Request failed"),
                arguments(410, HttpStatusException.class, "Request failed"),
                arguments(422, ValidationException.class, "Invalid request body"),
                arguments(429, RateLimitException.class, "Too many requests"),
                arguments(500, ServerException.class, "Internal server error"),
                arguments(502, ServerException.class, "Internal server error"),
                arguments(503, ServerException.class, "Internal server error"),
                arguments(504, ServerException.class, "Internal server error"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("statuses")
    void eachErrorStatusMapsToItsTypedException(int status, Class<?> type, String message) {
        server.faults().next(Fault.status(status));
        StepVerifier.create(client.backgroundTracks().get(3))
                .expectErrorSatisfies(e -> {
                    assertThat(e.getClass()).isEqualTo(type);
                    assertThat(e).hasMessageStartingWith(message);
                    HttpStatusException h = (HttpStatusException) e;
                    assertThat(h.status()).isEqualTo(status);
                    assertThat(h.method().name()).isEqualTo("GET");
                    assertThat(h.uri().getPath()).isEqualTo("/v1/background_tracks/3");
                    assertThat(h.attempts()).isEqualTo(1);
                })
                .verify();
        assertThat(server.requests()).singleElement().satisfies(r -> assertGetRequest(r, server, 3));
    }

    static Stream<Arguments> unreadableBodies() {
        return Stream.of(
                arguments(Named.of("malformed JSON", Fault.malformedJson()), ""),
                arguments(Named.of("truncated JSON", Fault.truncatedJson()), ""),
                arguments(Named.of("an HTML page with 200", Fault.html(200)), "HTML"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableBodies")
    void anUnreadableSuccessBodyIsADecodingErrorAndNotRetried(Fault fault, String mentions) {
        try (BeyondWordsClient retrying = Recorded.client(server, FAST)) {
            server.faults().next(fault);
            StepVerifier.create(retrying.backgroundTracks().get(1))
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(DecodingException.class).hasMessageContaining(mentions);
                        assertThat(((ApiException) e).attempts()).isEqualTo(1);
                    })
                    .verify();
        }
        assertThat(server.requests()).singleElement().satisfies(r -> assertGetRequest(r, server, 1));
    }
}
