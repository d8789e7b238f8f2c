package io.trackflow.spring.boot;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The credential properties and how to recognise them in the actuator's {@code configprops} and
 * {@code env} output, whatever form the key takes there: {@code trackflow.beyondwords.api-key},
 * {@code trackflow.beyondwords.apiKey} (configprops) or {@code TRACKFLOW_BEYONDWORDS_APIKEY} (an
 * environment variable); and, by value, any other property holding the same secret (a placeholder's
 * source such as {@code BW_KEY} in {@code trackflow.beyondwords.api-key=${BW_KEY}}) or a text that contains
 * it (the JSON of {@code spring.application.json} / {@code SPRING_APPLICATION_JSON}).
 */
final class SecretProperties {

    static final String BEYONDWORDS_API_KEY = "trackflow.beyondwords.api-key";
    static final String BEATPASS_TOKEN = "trackflow.beatpass.token";

    private static final Set<String> KEYS = Set.of(canonical(BEYONDWORDS_API_KEY), canonical(BEATPASS_TOKEN));

    private final Environment environment;

    SecretProperties(Environment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /**
     * Whether an actuator entry shows a trackflow credential.
     *
     * @param key the entry's key in any of the forms above
     * @param value the entry's value
     * @return whether to hide the value
     */
    boolean isSecret(@Nullable String key, @Nullable Object value) {
        if (key != null && KEYS.contains(canonical(key))) {
            return true;
        }
        if (!(value instanceof CharSequence) || value.toString().isBlank()) {
            return false;
        }
        String v = value.toString();
        String apiKey = resolved(BEYONDWORDS_API_KEY);
        String token = resolved(BEATPASS_TOKEN);
        // JSON may escape "/" or any character of a credential: then look again with the escapes read
        return shows(v, apiKey, token) || v.indexOf('\\') >= 0 && shows(jsonUnescaped(v), apiKey, token);
    }

    /** A text with JSON's escapes ({@code \/}, {@code \u002F}, ...) read, to find a credential written escaped. */
    static String jsonUnescaped(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                b.append(c);
                continue;
            }
            char e = text.charAt(++i);
            if (e == 'u' && i + 4 < text.length()) {
                try {
                    b.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                    i += 4;
                    continue;
                } catch (NumberFormatException notHex) {
                    b.append('\\');
                }
            }
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                default -> b.append(e); // \" \\ \/ and anything else: the character itself
            }
        }
        return b.toString();
    }

    /** Whether a value is, or contains, one of the credentials (the whole value is then hidden). */
    private static boolean shows(String value, @Nullable String apiKey, @Nullable String token) {
        return contains(value, apiKey) || contains(value, token);
    }

    private static boolean contains(String value, @Nullable String credential) {
        return credential != null && !credential.isBlank() && value.contains(credential);
    }

    private @Nullable String resolved(String property) {
        try {
            return Binder.get(environment).bind(property, String.class).orElse(null);
        } catch (RuntimeException e) { // e.g. an unresolvable placeholder: nothing to compare with
            return null;
        }
    }

    /** Lower case, letters and digits only: every relaxed form of a property name maps to the same text. */
    static String canonical(String key) {
        StringBuilder b = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(c);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
