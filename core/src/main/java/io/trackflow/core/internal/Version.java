package io.trackflow.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The library's version, as packaged, and the {@code User-Agent} built from it: read here, at the
 * bottom, so that the transport and the public {@code io.trackflow.core.UserAgent} share one reading.
 */
public final class Version {

    private static final String VERSION = load();
    private static final String USER_AGENT =
            "trackflow/" + VERSION + " java/" + System.getProperty("java.version", "unknown");

    private Version() {}

    /**
     * The library version.
     *
     * @return the version, or {@code unknown}
     */
    public static String library() {
        return VERSION;
    }

    /**
     * The default {@code User-Agent}: {@code trackflow/<version> java/<version>}.
     *
     * @return the value
     */
    public static String userAgent() {
        return USER_AGENT;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/io/trackflow/core/trackflow.properties")) {
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
