package io.trackflow.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.core.error.internal.ErrorAccess;
import io.trackflow.core.paging.PageCursor;
import io.trackflow.core.testing.TestErrors;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Errors survive Java serialization whole (a distributed engine ships them from a worker): a status
 * error keeps its response, every error its attempts and resume cursor.
 */
class SerializableErrorsTest {

    @Test
    void aStatusErrorKeepsItsResponseAttemptsAndCursor() throws Exception {
        HttpStatusException made = TestErrors.status(429, Optional.of(Duration.ofSeconds(7)));
        ApiException ended =
                ErrorAccess.get().withResumeCursor(ErrorAccess.get().withAttempts(made, 3), PageCursor.of(40, "q"));
        RateLimitException back = (RateLimitException) roundTrip(ended);
        assertThat(back.status()).isEqualTo(429);
        assertThat(back.uri()).isEqualTo(made.uri());
        assertThat(back.method()).isEqualTo(made.method());
        assertThat(back.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(back.getMessage()).isEqualTo(made.getMessage());
        assertThat(back.attempts()).isEqualTo(3);
        assertThat(back.resumeCursor()).contains(PageCursor.of(40, "q"));
    }

    @Test
    void aTransportErrorKeepsItsFlags() throws Exception {
        TransportException back = (TransportException) roundTrip(TestErrors.transport(true));
        assertThat(back.isConnectFailure()).isTrue();
    }

    private static Object roundTrip(Object o) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
