package io.trackflow.core.error;

import io.trackflow.core.http.HttpRequest;
import io.trackflow.core.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the credentials a request carried out of the error made of its response: a server that echoes an
 * API key or a token (in its message, its body, a header) must not put it in an exception's message,
 * excerpt or headers. The secrets are the values of the headers the authentication added or changed (any
 * name: {@code ApiKeyAuth.header("X-Auth-Token", ..)} too) and of the usual credential headers ({@code
 * Authorization}'s credentials after the scheme, {@code X-Api-Key}, {@code Proxy-Authorization}, each
 * cookie's value); each occurrence in the response, as sent or JSON-escaped ({@code \/} for {@code /},
 * as PHP writes it), is replaced by {@code ****}, and the response's own credential headers are shown as
 * {@code ****}. Secrets shorter than {@link #MIN_LENGTH} are left alone (they would mask ordinary words).
 */
final class EchoedSecrets {

    /** The shortest value treated as a secret to look for. */
    static final int MIN_LENGTH = 6;

    private static final String MASK = "****";

    /** Headers that carry credentials or session state, in requests and responses (those {@link ErrorResponse} masks). */
    private static final Set<String> CREDENTIAL_HEADERS = ErrorResponse.SENSITIVE;

    private EchoedSecrets() {}

    /**
     * The response as the error may show it: {@code response} itself when it echoes nothing.
     *
     * @param original the request before authentication, or {@code null} when unknown (then only the usual
     *     credential headers count)
     * @param sent the request as sent
     * @param response its response
     */
    static HttpResponse scrubbed(@Nullable HttpRequest original, HttpRequest sent, HttpResponse response) {
        List<String> secrets = secretsOf(original, sent);
        boolean headers = false;
        for (String name : response.headers().keySet()) {
            if (CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                headers = true;
                break;
            }
        }
        String body = null;
        if (!secrets.isEmpty()) {
            String text =
                    StandardCharsets.UTF_8.decode(response.body().duplicate()).toString();
            String masked = mask(text, secrets);
            if (!masked.equals(text)) {
                body = masked;
            }
            if (!headers) {
                headers = response.headers().values().stream()
                        .flatMap(List::stream)
                        .anyMatch(v -> !mask(v, secrets).equals(v));
            }
        }
        if (body == null && !headers) {
            return response;
        }
        Map<String, List<String>> h = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : response.headers().entrySet()) {
            boolean credential = CREDENTIAL_HEADERS.contains(e.getKey().toLowerCase(Locale.ROOT));
            List<String> values = new ArrayList<>(e.getValue().size());
            for (String v : e.getValue()) {
                values.add(credential ? MASK : mask(v, secrets));
            }
            h.put(e.getKey(), List.copyOf(values));
        }
        HttpResponse.Builder b = HttpResponse.builder().from(response).headers(h);
        if (body != null) {
            b.body(ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer());
        }
        return b.build();
    }

    /**
     * What masks the credentials {@code sent} carried in texts and exceptions made of its response.
     *
     * @param original the request before authentication, or {@code null} when unknown (then only the usual
     *     credential headers count)
     * @param sent the request as sent
     */
    static Masker of(@Nullable HttpRequest original, HttpRequest sent) {
        return new Masker(secretsOf(original, sent));
    }

    /** Masks one request's credentials (see {@link #of}). */
    static final class Masker {
        /** Causes looked into, at most: a chain longer than that is cut there. */
        private static final int MAX_DEPTH = 16;

        private final List<String> secrets;

        private Masker(List<String> secrets) {
            this.secrets = secrets;
        }

        /** {@code text} with every echoed credential as {@code ****}. */
        String mask(String text) {
            return secrets.isEmpty() ? text : EchoedSecrets.mask(text, secrets);
        }

        /**
         * The first {@code maxBytes} of {@code body} as text, its credentials masked before the cut (a
         * credential that crosses the cut does not show in part).
         */
        String excerpt(ByteBuffer body, int maxBytes) {
            if (secrets.isEmpty()) {
                return Excerpts.of(body.duplicate(), maxBytes);
            }
            String masked = mask(Excerpts.of(body.duplicate(), Integer.MAX_VALUE));
            return Excerpts.of(ByteBuffer.wrap(masked.getBytes(StandardCharsets.UTF_8)), maxBytes);
        }

        /**
         * {@code error} itself when neither it nor a cause of it shows a credential; else a copy of the
         * chain that shows {@code ****} instead ({@link MaskedCause}: each one's class named in its message,
         * its stack trace kept).
         */
        @Nullable
        Throwable mask(@Nullable Throwable error) {
            if (error == null || secrets.isEmpty() || !echoes(error)) {
                return error;
            }
            return copy(error, 0);
        }

        private boolean echoes(Throwable error) {
            Throwable t = error;
            for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
                String shown = t.toString();
                if (!mask(shown).equals(shown)) {
                    return true;
                }
            }
            return false;
        }

        private @Nullable Throwable copy(@Nullable Throwable error, int depth) {
            if (error == null || depth >= MAX_DEPTH) {
                return null;
            }
            MaskedCause c = new MaskedCause(mask(error.toString()), copy(error.getCause(), depth + 1));
            c.setStackTrace(error.getStackTrace());
            return c;
        }
    }

    /**
     * Stands for a cause whose message showed a credential: its message is the original's {@code
     * toString()} (the class name, then the message) with the credential as {@code ****}.
     */
    static final class MaskedCause extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MaskedCause(String shown, @Nullable Throwable cause) {
            super(shown, cause);
        }

        @Override
        public String toString() {
            return String.valueOf(getMessage());
        }
    }

    private static List<String> secretsOf(@Nullable HttpRequest original, HttpRequest sent) {
        List<String> secrets = new ArrayList<>(4);
        for (Map.Entry<String, String> e : sent.headers().entrySet()) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            String value = e.getValue().trim();
            boolean added = original != null
                    && !value.equals(original.header(e.getKey()).orElse(null));
            if (!added && !CREDENTIAL_HEADERS.contains(name)) {
                continue;
            }
            if (name.equals("cookie")) {
                for (String pair : value.split(";")) {
                    int eq = pair.indexOf('=');
                    add(secrets, eq < 0 ? pair : pair.substring(eq + 1));
                }
                continue;
            }
            int space = value.indexOf(' ');
            if (name.endsWith("authorization") && space > 0) {
                add(secrets, value.substring(space + 1)); // the credentials after the scheme
            }
            add(secrets, value);
        }
        secrets.sort((a, b) -> Integer.compare(b.length(), a.length())); // a secret that holds another, masked whole
        return secrets;
    }

    private static void add(List<String> secrets, String value) {
        String v = value.trim();
        if (v.length() < MIN_LENGTH) {
            return;
        }
        secrets.add(v);
        String escaped = v.replace("\\", "\\\\").replace("\"", "\\\"");
        if (!escaped.equals(v)) {
            secrets.add(escaped); // as a JSON string holds it
        }
        if (escaped.indexOf('/') >= 0) {
            secrets.add(escaped.replace("/", "\\/")); // as PHP's json_encode writes it
        }
    }

    private static String mask(String text, List<String> secrets) {
        String s = text;
        for (String secret : secrets) {
            if (s.contains(secret)) {
                s = s.replace(secret, MASK);
            }
        }
        for (String secret : secrets) {
            s = maskCutShort(s, secret);
        }
        return s;
    }

    /** Where a report is shortened: Jackson ends a long token it names with it. */
    private static final String CUT = "...";

    /**
     * {@code s} with the start of {@code secret} (at least {@link #MIN_LENGTH} characters of it) masked
     * where a shortened report cut the rest off: before {@code "..."} (Jackson names at most 256
     * characters of a token it cannot read) or at the end of the text.
     */
    private static String maskCutShort(String s, String secret) {
        String out = s;
        for (int n = secret.length() - 1; n >= MIN_LENGTH; n--) {
            String head = secret.substring(0, n);
            int at = out.indexOf(head + CUT);
            while (at >= 0) {
                out = out.substring(0, at) + MASK + out.substring(at + n);
                at = out.indexOf(head + CUT, at + MASK.length());
            }
            if (out.endsWith(head)) {
                out = out.substring(0, out.length() - n) + MASK;
            }
        }
        return out;
    }
}
