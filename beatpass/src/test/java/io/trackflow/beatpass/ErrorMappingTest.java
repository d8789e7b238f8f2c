package io.trackflow.beatpass;

import static io.trackflow.beatpass.Recorded.assertLookup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.trackflow.core.error.BadRequestException;
import io.trackflow.core.error.ConflictException;
import io.trackflow.core.error.ForbiddenException;
import io.trackflow.core.error.HttpStatusException;
import io.trackflow.core.error.NotFoundException;
import io.trackflow.core.error.RateLimitException;
import io.trackflow.core.error.ServerException;
import io.trackflow.core.error.UnauthorizedException;
import io.trackflow.core.error.ValidationException;
import io.trackflow.core.retry.RetryPolicy;
import io.trackflow.testkit.FakeBeatPass;
import io.trackflow.testkit.Fault;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

/** Each status BeatPass answers, in the Laravel body it uses for it, becomes its typed exception. */
class ErrorMappingTest {

    private static FakeBeatPass server;
    private BeatPassClient client;

    @BeforeAll
    static void startServer() {
        server = FakeBeatPass.builder().rateLimitPerMinute(100_000).start().seed(10);
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
                arguments(400, BadRequestException.class, "Error"),
                arguments(401, UnauthorizedException.class, "Unauthenticated."),
                arguments(403, ForbiddenException.class, "Error"),
                arguments(404, NotFoundException.class, "Track not found"),
                arguments(409, ConflictException.class, "Error"),
                arguments(410, HttpStatusException.class, "Track unavailable"),
                arguments(422, ValidationException.class, "The given data was invalid."),
                arguments(429, RateLimitException.class, "Too Many Attempts."),
                arguments(500, ServerException.class, "Server Error"),
                arguments(502, ServerException.class, "Server Error"),
                arguments(503, ServerException.class, "Server Error"),
                arguments(504, ServerException.class, "Server Error"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("statuses")
    void eachErrorStatusMapsToItsTypedException(int status, Class<?> type, String message) {
        server.faults().next(Fault.status(status));
        StepVerifier.create(client.tracks().get(3))
                .expectErrorSatisfies(e -> {
                    assertThat(e.getClass()).isEqualTo(type);
                    assertThat(e).hasMessageStartingWith(message);
                    HttpStatusException h = (HttpStatusException) e;
                    assertThat(h.status()).isEqualTo(status);
                    assertThat(h.method().name()).isEqualTo("GET");
                    assertThat(h.uri().getPath()).isEqualTo("/api/v1/tracks/3");
                    assertThat(h.attempts()).isEqualTo(1);
                })
                .verify();
        assertThat(server.requests()).singleElement().satisfies(r -> assertLookup(r, server, 3, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statuses")
    void onlyA401SaysTheTokenMayHaveExpired(int status) {
        server.faults().next(Fault.status(status));
        StepVerifier.create(client.tracks().get(3))
                .expectErrorSatisfies(e -> {
                    if (status == 401) {
                        assertThat(e).hasMessageContaining("expired").hasMessageContaining("90 days");
                    } else {
                        assertThat(e).hasMessageNotContaining("90 days");
                    }
                })
                .verify();
    }
}
