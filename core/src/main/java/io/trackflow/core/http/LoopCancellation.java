package io.trackflow.core.http;

import io.netty.channel.EventLoop;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import reactor.netty.Connection;

/**
 * Runs an exchange's cancellation on the event loop of its connection once it has one. A cancel
 * from another thread otherwise races the reads of the response: Reactor Netty can then take in a
 * response for a subscriber that is gone, and its body, queued for nobody, is never released. Before
 * a connection is bound, or on the loop itself, the cancel runs at once.
 */
final class LoopCancellation implements Executor {

    private volatile @Nullable EventLoop loop;

    /** Binds the exchange's connection. */
    void bind(Connection connection) {
        loop = connection.channel().eventLoop();
    }

    @Override
    public void execute(Runnable cancel) {
        EventLoop l = loop;
        if (l == null || l.inEventLoop()) {
            cancel.run();
            return;
        }
        try {
            l.execute(cancel);
        } catch (RejectedExecutionException shutDown) {
            cancel.run();
        }
    }
}
