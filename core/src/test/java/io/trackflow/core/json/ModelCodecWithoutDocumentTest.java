package io.trackflow.core.json;

import io.trackflow.core.json.internal.Codecs;
import io.trackflow.core.json.internal.Wire;

/**
 * {@link ModelCodecTest}'s cases read by a parser that is not trackflow's own, as an application's mapper
 * reads through trackflow's Jackson module: there is no document to read again, so a nested value that may
 * not read is read capturing the raw value of every field as it goes. Both ways keep the same.
 */
class ModelCodecWithoutDocumentTest extends ModelCodecTest {

    @Override
    Place read(String json) {
        return readCapturing(json);
    }

    /** A place read by a parser without a document (broken JSON reported as {@link Json} reports it). */
    static Place readCapturing(String json) {
        return Json.parsing(() -> Wire.parser(json), p -> {
            p.nextToken();
            return Codecs.of(Place.class).read(p);
        });
    }
}
