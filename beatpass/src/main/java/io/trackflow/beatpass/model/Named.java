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

    /**
     * The fields of the object its model does not read, raw and in the order sent: fields it does not know
     * (BeatPass adds fields; {@code null}s included), and optional fields whose value did not read (under
     * their own JSON name, with the value as sent). Immutable; empty when every field was read. Written back
     * as the object's own fields.
     */
    @Value.Default
    default RawFields additionalProperties() {
        return RawFields.empty();
    }
}
