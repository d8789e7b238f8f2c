package io.trackflow.beyondwords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trackflow.core.paging.PageCursor;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A cursor, written as its text, reads back as a map's key too (a job's cursor per partition, kept as JSON),
 * with either major: the key once wrote and then failed to read ("Cannot find a (Map) Key deserializer").
 */
class CursorKeysTest {

    private static final Map<PageCursor, Integer> BY_CURSOR =
            Map.of(PageCursor.of(0, 50, 100, "f1"), 1, PageCursor.of(100, 150, 200, "f1"), 2);

    @Test
    void jackson3ReadsACursorKeyBack() {
        JsonMapper m = JsonMapper.builder().findAndAddModules().build();
        String json = m.writeValueAsString(BY_CURSOR);
        assertThat(m.readValue(json, new tools.jackson.core.type.TypeReference<Map<PageCursor, Integer>>() {}))
                .isEqualTo(BY_CURSOR);
        assertThatThrownBy(() -> m.readValue(
                        "{\"not a cursor\":1}",
                        new tools.jackson.core.type.TypeReference<Map<PageCursor, Integer>>() {}))
                .isInstanceOf(tools.jackson.databind.exc.InvalidFormatException.class)
                .hasMessageContaining("not a cursor");
    }

    @Test
    void jackson2ReadsACursorKeyBack() throws Exception {
        ObjectMapper m = new ObjectMapper().findAndRegisterModules();
        String json = m.writeValueAsString(BY_CURSOR);
        assertThat(m.readValue(json, new TypeReference<Map<PageCursor, Integer>>() {}))
                .isEqualTo(BY_CURSOR);
        assertThatThrownBy(() -> m.readValue("{\"not a cursor\":1}", new TypeReference<Map<PageCursor, Integer>>() {}))
                .isInstanceOf(com.fasterxml.jackson.databind.exc.InvalidFormatException.class);
    }
}
