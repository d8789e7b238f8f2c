package io.trackflow.core.json;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@link ModelCodecTest}'s cases read from a stream, as a client reads a body: the stream is read whole, and
 * a nested value that does not read is read again, raw, from the document's bytes.
 */
class ModelCodecFromStreamTest extends ModelCodecTest {

    @Override
    Place read(String json) {
        return Json.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Place.class);
    }
}
