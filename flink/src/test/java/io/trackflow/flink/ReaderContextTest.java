package io.trackflow.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.groups.SourceReaderMetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;
import org.junit.jupiter.api.Test;

class ReaderContextTest {

    /** A reader context that counts how often its configuration is read. */
    private static final class CountingContext implements SourceReaderContext {
        final AtomicInteger configurationReads = new AtomicInteger();
        final Configuration configuration = new Configuration();

        @Override
        public SourceReaderMetricGroup metricGroup() {
            return UnregisteredMetricsGroup.createSourceReaderMetricGroup();
        }

        @Override
        public Configuration getConfiguration() {
            configurationReads.incrementAndGet();
            return configuration;
        }

        @Override
        public String getLocalHostName() {
            return "localhost";
        }

        @Override
        public int getIndexOfSubtask() {
            return 0;
        }

        @Override
        public void sendSplitRequest() {}

        @Override
        public void sendSourceEventToCoordinator(SourceEvent sourceEvent) {}

        @Override
        public UserCodeClassLoader getUserCodeClassLoader() {
            return SimpleUserCodeClassLoader.create(getClass().getClassLoader());
        }
    }

    @Test
    void theReaderIsBuiltWithTheConfigurationOfItsContext() throws Exception {
        BackgroundTrackSource source = BackgroundTrackSource.builder()
                .apiKey("rel-key-0")
                .clientConfig(io.trackflow.core.ClientConfig.of("http://127.0.0.1:9/v1"))
                .build();
        CountingContext context = new CountingContext();
        SourceReader<?, ?> reader = source.createReader(context);
        try {
            assertThat(context.configurationReads.get()).isPositive();
        } finally {
            reader.close();
        }
    }

    @Test
    void theShippedSettingsKeepTheClientConfigAndTheStartCursorWhole() throws Exception {
        io.trackflow.beyondwords.model.BackgroundTrackQuery q =
                io.trackflow.beyondwords.model.BackgroundTrackQuery.builder()
                        .name("rain")
                        .pageSize(20)
                        .startAt(io.trackflow.core.paging.PageCursor.of(
                                0,
                                300,
                                900,
                                io.trackflow.beyondwords.model.BackgroundTrackQuery.builder()
                                        .name("rain")
                                        .build()
                                        .fingerprint()))
                        .build();
        io.trackflow.core.ClientConfig config = io.trackflow.core.ClientConfig.builder()
                .from(io.trackflow.core.ClientConfig.of("http://127.0.0.1:9/v1"))
                .retryPolicy(io.trackflow.core.retry.RetryPolicy.builder()
                        .maxRetries(7)
                        .build())
                .totalTimeout(java.time.Duration.ofSeconds(42))
                .responseTimeout(java.time.Duration.ofSeconds(3))
                .build();
        BackgroundTrackSource source = BackgroundTrackSource.builder()
                .apiKey("rel-key-0")
                .clientConfig(config)
                .query(q)
                .build();
        BackgroundTrackSource shipped = org.apache.flink.util.InstantiationUtil.clone(source);
        java.lang.reflect.Field f = BackgroundTrackSource.class.getDeclaredField("config");
        f.setAccessible(true);
        SourceSettings settings = (SourceSettings) f.get(shipped);
        assertThat(settings.query()).isEqualTo(q);
        assertThat(settings.query().startAt())
                .contains(io.trackflow.core.paging.PageCursor.of(0, 300, 900, q.fingerprint()));
        assertThat(settings.toString()).doesNotContain("rel-key-0");
        java.lang.reflect.Field c = SourceSettings.class.getDeclaredField("client");
        c.setAccessible(true);
        assertThat(c.get(settings)).isEqualTo(config);
    }
}
