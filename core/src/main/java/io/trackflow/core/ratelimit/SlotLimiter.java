package io.trackflow.core.ratelimit;

import io.trackflow.core.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.LongSupplier;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * {@code n} slots, each free again {@code per} after the <em>end</em> of the attempt that used it (its
 * response, failure or cancellation), not after it was granted ({@link RateLimits#slots}). The queue,
 * holds, timer, cancellation and hand-over are {@link QueueingLimiter}'s; this class only keeps the
 * slots. It tells no wait in advance (a slot frees after a response not yet received), so no call is
 * refused for its deadline; its figures count a call as held once it is granted after a wait.
 */
final class SlotLimiter extends QueueingLimiter {

    private static final long IN_USE = ON_EVENT;

    private final long per;
    private final long[] freeAt; // per slot: when it may be used again, or IN_USE

    SlotLimiter(int n, long perNanos) {
        this(n, perNanos, Schedulers.parallel(), System::nanoTime);
    }

    SlotLimiter(int n, long perNanos, Scheduler scheduler, LongSupplier clock) {
        super(scheduler, clock, true);
        this.per = perNanos;
        this.freeAt = new long[n];
        Arrays.fill(freeAt, Long.MIN_VALUE);
    }

    @Override
    long grantableAt(long now) {
        long next = IN_USE;
        for (long f : freeAt) {
            if (f <= now) {
                return 0;
            }
            next = Math.min(next, f);
        }
        return next;
    }

    @Override
    Grant take(long now) {
        for (int i = 0; i < freeAt.length; i++) {
            if (freeAt[i] <= now) {
                freeAt[i] = IN_USE;
                return new Slot(now, i);
            }
        }
        throw new IllegalStateException("no free slot");
    }

    @Override
    long estimateWait(long at, int ahead) {
        return -1; // the next slot may wait on a response not yet received: never refused for a deadline
    }

    @Override
    void released(Grant grant) {
        freeAt[((Slot) grant).index] = now() + per;
    }

    @Override
    void learn(HttpResponse response, Grant grant, long now) {
        // nothing to learn: a slot's interval starts when its attempt ends
    }

    @Override
    void describe(RateLimitStats.Builder figures, long now) {
        int free = 0;
        long next = Long.MAX_VALUE;
        for (long f : freeAt) {
            if (f <= now) {
                free++;
            } else if (f != IN_USE) {
                next = Math.min(next, f);
            }
        }
        figures.limit(freeAt.length).remaining(free);
        if (next != Long.MAX_VALUE) {
            figures.resetAt(at(next, now));
        }
    }

    @Override
    public String toString() {
        return "RateLimits.slots(" + freeAt.length + ", " + Duration.ofNanos(per) + ")";
    }

    /** A granted slot: free again {@code per} after its release. */
    private final class Slot extends Grant {
        final int index;

        Slot(long grantedAt, int index) {
            super(grantedAt, false);
            this.index = index;
        }
    }
}
