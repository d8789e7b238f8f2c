package io.trackflow.core.auth;

import io.trackflow.core.error.internal.ErrorAccess;
import io.trackflow.core.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Sends {@code Authorization: Bearer <token>}.
 *
 * <p>{@link #of(String)} sends a fixed token. {@link #refreshing(TokenProvider)} caches the
 * provider's token and fetches a new one shortly before expiry ({@code refreshBefore}, 60 s by
 * default, at most half the token's lifetime; a token is refreshed early at most once and is used
 * until it expires if that refresh fails or returns the same token). One fetch runs at a time and
 * concurrent callers share it; a fetch that takes longer than {@code fetchTimeout} (30 s by default)
 * fails, and a fetch that fails, times out, or that every waiting caller cancels is dropped, so the
 * next call starts afresh. Each caller receives a {@link io.trackflow.core.error.CredentialsException}
 * of its own, the provider's failure as its cause. After a 401 the rejected token is dropped so the
 * request is re-sent once with a fresh one.
 */
public final class BearerTokenAuth implements AuthStrategy {

    /** How long before expiry a token is replaced by default: 60 s. */
    public static final Duration DEFAULT_REFRESH_BEFORE = Duration.ofSeconds(60);
    /** How long a token fetch may take by default: 30 s. */
    public static final Duration DEFAULT_FETCH_TIMEOUT = Duration.ofSeconds(30);

    private final @Nullable TokenProvider provider;
    private final Duration refreshBefore;
    private final Duration fetchTimeout;
    private final Clock clock;
    private final AtomicReference<@Nullable Cached> cached = new AtomicReference<>();
    private final AtomicReference<@Nullable Fetch> inFlight = new AtomicReference<>();

    /** A token and the instant from which it should be replaced. */
    private static final class Cached {
        final AccessToken token;
        final Instant refreshAt;

        Cached(AccessToken token, Instant refreshAt) {
            this.token = token;
            this.refreshAt = refreshAt;
        }
    }

    private BearerTokenAuth(
            @Nullable AccessToken fixed,
            @Nullable TokenProvider provider,
            Duration refreshBefore,
            Duration fetchTimeout,
            Clock clock) {
        this.provider = provider;
        this.refreshBefore = refreshBefore;
        this.fetchTimeout = fetchTimeout;
        this.clock = clock;
        if (fixed != null) {
            cached.set(new Cached(fixed, Instant.MAX));
        }
    }

    /**
     * A fixed token.
     *
     * @param token the token
     * @return the strategy
     * @throws IllegalArgumentException when the token is blank or holds control characters
     */
    public static BearerTokenAuth of(String token) {
        return new BearerTokenAuth(
                AccessToken.nonExpiring(Secrets.requireSecret(token, "token")),
                null,
                Duration.ZERO,
                DEFAULT_FETCH_TIMEOUT,
                Clock.systemUTC());
    }

    /**
     * Tokens from a provider, cached, refreshed 60 s before they expire, fetched within 30 s.
     *
     * @param provider where tokens come from
     * @return the strategy
     */
    public static BearerTokenAuth refreshing(TokenProvider provider) {
        return refreshing(provider, DEFAULT_REFRESH_BEFORE, DEFAULT_FETCH_TIMEOUT, Clock.systemUTC());
    }

    /**
     * Tokens from a provider, cached and refreshed {@code refreshBefore} ahead of expiry.
     *
     * @param provider where tokens come from
     * @param refreshBefore how long before expiry a token is replaced (capped at half its lifetime)
     * @param clock the clock expiry is judged by
     * @return the strategy
     */
    public static BearerTokenAuth refreshing(TokenProvider provider, Duration refreshBefore, Clock clock) {
        return refreshing(provider, refreshBefore, DEFAULT_FETCH_TIMEOUT, clock);
    }

    /**
     * Tokens from a provider, cached, refreshed {@code refreshBefore} ahead of expiry, each fetch
     * bounded by {@code fetchTimeout}.
     *
     * @param provider where tokens come from
     * @param refreshBefore how long before expiry a token is replaced (capped at half its lifetime)
     * @param fetchTimeout how long one fetch may take, positive
     * @param clock the clock expiry is judged by
     * @return the strategy
     * @throws IllegalArgumentException when {@code refreshBefore} is negative or {@code fetchTimeout}
     *     not positive
     */
    public static BearerTokenAuth refreshing(
            TokenProvider provider, Duration refreshBefore, Duration fetchTimeout, Clock clock) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(refreshBefore, "refreshBefore");
        Objects.requireNonNull(fetchTimeout, "fetchTimeout");
        Objects.requireNonNull(clock, "clock");
        if (refreshBefore.isNegative()) {
            throw new IllegalArgumentException("refreshBefore must not be negative, was " + refreshBefore);
        }
        if (fetchTimeout.isNegative() || fetchTimeout.isZero()) {
            throw new IllegalArgumentException("fetchTimeout must be positive, was " + fetchTimeout);
        }
        return new BearerTokenAuth(null, provider, refreshBefore, fetchTimeout, clock);
    }

    @Override
    public Mono<HttpRequest> authenticate(HttpRequest request) {
        return token().map(t -> request.withHeader("Authorization", "Bearer " + t.value()));
    }

    @Override
    public Mono<Boolean> onUnauthorized(HttpRequest rejected) {
        if (provider == null) {
            return Mono.just(false);
        }
        return Mono.fromSupplier(() -> {
            Cached current = cached.get();
            String sent = rejected.header("Authorization").orElse("");
            if (current != null && sent.equals("Bearer " + current.token.value())) {
                cached.compareAndSet(current, null);
            }
            return true;
        });
    }

    private Mono<AccessToken> token() {
        return Mono.defer(() -> {
            Cached c = cached.get();
            if (c != null && (provider == null || clock.instant().isBefore(c.refreshAt))) {
                return Mono.just(c.token);
            }
            if (c == null || !clock.instant().isBefore(c.token.expiresAt())) {
                return refresh();
            }
            // early refresh: a failure falls back to the token, still valid, and is not tried again
            return refresh().onErrorResume(e -> useUntilExpiry(c));
        });
    }

    private Mono<AccessToken> useUntilExpiry(Cached c) {
        if (!clock.instant().isBefore(c.token.expiresAt())) {
            return refresh();
        }
        cached.compareAndSet(c, new Cached(c.token, c.token.expiresAt()));
        return Mono.just(c.token);
    }

    private Mono<AccessToken> refresh() {
        while (true) {
            Fetch running = inFlight.get();
            if (running != null) {
                return running.join();
            }
            // read after inFlight: a fetch that completed in between has stored its token already
            Cached c = cached.get();
            if (c != null && clock.instant().isBefore(c.refreshAt)) {
                return Mono.just(c.token);
            }
            Fetch fetch = new Fetch(c);
            if (inFlight.compareAndSet(null, fetch)) {
                Mono<AccessToken> joined = fetch.join();
                fetch.start();
                return joined;
            }
        }
    }

    /** When a freshly fetched token should be replaced. */
    private Instant refreshAt(AccessToken token, @Nullable Cached previous, Instant now) {
        if (token.expiresAt().equals(Instant.MAX)) {
            return Instant.MAX;
        }
        if (previous != null && previous.token.equals(token)) {
            return token.expiresAt(); // the provider gave the same token again: use it until it expires
        }
        Duration lifetime = Duration.between(now, token.expiresAt());
        Duration early = lifetime.isNegative() ? Duration.ZERO : lifetime.dividedBy(2);
        return token.expiresAt().minus(refreshBefore.compareTo(early) < 0 ? refreshBefore : early);
    }

    /**
     * One shared token fetch. Its waiters are counted: when the last one cancels before the token
     * arrives the fetch is cancelled and dropped, and a caller arriving after that starts a new one.
     */
    private final class Fetch {
        private final @Nullable Cached previous;
        private final Sinks.One<AccessToken> result = Sinks.one();
        /** Callers waiting; -1 once abandoned. */
        private final AtomicInteger waiters = new AtomicInteger();

        private volatile @Nullable Disposable upstream;

        Fetch(@Nullable Cached previous) {
            this.previous = previous;
        }

        Mono<AccessToken> join() {
            while (true) {
                int w = waiters.get();
                if (w < 0) {
                    return refresh();
                }
                if (waiters.compareAndSet(w, w + 1)) {
                    break;
                }
            }
            return result.asMono()
                    .doOnCancel(this::leave)
                    // every caller gets an exception of its own; the provider's failure is its cause
                    .onErrorMap(e -> ErrorAccess.get().credentials("could not obtain a bearer token", e));
        }

        void start() {
            TokenProvider p = Objects.requireNonNull(provider);
            upstream = Mono.defer(p::fetchToken)
                    .switchIfEmpty(Mono.error(() -> new IllegalStateException("the TokenProvider returned no token")))
                    .timeout(
                            fetchTimeout,
                            Mono.error(() -> new TimeoutException(
                                    "the TokenProvider did not answer within " + fetchTimeout.toMillis() + " ms")),
                            Schedulers.parallel())
                    .subscribe(
                            token -> {
                                // store, then retire this fetch, before anyone sees the token
                                cached.set(new Cached(token, refreshAt(token, previous, clock.instant())));
                                inFlight.compareAndSet(this, null);
                                result.tryEmitValue(token);
                            },
                            error -> {
                                inFlight.compareAndSet(this, null);
                                result.tryEmitError(error);
                            });
            if (waiters.get() < 0) {
                Disposable d = upstream;
                if (d != null) {
                    d.dispose();
                }
            }
        }

        private void leave() {
            if (waiters.decrementAndGet() == 0 && waiters.compareAndSet(0, -1)) {
                inFlight.compareAndSet(this, null);
                Disposable d = upstream;
                if (d != null) {
                    d.dispose();
                }
            }
        }
    }

    @Override
    public String toString() {
        return provider == null
                ? "BearerTokenAuth{token=****}"
                : "BearerTokenAuth{provider=" + provider.getClass().getSimpleName() + ", token=****}";
    }
}
