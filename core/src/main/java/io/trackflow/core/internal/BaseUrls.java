package io.trackflow.core.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * The rules of a base URL, for {@code ClientConfig} and {@code ApiClientBuilder} alike: absolute
 * {@code https} (or {@code http} to a loopback host, or anywhere when allowed), with a host, without
 * user-info, query or fragment. Messages show the URL with any credentials hidden.
 */
public final class BaseUrls {

    private BaseUrls() {}

    /**
     * Parses and checks the structure of a base URL.
     *
     * @param baseUrl the URL text
     * @return the URI
     * @throws IllegalArgumentException naming {@code baseUrl} when it is not acceptable
     */
    public static URI parse(String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String text = baseUrl.trim();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "baseUrl is not a valid URL, was \"" + shown(text) + "\" (" + e.getReason() + ")" + fix(text), e);
        }
        checkShape(uri, text);
        return uri;
    }

    /** The structure every base URL needs, whatever the other options say. */
    private static void checkShape(URI uri, String text) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || uri.getRawAuthority() == null) {
            throw new IllegalArgumentException(
                    "baseUrl must be an absolute http(s) URL, was \"" + shown(text) + "\"" + fix(text));
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("baseUrl must not carry user-info, was \"" + shown(text)
                    + "\" (credentials belong in the client's auth settings)");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("baseUrl must name a host, was \"" + shown(text) + "\"");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "baseUrl must not carry a query or fragment, was \"" + shown(text) + "\"");
        }
    }

    /**
     * A base URL whose structure is checked, as every request URI is built on it: without trailing
     * slashes.
     *
     * @param uri the base URL
     * @return {@code uri}, its trailing slashes removed
     * @throws IllegalArgumentException naming {@code baseUrl} (credentials hidden) when its structure is wrong
     */
    public static URI normalized(URI uri) {
        String s = uri.toString();
        checkShape(uri, s);
        return s.endsWith("/") ? URI.create(s.replaceAll("/+$", "")) : uri;
    }

    /**
     * Refuses plain {@code http} to a non-loopback host unless allowed (credentials would travel in clear
     * text). The structure is checked apart ({@link #normalized}, {@link #parse}).
     *
     * @param uri the base URL, of a checked structure
     * @param allowInsecure whether plain http to any host is allowed
     * @throws IllegalArgumentException naming {@code baseUrl} when it is refused
     */
    public static void checkPlainHttp(URI uri, boolean allowInsecure) {
        if (uri.getScheme().equalsIgnoreCase("http") && !allowInsecure && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("baseUrl uses plain http to a non-loopback host, was \""
                    + shown(uri.toString()) + "\"; credentials would be sent in clear text"
                    + " (use https, or allow it explicitly with allowInsecureHttp(true))");
        }
    }

    /**
     * A URL as an error may show it, at most 200 chars: a query or fragment (which may hold a token) as {@code
     * ?****} / {@code #****}, and everything before the last {@code @} of what is left (user-info, even one
     * holding a {@code /} that makes the URL not parse) as {@code ****}.
     */
    private static String shown(String text) {
        String s = text;
        String tail = "";
        int cut = firstOf(s, '?', '#');
        if (cut >= 0) {
            tail = s.charAt(cut) + "****";
            s = s.substring(0, cut);
        }
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            int scheme = s.indexOf("://");
            int start = scheme < 0 ? 0 : scheme + 3;
            if (at >= start) {
                s = s.substring(0, start) + "****" + s.substring(at);
            }
        }
        s += tail;
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    /** The likely fix of a URL without a scheme ({@code localhost:8080/v1}), or nothing. */
    private static String fix(String text) {
        if (text.isEmpty() || text.contains("://")) {
            return "";
        }
        return "; add the scheme, e.g. \"https://" + shown(text) + "\" (or \"http://\" for a loopback host)";
    }

    /**
     * Whether a host name is a loopback name or literal, judged without any DNS lookup.
     *
     * @param host the host
     * @return whether it is loopback
     */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost")
                || h.endsWith(".localhost")
                || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
