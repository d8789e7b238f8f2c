package io.trackflow.flink;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * A lookup subtask's own thread, which runs what the event loops hand it, in order. Handing over never
 * blocks, not even for a moment: a lock-free queue and an unpark, where an executor's queue takes a lock
 * that two event loops handing over at once contend for (one of them then parks on an event loop).
 */
final class Completions implements AutoCloseable {

    private static final Logger LOG = Loggers.getLogger(Completions.class);

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    Completions(String name) {
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs {@code task} on this thread, after those handed over before it; never blocks. */
    void execute(Runnable task) {
        tasks.offer(task);
        LockSupport.unpark(thread);
    }

    private void run() {
        while (!closed) {
            Runnable task = tasks.poll();
            if (task == null) {
                LockSupport.park(this);
                continue;
            }
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.error("completing a lookup failed", e);
            }
        }
    }

    /** Stops the thread; what was not run yet is dropped (the lookups are cancelled by then). */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }
}
