package io.trackflow.beatpass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trackflow.beatpass.Hostile.Resp;
import io.trackflow.beatpass.model.TrackQuery;
import io.trackflow.core.error.DecodingException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A body is one JSON document: what follows its value (a second document, an error page a proxy appended) is
 * a {@link DecodingException}, not silently dropped (lookups and pages once returned their items regardless).
 */
class TrailingContentTest {

    private static final String TRACK = "{\"status\":\"success\",\"track\":{\"id\":1,\"name\":\"x\"}}";

    @ParameterizedTest
    @ValueSource(strings = {" trailing", "{\"x\":1}", "<html>502 Bad Gateway</html>"})
    void aLookupWhoseBodyGoesOnFails(String after) {
        try (Hostile server = new Hostile(r -> Resp.json(TRACK + after));
                BeatPassClient client = server.client()) {
            assertThatThrownBy(() -> client.tracks().get(1).block(Duration.ofSeconds(10)))
                    .isInstanceOf(DecodingException.class);
            assertThat(server.requests()).hasSize(1); // a malformed 2xx is not retried
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " \r\n\t"})
    void whitespaceAfterTheValueIsFine(String after) {
        try (Hostile server = new Hostile(r -> Resp.json(TRACK + after));
                BeatPassClient client = server.client()) {
            assertThat(client.tracks().get(1).block(Duration.ofSeconds(10)).id())
                    .isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html>502 Bad Gateway</html>", "{\"status\":\"success\"}"})
    void aPageWhoseBodyGoesOnFailsTheListing(String after) {
        try (Hostile server = new Hostile(r -> {
                    Resp page = Hostile.honest(r, 120, 100);
                    return new Resp(page.status(), page.headers(), page.body() + after, 0);
                });
                BeatPassClient client = server.client()) {
            assertThatThrownBy(() -> client.tracks()
                            .list(TrackQuery.builder().pageSize(50).build())
                            .collectList()
                            .block(Duration.ofSeconds(10)))
                    .isInstanceOf(DecodingException.class);
        }
    }
}
