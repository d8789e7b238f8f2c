package io.trackflow.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trackflow.beyondwords.BeyondWordsClient;
import org.junit.jupiter.api.Test;

/** Runs with the consumer and the library modules as named modules on the module path. */
class ModulePathTest {

    @org.junit.jupiter.api.BeforeEach
    void onTheModulePath() {
        // run by the module-path execution; the class-path one (when selected with -Dtest) skips
        org.junit.jupiter.api.Assumptions.assumeTrue(getClass().getModule().isNamed(), "not on the module path");
    }

    @Test
    void aConsumerOnTheModulePathUsesBothClients() {
        assertThat(ModulePathConsumer.class.getModule().getName()).isEqualTo("io.trackflow.conformance");
        assertThat(BeyondWordsClient.class.getModule().getName()).isEqualTo("io.trackflow.beyondwords");
        assertThat(ModulePathConsumer.run()).matches("120 background tracks; track 3 on album Album \\d+");
    }

    @Test
    void coreExportsItsToolkitButNotItsInternals() {
        Module core = BeyondWordsClient.class
                .getModule()
                .getLayer()
                .findModule("io.trackflow.core")
                .orElseThrow();
        assertThat(core.getDescriptor().exports())
                .allSatisfy(e -> assertThat(e.isQualified()).isFalse());
        assertThat(core.isExported("io.trackflow.core.client")).isTrue();
        assertThat(core.isExported("io.trackflow.core.internal")).isFalse();
        assertThat(core.getPackages()).contains("io.trackflow.core.internal");
        assertThatThrownBy(() -> Class.forName("io.trackflow.core.error.internal.ErrorAccess")
                        .getMethod("get")
                        .invoke(null))
                .isInstanceOf(IllegalAccessException.class);
    }

    @Test
    void anApplicationOnJackson3AloneReadsAndWritesTheModelsWithItsOwnMapper() {
        assertThat(ModuleLayer.boot().findModule("com.fasterxml.jackson.databind"))
                .isEmpty();
        assertThat(ModuleLayer.boot().findModule("com.fasterxml.jackson.core")).isEmpty();
        assertThatThrownBy(() -> Class.forName("com.fasterxml.jackson.databind.ObjectMapper"))
                .isInstanceOf(ClassNotFoundException.class);
        String[] out = Jackson3Consumer.run().split("\n");
        assertThat(out[0]).startsWith("{\"id\":3,").doesNotContain("{\"null\":");
        assertThat(out[1]).isEqualTo("true");
        assertThat(out[2]).contains("name=Rain", "volume=40", "projectId=2", "mediaUrl=https://cdn.example.com/a.mp3");
        assertThat(out[3])
                .isEqualTo("{\"id\":1,\"name\":\"n\",\"volume\":100,\"created\":\"2023-01-01T00:00:00Z\","
                        + "\"updated\":\"2023-01-01T00:00:00Z\",\"custom\":true}");
    }
}
