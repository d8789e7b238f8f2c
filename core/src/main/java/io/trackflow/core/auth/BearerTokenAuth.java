package io.trackflow.core.auth;

import io.trackflow.core.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Sends {@code Authorization: Bearer <token>}.
 *
 * <p>{@link #of(String)} sends a fixed token. {@link #refreshing(TokenProvider)} caches the
 * provider's token, fetches a new one shortly before expiry ({@code refreshBefore}, 60 s by
 * default), lets only one fetch run at a time (concurrent callers share it), and after a 401 drops
 * the rejected token so the request is re-sent once with a fresh one.
 */
public final class BearerTokenAuth implements AuthStrategy {

  private static final Duration DEFAULT_REFRESH_BEFORE = Duration.ofSeconds(60);

  private final @Nullable TokenProvider provider;
  private final Duration refreshBefore;
  private final Clock clock;
  private final AtomicReference<@Nullable AccessToken> cached = new AtomicReference<>();
  private final AtomicReference<@Nullable Mono<AccessToken>> inFlight = new AtomicReference<>();

  private BearerTokenAuth(
      @Nullable AccessToken fixed,
      @Nullable TokenProvider provider,
      Duration refreshBefore,
      Clock clock) {
    this.provider = provider;
    this.refreshBefore = refreshBefore;
    this.clock = clock;
    cached.set(fixed);
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
        Clock.systemUTC());
  }

  /**
   * Tokens from a provider, cached and refreshed 60 s before they expire.
   *
   * @param provider where tokens come from
   * @return the strategy
   */
  public static BearerTokenAuth refreshing(TokenProvider provider) {
    return refreshing(provider, DEFAULT_REFRESH_BEFORE, Clock.systemUTC());
  }

  /**
   * Tokens from a provider, cached and refreshed {@code refreshBefore} ahead of expiry.
   *
   * @param provider where tokens come from
   * @param refreshBefore how long before expiry a token is replaced
   * @param clock the clock expiry is judged by
   * @return the strategy
   */
  public static BearerTokenAuth refreshing(
      TokenProvider provider, Duration refreshBefore, Clock clock) {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(refreshBefore, "refreshBefore");
    Objects.requireNonNull(clock, "clock");
    if (refreshBefore.isNegative()) {
      throw new IllegalArgumentException("refreshBefore must not be negative");
    }
    return new BearerTokenAuth(null, provider, refreshBefore, clock);
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
    return Mono.fromSupplier(
        () -> {
          AccessToken current = cached.get();
          String sent = rejected.header("Authorization").orElse("");
          if (current != null && sent.equals("Bearer " + current.value())) {
            cached.compareAndSet(current, null);
          }
          return true;
        });
  }

  private Mono<AccessToken> token() {
    return Mono.defer(
        () -> {
          AccessToken t = cached.get();
          if (t != null && (provider == null || isFresh(t))) {
            return Mono.just(t);
          }
          return refresh();
        });
  }

  private boolean isFresh(AccessToken t) {
    if (t.expiresAt().equals(Instant.MAX)) {
      return true;
    }
    return clock.instant().plus(refreshBefore).isBefore(t.expiresAt());
  }

  private Mono<AccessToken> refresh() {
    TokenProvider p = Objects.requireNonNull(provider);
    while (true) {
      Mono<AccessToken> running = inFlight.get();
      if (running != null) {
        return running;
      }
      // read after inFlight: a fetch that completed in between has stored its token already
      AccessToken t = cached.get();
      if (t != null && isFresh(t)) {
        return Mono.just(t);
      }
      AtomicReference<Mono<AccessToken>> self = new AtomicReference<>();
      Mono<AccessToken> fetch =
          Mono.defer(p::fetchToken)
              .switchIfEmpty(Mono.error(() -> new IllegalStateException("TokenProvider returned no token")))
              .doOnNext(
                  token -> {
                    // store, then retire this fetch, before anyone sees the token
                    cached.set(token);
                    inFlight.compareAndSet(self.get(), null);
                  })
              .doFinally(s -> inFlight.compareAndSet(self.get(), null))
              .cache();
      self.set(fetch);
      if (inFlight.compareAndSet(null, fetch)) {
        return fetch;
      }
    }
  }

  @Override
  public String toString() {
    return provider == null
        ? "BearerTokenAuth{token=" + Secrets.MASK + "}"
        : "BearerTokenAuth{provider=" + provider.getClass().getSimpleName() + ", token=" + Secrets.MASK + "}";
  }
}
