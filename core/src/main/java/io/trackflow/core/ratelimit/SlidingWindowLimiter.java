package io.trackflow.core.ratelimit;

import io.trackflow.core.http.HttpResponse;
import java.time.Duration;

/**
 * At most {@code n} requests in any interval of {@code per}: a burst of up to {@code n}, then one
 * request as each of the last {@code n} leaves the interval (a sliding window over the grant times),
 * so the rate never exceeds {@code n / per} over any interval of that length. For providers that send
 * no rate-limit figures.
 */
final class SlidingWindowLimiter extends QueueingLimiter {

    private final int n;
    private final long per;
    private final long[] grants; // the times of the last n grants, a ring
    private int next;
    private int count;

    SlidingWindowLimiter(int n, long perNanos) {
        this.n = n;
        this.per = perNanos;
        this.grants = new long[n];
    }

    /** The time at which the oldest of the last n grants leaves the interval. */
    private long freeAt() {
        return count < n ? Long.MIN_VALUE : grants[next] + per;
    }

    @Override
    long grantableAt(long now) {
        long free = freeAt();
        return free <= now ? 0 : free;
    }

    @Override
    Grant take(long now) {
        grants[next] = now;
        next = (next + 1) % n;
        count = Math.min(n, count + 1);
        return new Grant(now, false);
    }

    @Override
    long estimateWait(long at, int ahead) {
        // the k-th caller from now goes when the grant n places before it leaves the interval
        int free = 0;
        for (int i = 0; i < count; i++) {
            if (grants[(next + i) % n] + per <= at) {
                free++;
            }
        }
        int slack = (n - count) + free;
        if (ahead < slack) {
            return 0;
        }
        int k = ahead - slack; // grants to wait out: the (k % n)-th still-counted one, k / n intervals later
        long base = grants[(next + free + (k % Math.max(1, count - free))) % n];
        return Math.max(0, base + per * (1 + k / n) - at);
    }

    @Override
    void released(Grant grant) {}

    @Override
    void learn(HttpResponse response, Grant grant, long now) {}

    @Override
    void describe(RateLimitStats.Builder figures, long now) {
        int used = 0;
        for (int i = 0; i < count; i++) {
            if (grants[(next + i) % n] + per > now) {
                used++;
            }
        }
        figures.limit(n).remaining(n - used);
        long free = freeAt();
        if (free > now) {
            figures.resetAt(at(free, now));
        }
    }

    @Override
    public String toString() {
        return "RateLimits.fixed(" + n + ", " + Duration.ofNanos(per) + ")";
    }
}
