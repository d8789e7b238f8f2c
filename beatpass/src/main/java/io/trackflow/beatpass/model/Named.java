package io.trackflow.beatpass.model;

import io.trackflow.core.json.RawFields;
import org.immutables.value.Value;

/**
 * What every object of BeatPass's catalogue has: an id and a name, both required (an object without them
 * does not read), and the fields its model does not read, kept raw. {@link Track}, {@link Artist}, {@link
 * Album}, {@link Genre} and {@link Tag} are named entries; {@link Genre} and {@link Tag} are nothing more.
 */
public interface Named {

    /** {@code id}: required, an integer (or a string of one). */
    long id();

    /** {@code name}: required, a string. */
    String name();

    /** The fields of the entry its model does not read, raw and in the order sent. Immutable; empty by default. */
    @Value.Default
    default RawFields additionalProperties() {
        return RawFields.empty();
    }
}
