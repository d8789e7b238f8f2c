package io.trackflow.core.http;

import io.netty.util.AsciiString;
import io.trackflow.core.internal.BoundedCache;

/**
 * The lower-case names of the response headers a transport has read, kept so that a name the
 * server sends again costs one lookup and no allocation: a server sends few names, and the same ones
 * on every response. Keyed by the name as Netty read it, case and all ({@code AsciiString} compares
 * bytes). Bounded: at most {@link #MAX_KEPT} names of at most {@link #MAX_KEPT_LENGTH} characters;
 * any other name is lowered each time, as {@link Headers#lower(String)} does. Safe for any thread.
 */
final class HeaderNames {

    /** At most this many names are kept. */
    static final int MAX_KEPT = 256;

    /** Longer names are lowered each time, never kept. */
    static final int MAX_KEPT_LENGTH = 64;

    private final BoundedCache<AsciiString, String> kept = new BoundedCache<>(MAX_KEPT);

    /** The lower-case form of a response header's name as Netty read it. */
    String lower(CharSequence name) {
        if (!(name instanceof AsciiString)) {
            return Headers.lower(name.toString());
        }
        AsciiString ascii = (AsciiString) name;
        String lower = kept.get(ascii);
        if (lower != null) {
            return lower;
        }
        lower = Headers.lower(ascii.toString());
        if (ascii.length() <= MAX_KEPT_LENGTH && !kept.isFull()) { // no key copied once nothing more is kept
            // a key of its own: the name read may be a view of a buffer that is used again
            kept.keep(new AsciiString(ascii.toByteArray(), false), lower);
        }
        return lower;
    }

    /** How many names are kept. */
    int size() {
        return kept.size();
    }
}
