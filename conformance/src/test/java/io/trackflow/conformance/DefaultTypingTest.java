package io.trackflow.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import io.trackflow.beatpass.model.Track;
import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.core.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DefaultTyping;
import tools.jackson.databind.json.JsonMapper;

/**
 * A cache that stores values with their type ids (default typing, as Spring's Redis serializers do) keeps
 * trackflow's models, on either major: the id names the model, and the value reads back equal.
 */
class DefaultTypingTest {

    private static final String TRACK = "{\"id\":7,\"name\":\"Rain\",\"duration\":183456,\"price\":\"19.90\","
            + "\"artists\":[{\"id\":1,\"name\":\"Nimbus\",\"verified\":1}],\"custom\":true,\"x\":{\"y\":[1,2.50]}}";
    private static final String BACKGROUND = "{\"id\":3,\"name\":\"n\",\"volume\":\"loud\","
            + "\"created\":\"2023-01-01 00:00:00 UTC\",\"media\":{\"url\":\"u\",\"duration\":1.5}}";

    @Test
    void jackson3() {
        JsonMapper mapper = JsonMapper.builder()
                .findAndAddModules()
                .activateDefaultTyping(
                        tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator.builder()
                                .allowIfBaseType(Object.class)
                                .build(),
                        DefaultTyping.NON_FINAL,
                        JsonTypeInfo.As.PROPERTY)
                .build();
        List<Object> values = new java.util.ArrayList<>(
                List.of(Json.read(TRACK, Track.class), Json.read(BACKGROUND, BackgroundTrack.class)));
        String cached = mapper.writeValueAsString(values);
        assertThat(cached).contains("\"@class\":\"io.trackflow.beatpass.model.Track\"");
        assertThat(mapper.readValue(cached, List.class)).isEqualTo(values);
    }

    @Test
    void jackson2() throws Exception {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        mapper.activateDefaultTyping(
                BasicPolymorphicTypeValidator.builder()
                        .allowIfBaseType(Object.class)
                        .build(),
                ObjectMapper.DefaultTyping.NON_FINAL,
                JsonTypeInfo.As.PROPERTY);
        List<Object> values = new java.util.ArrayList<>(
                List.of(Json.read(TRACK, Track.class), Json.read(BACKGROUND, BackgroundTrack.class)));
        String cached = mapper.writeValueAsString(values);
        assertThat(cached).contains("\"@class\":\"io.trackflow.beyondwords.model.BackgroundTrack\"");
        assertThat(mapper.readValue(cached, List.class)).isEqualTo(values);
    }
}
