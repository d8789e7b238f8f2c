package io.trackflow.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UrlsTest {

    @Test
    void everyCharacterButTheUnreservedIsPercentEncodedAsUtf8AndCommasInValuesStay() {
        URI base = URI.create("https://api.example.com/v1");
        assertThat(Urls.build(base, List.of("tracks", "a b/ü"), List.of(Map.entry("with", "tags,album [x]"))))
                .hasToString("https://api.example.com/v1/tracks/a%20b%2F%C3%BC?with=tags,album%20%5Bx%5D");
        Random random = new Random(7);
        String alphabet = "aZ09-._~ ,/?#[]@!$&'()*+;=%\u00e9\u00fc\u20ac\u4e2d\ud83c\udfb5";
        for (int round = 0; round < 5_000; round++) {
            String segment = text(random, alphabet);
            String name = text(random, alphabet);
            String value = text(random, alphabet);
            assertThat(Urls.build(base, List.of(segment), List.of(Map.entry(name, value)))
                            .toString())
                    .as("%s / %s = %s", segment, name, value)
                    .isEqualTo(base + "/" + bytewise(segment) + "?" + bytewise(name) + "="
                            + String.join(
                                    ",",
                                    List.of(value.split(",", -1)).stream()
                                            .map(UrlsTest::bytewise)
                                            .toList()));
        }
    }

    private static String text(Random random, String alphabet) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(8);
        while (b.length() < n) {
            int i = random.nextInt(alphabet.length());
            char c = alphabet.charAt(i);
            if (Character.isHighSurrogate(c)) {
                b.append(c).append(alphabet.charAt(i + 1));
            } else if (!Character.isLowSurrogate(c)) {
                b.append(c);
            }
        }
        String s = b.toString();
        return s.equals(".") || s.equals("..") ? "x" : s;
    }

    /** The reference: every UTF-8 byte, unreserved ones as they are, the others as %XX. */
    private static String bytewise(String s) {
        StringBuilder out = new StringBuilder();
        for (byte by : s.getBytes(StandardCharsets.UTF_8)) {
            int c = by & 0xff;
            boolean unreserved =
                    c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0;
            out.append(unreserved ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        return out.toString();
    }
}
