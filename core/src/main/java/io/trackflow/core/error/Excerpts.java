package io.trackflow.core.error;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The start of a body as text, for an error's message: never more than asked, invalid UTF-8 replaced. */
final class Excerpts {

    private Excerpts() {}

    /** Decodes up to {@code maxBytes} of {@code b} (its position and limit are moved) as UTF-8. */
    static String of(ByteBuffer b, int maxBytes) {
        if (b.remaining() > maxBytes) {
            b.limit(b.position() + maxBytes);
        }
        CharsetDecoder d = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            CharBuffer c = d.decode(b);
            return c.toString();
        } catch (CharacterCodingException e) {
            return "";
        }
    }
}
