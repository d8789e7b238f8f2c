package io.trackflow.core.json.internal;

import java.io.FilterInputStream;
import java.io.InputStream;

/**
 * A stream that holds one JSON document in full, already received (an HTTP body): a read of it then also
 * checks that nothing but whitespace follows the value, where a stream in general is only read up to the end
 * of its value (the peer may keep it open). A second document, or a proxy's error page appended to the body,
 * fails the read instead of being dropped.
 */
public final class WholeDocument extends FilterInputStream {

    /**
     * Marks a stream as a whole document.
     *
     * @param in the complete document (reading it to its end never waits)
     */
    public WholeDocument(InputStream in) {
        super(in);
    }
}
