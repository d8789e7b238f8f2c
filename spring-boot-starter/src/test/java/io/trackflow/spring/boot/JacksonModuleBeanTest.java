package io.trackflow.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.core.json.jackson3.TrackflowJackson3Module;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The application's Jackson 3 mapper (Boot's) gets trackflow's module as a bean, and nothing else changes. */
class JacksonModuleBeanTest {

    private static final String PROVIDER = "{\"id\":7,\"name\":\"Rain\",\"volume\":\"loud\",\"media\":{\"url\":\"u\","
            + "\"duration\":1500,\"custom\":true},\"created\":\"2023-01-01 00:00:00 UTC\",\"custom\":true,"
            + "\"unknown_future_field\":{\"x\":[1,2,3.10]}}";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, TrackflowAutoConfiguration.class));

    @Test
    void bootsMapperWritesAndReadsTheModelsAsTheProviderSendsThem() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(TrackflowJackson3Module.class);
            JsonMapper mapper = context.getBean(JsonMapper.class);
            BackgroundTrack t = mapper.readValue(PROVIDER, BackgroundTrack.class);
            assertThat(t.name()).isEqualTo("Rain");
            String written = mapper.writeValueAsString(t);
            assertThat(written)
                    .isEqualTo(
                            "{\"id\":7,\"name\":\"Rain\",\"media\":{\"url\":\"u\",\"duration\":1500,\"custom\":true},"
                                    + "\"created\":\"2023-01-01T00:00:00Z\",\"updated\":\"2023-01-01T00:00:00Z\","
                                    + "\"volume\":\"loud\",\"custom\":true,\"unknown_future_field\":{\"x\":[1,2,3.10]}}");
            assertThat(mapper.readValue(written, BackgroundTrack.class)).isEqualTo(t);
        });
    }

    @Test
    void theApplicationsOtherSettingsStandAndItsOwnModuleBeanWins() {
        runner.withPropertyValues("spring.jackson.serialization.indent-output=true")
                .run(context -> {
                    JsonMapper mapper = context.getBean(JsonMapper.class);
                    assertThat(mapper.isEnabled(SerializationFeature.INDENT_OUTPUT))
                            .isTrue();
                    assertThat(mapper.writeValueAsString(mapper.readValue(PROVIDER, BackgroundTrack.class)))
                            .contains("\n");
                });
        TrackflowJackson3Module own = new TrackflowJackson3Module();
        runner.withBean(TrackflowJackson3Module.class, () -> own)
                .run(context -> assertThat(context.getBean(TrackflowJackson3Module.class))
                        .isSameAs(own));
    }
}
