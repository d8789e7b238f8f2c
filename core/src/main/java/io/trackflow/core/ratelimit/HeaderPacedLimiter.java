package io.trackflow.core.ratelimit;

import io.trackflow.core.http.HttpResponse;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Paces requests by the figures the server sends with every response (limit, remaining, reset, as
 * BeatPass's {@code X-RateLimit-*}): never more requests in flight than the window has left. A spent
 * window holds new attempts until its end; then one request goes first, and its answer (a fresh
 * window) releases the others, so that nobody arrives before the server's window has turned.
 *
 * <p><b>Whole seconds.</b> The reset is read as epoch seconds (or, when small, as seconds until the reset, counted
 * from the answer's {@code Date}; when 10^11 or more, as epoch milliseconds) on the server's clock, placed on the
 * local clock through the responses' {@code Date} ({@link ServerClock}: never thought later than it is), so clock
 * skew does not matter. Both figures have a second's resolution, and the reset is not the window's end rounded up:
 * Laravel's {@code throttle} sends the timer it keeps, {@code time() + decay} in whole seconds taken when the
 * window opened, while the window itself (the counter's cache key) expires {@code decay} seconds after the instant
 * it opened. The window may therefore run on for up to a second after the second its reset names: it is taken to
 * end only when the server's clock has passed {@code reset + 1}. (Believing the reset itself, as this class once
 * did, sent the first request of every window up to a second early and met a {@code 429} in most windows.)
 *
 * <p><b>Windows this client opened</b> are placed precisely: a window lasts a whole number of
 * seconds and began when this client's request reached the server, no later than its answer
 * arrived, so it ends at most its length after that answer. Its length is learned from such an
 * answer as {@code reset - Date}, but only when the server's clock is known to have reached that
 * {@code Date} second before the request was sent (the window then opened in that very second, and
 * a floored reset is its second plus the length; a server that rounds up only makes the length a
 * second longer, never shorter). The largest length seen wins; the end is never later than the
 * headers allow. A window joined mid-way, or opened before the length is known, ends at the latest
 * its headers allow. Until the first figures, one request at a time; a server that sends none is
 * not paced.
 *
 * <p><b>Without a reset.</b> A server may send the limit and the remaining count but no reset on a success
 * (Laravel's {@code throttle} adds {@code X-RateLimit-Reset} only to its {@code 429}). The window's end is then
 * unknown: as many requests go as the answer to the request granted last says remain (an earlier request's
 * answer, arriving late, only lowers the count), and once they are spent, one at a time once every
 * answer is in, each answer saying again what remains (a new window shows as a larger count); a
 * {@code 429} holds the client for its {@code Retry-After}.
 */
final class HeaderPacedLimiter extends QueueingLimiter {

    private static final long SECOND = 1_000_000_000L;
    /** 20 ms after the latest end, for the timer and the way to the server. */
    private static final long MARGIN = 20_000_000L;

    private static final long EPOCH_THRESHOLD = 100_000_000L; // below: seconds until the reset

    /** From here on, epoch milliseconds: as seconds, a year past 5000. */
    private static final long EPOCH_MILLIS_THRESHOLD = 100_000_000_000L;

    private final String limitHeader;
    private final String remainingHeader;
    private final String resetHeader;
    /** The same names lower-case, as responses keep them: looked up on every answer without a copy. */
    private final String limitKey;

    private final String remainingKey;
    private final String resetKey;
    private final ServerClock clock = new ServerClock();

    private boolean known;
    private boolean headerless;
    /** The figures came without a reset: the window's end is unknown (see the class comment). */
    private boolean resetless;
    /**
     * Without a reset: when the request whose answer gave the figures was granted (later answers of
     * earlier requests only lower them).
     */
    private long figuresGrantedAt;

    private int limit;
    private int remaining;
    /** The window's reset as the server states it (epoch seconds, server clock): it ends before this second is over. */
    private double resetSecond;

    private long windowEnd; // local nanoTime, never earlier than the window's true end
    private long windowSeconds = -1; // the window's length, once learned for sure
    private long windowSince; // local nanoTime at which the current window's figures arrived
    private int inFlight;
    private boolean probing;
    /** The last {@code Date} read, and its epoch second: it changes once a second, answers come far more often. */
    private @Nullable String lastDate;

    private long lastDateSecond;

    HeaderPacedLimiter(String limitHeader, String remainingHeader, String resetHeader) {
        this.limitHeader = limitHeader;
        this.remainingHeader = remainingHeader;
        this.resetHeader = resetHeader;
        this.limitKey = limitHeader.toLowerCase(Locale.ROOT);
        this.remainingKey = remainingHeader.toLowerCase(Locale.ROOT);
        this.resetKey = resetHeader.toLowerCase(Locale.ROOT);
    }

    @Override
    long grantableAt(long now) {
        if (headerless) {
            return 0;
        }
        if (resetless) {
            return remaining - inFlight > 0 || inFlight == 0 ? 0 : ON_EVENT; // spent: one, once all are answered
        }
        if (!known || now >= windowEnd) {
            return probing ? ON_EVENT : 0;
        }
        return remaining - inFlight > 0 ? 0 : windowEnd;
    }

    @Override
    Grant take(long now) {
        boolean probe = !headerless && (resetless ? remaining - inFlight <= 0 : !known || now >= windowEnd);
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
        if (resetless) {
            return ahead < Math.max(0, remaining - inFlight) ? 0 : -1;
        }
        int budget = at < windowEnd ? Math.max(0, remaining - inFlight) : 0;
        if (ahead < budget) {
            return 0;
        }
        long first = Math.max(0, windowEnd - at);
        long length = windowSeconds > 0
                ? windowSeconds * SECOND
                : Math.max(SECOND, (long) Math.ceil(resetSecond + 1 - clock.toServer(at)) * SECOND);
        long windows = (ahead - budget) / Math.max(1, limit);
        return first + windows * length;
    }

    @Override
    void learn(HttpResponse response, Grant grant, long now) {
        OptionalInt l = response.headerAsPositiveInt(limitKey);
        OptionalLong r = response.headerAsLong(remainingKey);
        OptionalLong reset = response.headerAsLong(resetKey);
        OptionalLong date = date(response.header("date").orElse(null));
        if (l.isEmpty() && r.isEmpty() && reset.isEmpty()) {
            if (!known) {
                headerless = true; // nothing to pace by
            }
            return;
        }
        headerless = false;
        clock.observe(grant.grantedAt, now, date);
        if (l.isEmpty() || r.isEmpty() || response.status() == 429) {
            // a 429 says when to come back in its Retry-After, which holds the client; what it says of
            // the window is learned again from the first answer after the hold
            return;
        }
        if (reset.isEmpty()) {
            if (known && !resetless && now < windowEnd) {
                return; // a window whose end is known stays until then: this answer cannot say it ended
            }
            // no end to the window: what remains by the answer to the request granted last is what may be
            // sent; an answer to an earlier request, arriving late, only ever lowers it
            int newRemaining = (int) Math.min(Integer.MAX_VALUE, r.getAsLong());
            if (!resetless || !known || grant.grantedAt > figuresGrantedAt) {
                remaining = newRemaining;
                figuresGrantedAt = grant.grantedAt;
            } else {
                remaining = Math.min(remaining, newRemaining);
            }
            resetless = true;
            known = true;
            limit = l.getAsInt();
            return;
        }
        if (resetless) {
            resetless = false;
            known = false; // the reset now comes: a window of known end starts with these figures
        }
        int newLimit = l.getAsInt();
        int newRemaining = (int) Math.min(Integer.MAX_VALUE, r.getAsLong());
        long value = reset.getAsLong();
        if (value >= EPOCH_MILLIS_THRESHOLD) {
            value /= 1000; // epoch milliseconds (as the JSON codec reads numbers this large): its second
        }
        boolean delta = value < EPOCH_THRESHOLD;
        // the reset as a second of the server's clock, before whose end the window ends: a number of seconds
        // is counted from the answer's Date (Laravel's availableIn is the reset less the current second)
        double newReset = !delta ? value : date.isPresent() ? date.getAsLong() + value : clock.toServer(now) + value;
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
            windowSince = now;
            windowEnd = opened
                    ? openedEnd(now, grant, newReset, date, delta, value)
                    : latestEnd(now, newReset, date, delta, value);
        } else if (grant.grantedAt >= windowSince || newReset >= resetSecond - (delta ? 2 : 0)) {
            // the same window: the server has counted at least this much, and it ends no later than this says.
            // A request granted once this window was known was counted in it whatever its reset says: a server
            // that works the reset out as it answers may name a second earlier or later than the window's first
            // answer did (the fake, answering a moment after counting, does on a cold JVM)
            remaining = Math.min(remaining, newRemaining);
            limit = newLimit;
            windowEnd = Math.min(windowEnd, latestEnd(now, newReset, date, delta, value));
        }
        // else: an answer from a window already over; nothing to learn
    }

    /**
     * The end of a window this client's own request opened: it began when that request reached the
     * server (no later than now) and lasts a whole number of seconds, {@code reset - Date} when the
     * server's clock is known to have been in the {@code Date} second already when the request was
     * sent (then the window opened in that second, and the reset, floored or not, is that second plus
     * at least the length). Otherwise (the first answers, or a request sent as the server's second may
     * have been turning) the answer teaches nothing of the length. The largest length seen wins, and
     * the end is never later than the headers allow.
     */
    private long openedEnd(long now, Grant grant, double reset, OptionalLong date, boolean delta, long value) {
        if (date.isPresent()) {
            long second = date.getAsLong();
            long length = (long) reset - second;
            boolean openedInThatSecond = clock.earliestServerNanos(grant.grantedAt) >= second * SECOND;
            if (length >= 1 && openedInThatSecond) {
                windowSeconds = Math.max(windowSeconds, length);
            }
        }
        long latest = latestEnd(now, reset, date, delta, value);
        if (windowSeconds <= 0) {
            return latest;
        }
        long length = windowSeconds * SECOND;
        // the server's seconds may be a little longer than ours: 100 ppm of the window, as ServerClock allows
        return Math.min(latest, now + length + length / 10_000 + MARGIN);
    }

    /**
     * The latest the window can end, from one response's headers alone: before the server's clock has
     * passed the second after the reset (a reset floored to the second, as Laravel sends it, is up to a
     * second before the true end).
     */
    private long latestEnd(long now, double reset, OptionalLong date, boolean delta, long value) {
        if (delta && date.isEmpty()) {
            // counted from the server's current second, which began no later than now
            return now + (value + 1) * SECOND + MARGIN;
        }
        return clock.toLocalSecond((long) Math.floor(reset) + 1) + MARGIN; // the clock errs late
    }

    @Override
    void describe(RateLimitStats.Builder figures, long now) {
        if (resetless) {
            figures.limit(limit).remaining(Math.max(0, remaining - inFlight));
        } else if (known) {
            figures.limit(limit).remaining(Math.max(0, remaining - inFlight)).resetAt(at(windowEnd, now));
        }
    }

    /** The epoch second of a {@code Date} (RFC 1123); empty when there is none or it does not read. */
    private OptionalLong date(@Nullable String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        if (text.equals(lastDate)) {
            return OptionalLong.of(lastDateSecond);
        }
        try {
            long second = ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toEpochSecond();
            lastDate = text;
            lastDateSecond = second;
            return OptionalLong.of(second);
        } catch (DateTimeParseException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public String toString() {
        return "RateLimits.fromHeaders(" + limitHeader + ", " + remainingHeader + ", " + resetHeader + ")";
    }
}
