package io.trackflow.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The {@code User-Agent} trackflow sends: {@code trackflow/<version> java/<version>}. */
public final class UserAgent {

    private static final String VERSION = loadVersion();
    private static final String DEFAULT =
            "trackflow/" + VERSION + " java/" + System.getProperty("java.version", "unknown");

    private UserAgent() {}

    /** Returns the library version, as packaged, or {@code "unknown"}. */
    public static String version() {
        return VERSION;
    }

    /** Returns the default {@code User-Agent} value, e.g. {@code trackflow/0.1.0 java/17.0.15}. */
    public static String defaultValue() {
        return DEFAULT;
    }

    private static String loadVersion() {
        try (InputStream in = UserAgent.class.getResourceAsStream("trackflow.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
