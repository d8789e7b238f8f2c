package io.trackflow.core.ratelimit;

import io.trackflow.core.http.HttpResponse;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Paces requests by the figures the server sends with every response (limit, remaining, reset, as
 * BeatPass's {@code X-RateLimit-*}): never more requests in flight than the window has left. A spent
 * window holds new attempts until its reset; then one request goes first, and its answer (a fresh
 * window) releases the others, so that nobody arrives at the reset second before the server's
 * window has turned. The reset is read as epoch seconds (or, when small, as seconds until the reset)
 * on the server's clock, placed on the local clock through the responses' {@code Date}, so clock
 * skew does not matter. A window opened by this client's own request is placed precisely (it began
 * when that request arrived); one joined mid-way is assumed to end at the latest time its headers
 * allow. Until the first figures, one request at a time; a server that sends none is not paced.
 */
final class HeaderPacedLimiter extends QueueingLimiter {

    private static final long SECOND = 1_000_000_000L;
    private static final long MARGIN = 20_000_000L; // 20 ms after the reset, for the server's own rounding
    private static final long EPOCH_THRESHOLD = 100_000_000L; // below: seconds until the reset

    private final String limitHeader;
    private final String remainingHeader;
    private final String resetHeader;
    private final ServerClock clock = new ServerClock();

    private boolean known;
    private boolean headerless;
    private int limit;
    private int remaining;
    private double resetSecond; // the window's reset as the server states it (epoch seconds, server clock)
    private long windowEnd; // local nanoTime, never earlier than the window's true end
    private long windowSeconds = -1; // the window's length, once learned for sure
    private int inFlight;
    private boolean probing;

    HeaderPacedLimiter(String limitHeader, String remainingHeader, String resetHeader) {
        this.limitHeader = limitHeader;
        this.remainingHeader = remainingHeader;
        this.resetHeader = resetHeader;
    }

    @Override
    long grantableAt(long now) {
        if (headerless) {
            return 0;
        }
        if (!known || now >= windowEnd) {
            return probing ? ON_EVENT : 0;
        }
        return remaining - inFlight > 0 ? 0 : windowEnd;
    }

    @Override
    Grant take(long now) {
        boolean probe = !headerless && (!known || now >= windowEnd);
        inFlight++;
        if (probe) {
            probing = true;
        }
        return new Grant(now, probe);
    }

    @Override
    void released(Grant grant) {
        inFlight--;
        if (grant.probe) {
            probing = false; // answered (its figures already learned) or failed: another may probe
        }
    }

    @Override
    long estimateWait(long at, int ahead) {
        if (headerless) {
            return 0;
        }
        if (!known) {
            return -1;
        }
        int budget = at < windowEnd ? Math.max(0, remaining - inFlight) : 0;
        if (ahead < budget) {
            return 0;
        }
        long first = Math.max(0, windowEnd - at);
        long length = windowSeconds > 0
                ? windowSeconds * SECOND
                : Math.max(SECOND, (long) Math.ceil(resetSecond - clock.toServer(at)) * SECOND);
        long windows = (ahead - budget) / Math.max(1, limit);
        return first + windows * length;
    }

    @Override
    void learn(HttpResponse response, Grant grant, long now) {
        OptionalInt l = response.headerAsPositiveInt(limitHeader);
        OptionalLong r = response.headerAsLong(remainingHeader);
        OptionalLong reset = response.headerAsLong(resetHeader);
        OptionalLong date = date(response);
        if (l.isEmpty() && r.isEmpty() && reset.isEmpty()) {
            if (!known) {
                headerless = true; // nothing to pace by
            }
            return;
        }
        headerless = false;
        clock.observe(now, date);
        if (l.isEmpty() || r.isEmpty() || reset.isEmpty() || response.status() == 429) {
            // a 429 says when to come back in its Retry-After, which holds the client; what it says of
            // the window is learned again from the first answer after the hold
            return;
        }
        int newLimit = l.getAsInt();
        int newRemaining = (int) Math.min(Integer.MAX_VALUE, r.getAsLong());
        boolean delta = reset.getAsLong() < EPOCH_THRESHOLD;
        // when the server answered, on its clock: its Date (a second's resolution), else our estimate
        double answered = date.isPresent() ? date.getAsLong() : clock.toServer(now);
        double newReset = delta ? answered + reset.getAsLong() + (date.isPresent() ? 1 : 0) : reset.getAsLong();
        boolean opened = newRemaining == newLimit - 1;
        boolean expired = known && now >= windowEnd;
        if (!known || expired && newReset > resetSecond) {
            // a new window: the first figures, or, once the current window is over by our (late) reckoning,
            // a later reset. Before that, a later reset or a larger remaining is only an answer arriving
            // out of order, or a seconds-until-reset value rounded the other way: the same window.
            known = true;
            limit = newLimit;
            remaining = newRemaining;
            resetSecond = newReset;
            probing = false;
            windowEnd =
                    opened ? openedEnd(now, reset.getAsLong(), date, delta) : latestEnd(now, reset.getAsLong(), delta);
        } else if (newReset >= resetSecond - (delta ? 2 : 0)) {
            // the same window: the server has counted at least this much, and it ends no later than this says
            remaining = Math.min(remaining, newRemaining);
            limit = newLimit;
            windowEnd = Math.min(windowEnd, latestEnd(now, reset.getAsLong(), delta));
        }
        // else: an answer from a window already over; nothing to learn
    }

    /**
     * The end of a window this client's own request opened: it began when that request reached the
     * server (no later than now) and lasts a whole number of seconds, read from the headers of that
     * answer: a seconds-until-reset value is that length; an epoch reset is the window's end rounded
     * up to the second, so with the answer's {@code Date} (the same second as the opening, but for the
     * rare opening in the last moments of a second) the length is {@code reset - date - 1}. The
     * largest length seen wins, and the end is never later than the headers allow.
     */
    private long openedEnd(long now, long reset, OptionalLong date, boolean delta) {
        long length = delta ? reset : date.isPresent() ? reset - date.getAsLong() - 1 : -1;
        if (length >= 1) {
            windowSeconds = Math.max(windowSeconds, length);
        }
        long latest = latestEnd(now, reset, delta);
        return windowSeconds > 0 ? Math.min(latest, now + windowSeconds * SECOND + MARGIN) : latest;
    }

    /** The latest the window can end, from one response's headers alone. */
    private long latestEnd(long now, long reset, boolean delta) {
        if (delta) {
            // at most `reset` seconds after the server answered, which was no later than now
            return now + reset * SECOND + MARGIN;
        }
        return clock.toLocal(reset) + MARGIN; // the clock errs late: never before the true end
    }

    @Override
    void describe(RateLimitStats.Builder figures, long now) {
        if (known) {
            figures.limit(limit).remaining(Math.max(0, remaining - inFlight)).resetAt(at(windowEnd, now));
        }
    }

    private static OptionalLong date(HttpResponse response) {
        return response.header("Date")
                .map(v -> {
                    try {
                        return OptionalLong.of(ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toEpochSecond());
                    } catch (DateTimeParseException e) {
                        return OptionalLong.empty();
                    }
                })
                .orElse(OptionalLong.empty());
    }

    @Override
    public String toString() {
        return "RateLimits.fromHeaders(" + limitHeader + ", " + remainingHeader + ", " + resetHeader + ")";
    }
}
