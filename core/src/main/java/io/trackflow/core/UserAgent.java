package io.trackflow.core;

import io.trackflow.core.internal.Version;

/** The {@code User-Agent} trackflow sends: {@code trackflow/<version> java/<version>}. */
public final class UserAgent {

    private UserAgent() {}

    /** Returns the library version, as packaged, or {@code "unknown"}. */
    public static String version() {
        return Version.library();
    }

    /** Returns the default {@code User-Agent} value, e.g. {@code trackflow/0.1.0 java/17.0.15}. */
    public static String defaultValue() {
        return Version.userAgent();
    }
}
