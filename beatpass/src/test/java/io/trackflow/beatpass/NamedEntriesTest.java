package io.trackflow.beatpass;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.beatpass.model.Album;
import io.trackflow.beatpass.model.Artist;
import io.trackflow.beatpass.model.Genre;
import io.trackflow.beatpass.model.Named;
import io.trackflow.beatpass.model.Tag;
import io.trackflow.beatpass.model.Track;
import io.trackflow.core.json.Json;
import io.trackflow.core.json.RawFields;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NamedEntriesTest {

    private static final List<Class<?>> MODELS =
            List.of(Track.class, Artist.class, Album.class, Genre.class, Tag.class);

    static Stream<Named> entries() {
        Track track = Json.read(
                "{\"id\":7,\"name\":\"Intro\",\"genres\":[{\"id\":1,\"name\":\"rock\",\"color\":\"red\"}],"
                        + "\"tags\":[{\"id\":2,\"name\":\"chill\"}],\"artists\":[{\"id\":3,\"name\":\"Ada\"}],"
                        + "\"album\":{\"id\":4,\"name\":\"First\"}}",
                Track.class);
        return Stream.of(
                track,
                track.genres().get(0),
                track.tags().get(0),
                track.artists().get(0),
                track.album().orElseThrow());
    }

    @Test
    void everyObjectOfTheCatalogueIsANamedEntry() {
        assertThat(MODELS).allSatisfy(type -> assertThat(Named.class).isAssignableFrom(type));
        assertThat(entries().map(e -> e.id() + ":" + e.name()))
                .containsExactly("7:Intro", "1:rock", "2:chill", "3:Ada", "4:First");
    }

    @Test
    void aGenreKeepsTheFieldsItDoesNotReadAndAnEntryWithoutThemHasNone() {
        Genre rock = Json.read("{\"id\":1,\"name\":\"rock\",\"color\":\"red\"}", Genre.class);
        assertThat(rock.additionalProperties().keySet()).containsExactly("color");
        assertThat(Tag.builder().id(2).name("chill").build().additionalProperties())
                .isEqualTo(RawFields.empty());
    }

    /** Frameworks read models by reflection (expression languages, assertion libraries, schema tools). */
    @ParameterizedTest
    @MethodSource("entries")
    void anEntrysAccessorsAreCallableByReflectionOnItsModelFromAnotherPackage(Named entry) throws Exception {
        Class<?> model =
                MODELS.stream().filter(t -> t.isInstance(entry)).findFirst().orElseThrow();
        assertThat(model.getMethod("id").invoke(entry)).isEqualTo(entry.id());
        assertThat(model.getMethod("name").invoke(entry)).isEqualTo(entry.name());
        assertThat(model.getMethod("additionalProperties").invoke(entry)).isEqualTo(entry.additionalProperties());
    }
}
