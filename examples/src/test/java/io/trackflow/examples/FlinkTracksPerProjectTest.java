package io.trackflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.flink.BackgroundTrackSource;
import io.trackflow.testkit.FakeBeyondWords;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlinkTracksPerProjectTest {

    @Test
    void countsEveryTrackOncePerProject() throws Exception {
        try (FakeBeyondWords fake = FakeBeyondWords.start().seed(2_000)) {
            BackgroundTrackSource source = BackgroundTrackSource.builder()
                    .apiKey(fake.apiKey())
                    .clientConfig(io.trackflow.core.ClientConfig.of(fake.baseUrl()))
                    .splitSize(300)
                    .build();
            Map<String, Long> counts = FlinkTracksPerProject.countPerProject(source, 2);
            assertThat(counts.values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(2_000);
            assertThat(counts).containsKey("(no project)").containsKey("Newsroom");
        }
    }
}
