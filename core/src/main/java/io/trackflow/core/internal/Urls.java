package io.trackflow.core.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Builds request URIs with strict RFC 3986 percent-encoding (brackets included). */
public final class Urls {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Urls() {}

    /**
     * {@code base} + {@code /segments...} + {@code ?query}, every segment, name and value encoded.
     *
     * @param base the base URL, no trailing slash
     * @param segments path segments (encoded here)
     * @param query query parameters, in order (encoded here)
     * @return the URI
     * @throws IllegalArgumentException when a segment is {@code .} or {@code ..}: servers and proxies
     *     resolve those (encoded or not) to another path
     */
    public static URI build(URI base, List<String> segments, List<Map.Entry<String, String>> query) {
        String start = base.toString();
        StringBuilder b = new StringBuilder(start.length() + 96); // one buffer for most URLs
        b.append(start);
        for (String s : segments) {
            if (s.equals(".") || s.equals("..")) {
                throw new IllegalArgumentException("a path segment must not be \"" + s + "\": it names another path");
            }
            b.append('/');
            encode(s, b);
        }
        char sep = '?';
        for (Map.Entry<String, String> q : query) {
            b.append(sep);
            encode(q.getKey(), b);
            b.append('=');
            encodeValue(q.getValue(), b);
            sep = '&';
        }
        return URI.create(b.toString());
    }

    /** Query values keep {@code ,} (an RFC 3986 sub-delimiter) readable: {@code with=tags,album}. */
    private static void encodeValue(String s, StringBuilder out) {
        int from = 0;
        for (int i = s.indexOf(','); i >= 0; i = s.indexOf(',', from)) {
            encode(s, from, i, out);
            out.append(',');
            from = i + 1;
        }
        encode(s, from, s.length(), out);
    }

    private static void encode(String s, StringBuilder out) {
        encode(s, 0, s.length(), out);
    }

    /** Percent-encodes {@code s[from, to)} as UTF-8, all but RFC 3986's unreserved characters. */
    private static void encode(String s, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) { // not ASCII: the rest as UTF-8 bytes (a surrogate pair stays whole)
                for (byte by : s.substring(i, to).getBytes(StandardCharsets.UTF_8)) {
                    escape(by & 0xff, out);
                }
                return;
            }
            escape(c, out);
        }
    }

    private static void escape(int c, StringBuilder out) {
        if ((c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~') {
            out.append((char) c);
        } else {
            out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
        }
    }
}
