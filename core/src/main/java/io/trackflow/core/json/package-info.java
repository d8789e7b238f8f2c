/**
 * trackflow's JSON codec on Jackson 3's streaming API: {@link io.trackflow.core.json.ModelCodec} (one reading
 * and writing rule per model), {@link io.trackflow.core.json.FieldType}, the raw JSON view {@link
 * io.trackflow.core.json.RawJson}/{@link io.trackflow.core.json.RawFields}, lenient {@link
 * io.trackflow.core.json.Timestamps}, and the {@link io.trackflow.core.json.Json} facade. No Jackson type in
 * any signature; the Jackson modules for an application's own mapper are in {@code .jackson3} and {@code
 * .jackson2}.
 */
@NullMarked
package io.trackflow.core.json;

import org.jspecify.annotations.NullMarked;
