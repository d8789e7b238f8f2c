package io.trackflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects every text the suite produced (messages, toStrings) to check no credential is in any. */
final class Secrets {

    static final String API_KEY = "rel-key-" + Long.toHexString(System.nanoTime());
    static final String TOKEN = "rel-token-" + Long.toHexString(System.nanoTime());
    private static final List<String> TEXTS = new CopyOnWriteArrayList<>();

    private Secrets() {}

    static void seen(Object o) {
        if (o instanceof Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                TEXTS.add(String.valueOf(c));
                TEXTS.add(String.valueOf(c.getMessage()));
                for (Throwable s : c.getSuppressed()) {
                    TEXTS.add(String.valueOf(s));
                }
            }
        } else {
            TEXTS.add(String.valueOf(o));
        }
    }

    static int count() {
        return TEXTS.size();
    }

    static void assertNoneLeaked() {
        assertThat(TEXTS).noneMatch(t -> t.contains(API_KEY) || t.contains(TOKEN));
    }
}
