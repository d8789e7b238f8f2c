package io.trackflow.beyondwords;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import org.junit.jupiter.api.Test;

/** A query's fingerprint is what the cursors stored by earlier versions carry: they still resume. */
class FingerprintTest {

    @Test
    void fingerprintsAreStable() {
        assertThat(BackgroundTrackQuery.all().fingerprint()).isEqualTo("9f63fc4d805a");
        assertThat(BackgroundTrackQuery.builder()
                        .name("rain")
                        .custom(true)
                        .scopes("secondary", "primary")
                        .build()
                        .fingerprint())
                .isEqualTo("4caab7eb3b1b");
    }
}
