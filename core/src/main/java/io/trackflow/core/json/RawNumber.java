package io.trackflow.core.json;

import io.trackflow.core.json.internal.Wire;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * A {@link RawJson} number beyond a {@code long}, or with a fraction or an exponent, as sent: its text,
 * and whether it is an integer (no fraction, no exponent). Equal to another by value: an integer never
 * equals a decimal, and decimals compare ignoring scale ({@code 2.5} equals {@code 2.50}).
 *
 * @param text the digits as sent
 * @param integer whether it is an integer
 */
record RawNumber(String text, boolean integer) {

    /**
     * Into JSON text, the digits as sent; into anything else (a token buffer, a tree, a binary format),
     * as an integer or an exact decimal, which such a generator keeps.
     */
    void write(JsonGenerator g) {
        if (Wire.writesText(g)) {
            g.writeNumber(text);
        } else if (integer) {
            g.writeNumber(new BigInteger(text));
        } else {
            g.writeNumber(new BigDecimal(text));
        }
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (!(o instanceof RawNumber) || ((RawNumber) o).integer != integer) {
            return false;
        }
        RawNumber n = (RawNumber) o;
        return integer
                ? new BigInteger(text).equals(new BigInteger(n.text))
                : new BigDecimal(text).compareTo(new BigDecimal(n.text)) == 0;
    }

    @Override
    public int hashCode() {
        return integer
                ? new BigInteger(text).hashCode()
                : 7 * new BigDecimal(text).stripTrailingZeros().hashCode() + 1;
    }
}
