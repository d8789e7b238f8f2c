package io.trackflow.flink;

import io.trackflow.core.http.ReactorNettyTransport;
import java.time.Duration;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.util.UserCodeClassLoader;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * Frees Reactor Netty's event loops and Reactor's schedulers when Flink lets go of the job's class
 * loader. On a cluster, trackflow, Reactor and Netty come in the job's jar, so each job (and each
 * restart that gets a new class loader) loads them anew: their global event-loop and scheduler
 * threads would otherwise outlive the job and keep its class loader (and every class in the jar)
 * alive in the TaskManager. Nothing is registered when Reactor is loaded by Flink's own class loader
 * (a MiniCluster, an IDE, Reactor put in Flink's {@code lib/}): those threads are shared with the rest
 * of the JVM.
 *
 * <p>Reactor Netty's global resources are freed through {@link
 * ReactorNettyTransport#disposeGlobalResources()}: no Netty type is used outside core's transport
 * package (the conformance module's rule).
 */
final class ReactorResources {

    /** The release hook's name: registered once per class loader, whoever asks first. */
    static final String HOOK = "trackflow-reactor-netty";

    private static final Logger LOG = Loggers.getLogger(ReactorResources.class);

    private ReactorResources() {}

    /**
     * Registers the release hook when Reactor Netty belongs to the job's class loader.
     *
     * @param loader the job's class loader (a source reader's)
     */
    static void releaseWith(UserCodeClassLoader loader) {
        if (ownedByTheJob()) {
            loader.registerReleaseHookIfAbsent(HOOK, ReactorResources::release);
        }
    }

    /**
     * Registers the release hook when Reactor Netty belongs to the job's class loader.
     *
     * @param context the runtime context of a function
     */
    static void releaseWith(org.apache.flink.api.common.functions.RuntimeContext context) {
        if (ownedByTheJob()) {
            context.registerUserCodeClassLoaderReleaseHookIfAbsent(HOOK, ReactorResources::release);
        }
    }

    /** Whether Reactor (and with it Reactor Netty) was loaded by another class loader than Flink's. */
    static boolean ownedByTheJob() {
        return Mono.class.getClassLoader() != Source.class.getClassLoader();
    }

    private static void release() {
        try {
            ReactorNettyTransport.disposeGlobalResources().block(Duration.ofSeconds(10));
            Schedulers.shutdownNow();
            LOG.info("trackflow: Reactor Netty event loops and Reactor schedulers of the job's class loader freed");
        } catch (RuntimeException e) {
            LOG.warn("trackflow: could not free Reactor Netty's event loops: {}", e.toString());
        }
    }
}
