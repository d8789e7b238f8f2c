package io.trackflow.flink;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

class StateRestoreTest {
    @Test
    @EnabledIfSystemProperty(named = "trackflow.writeStateFixtures", matches = ".+")
    void writeFixtures() throws Exception {
        StateFixtures.write(Path.of(System.getProperty("trackflow.writeStateFixtures")));
    }
}
