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

/**
 * Keeps the credentials a request carried out of the error made of its response: a server that echoes an
 * API key or a token (in its message, its body, a header) must not put it in an exception's message,
 * excerpt or headers. The secrets are the values of the request's credential headers ({@code
 * Authorization}'s token, {@code X-Api-Key}, {@code Proxy-Authorization}, {@code Cookie}); each occurrence
 * in the response is replaced by {@code ****}, and the response's own credential headers are shown as
 * {@code ****}. Secrets shorter than {@link #MIN_LENGTH} are left alone (they would mask ordinary words).
 */
final class EchoedSecrets {

    /** The shortest value treated as a secret to look for. */
    static final int MIN_LENGTH = 6;

    private static final String MASK = "****";

    /** Headers that carry credentials or session state, in requests and responses. */
    private static final Set<String> CREDENTIAL_HEADERS =
            Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key");

    private EchoedSecrets() {}

    /** The response as the error may show it: {@code response} itself when it echoes nothing. */
    static HttpResponse scrubbed(HttpRequest sent, HttpResponse response) {
        List<String> secrets = secretsOf(sent);
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

    private static List<String> secretsOf(HttpRequest sent) {
        List<String> secrets = new ArrayList<>(2);
        for (Map.Entry<String, String> e : sent.headers().entrySet()) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            if (!CREDENTIAL_HEADERS.contains(name)) {
                continue;
            }
            String value = e.getValue().trim();
            int space = value.indexOf(' ');
            if (name.endsWith("authorization") && space > 0) {
                value = value.substring(space + 1).trim(); // the credentials after the scheme
            }
            if (value.length() >= MIN_LENGTH) {
                secrets.add(value);
            }
        }
        return secrets;
    }

    private static String mask(String text, List<String> secrets) {
        String s = text;
        for (String secret : secrets) {
            if (s.contains(secret)) {
                s = s.replace(secret, MASK);
            }
        }
        return s;
    }
}
