package io.trackflow.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Many threads meeting trackflow's models for the first time at once (as Flink's readers do, each job in a
 * class loader of its own) all find every model's codec: the registry waits for a class another thread is
 * initializing instead of concluding it has no codec.
 */
class FirstUseRaceTest {

    private static final String PAGE = "[{\"id\":1,\"name\":\"a\",\"created\":\"2023-01-01 00:00:00 UTC\","
            + "\"project\":{\"id\":2,\"name\":\"p\"},\"media\":{\"url\":\"u\",\"duration\":5}}]";

    @Test
    void threadsFirstTouchingTheModelsTogetherAllReadThem() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            urls.add(java.nio.file.Path.of(entry).toUri().toURL());
        }
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int round = 0; round < 20; round++) {
            // a loader of its own: trackflow's classes, and so its registry, defined anew and uninitialized
            try (URLClassLoader loader =
                    new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
                Class<?> json = loader.loadClass("io.trackflow.core.json.Json");
                Class<?> track = loader.loadClass("io.trackflow.beyondwords.model.BackgroundTrack");
                Method readList = json.getMethod("readList", InputStream.class, Class.class);
                CountDownLatch start = new CountDownLatch(1);
                List<Thread> threads = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    Thread th = new Thread(() -> {
                        try {
                            start.await();
                            Object items = readList.invoke(
                                    null, new ByteArrayInputStream(PAGE.getBytes(StandardCharsets.UTF_8)), track);
                            assertThat((List<?>) items).hasSize(1);
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    });
                    th.start();
                    threads.add(th);
                }
                start.countDown();
                for (Thread th : threads) {
                    th.join(10_000);
                }
            }
        }
        assertThat(failures).isEmpty();
    }
}
