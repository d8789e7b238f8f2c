package io.trackflow.beyondwords;

import io.trackflow.core.ClientBuilder;
import io.trackflow.core.ClientConfig;
import io.trackflow.core.auth.ApiKeyAuth;
import io.trackflow.core.error.ErrorDecoder;
import io.trackflow.core.http.HttpTransport;
import io.trackflow.core.retry.RetryListener;
import io.trackflow.core.internal.ApiCaller;
import io.trackflow.core.internal.OwnedTransport;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The BeyondWords API client ({@code https://api.beyondwords.io/v1}, authenticated with {@code
 * X-Api-Key}). Thread-safe and meant to be shared; build it once.
 *
 * <pre>{@code
 * try (BeyondWordsClient bw = BeyondWordsClient.builder()
 *     .apiKey(System.getenv("BEYONDWORDS_API_KEY"))
 *     .build()) {
 *   bw.backgroundTracks().list().take(10).doOnNext(System.out::println).blockLast();
 * }
 * }</pre>
 *
 * <p>{@link #close()} frees what the client created (its connection pool); a transport passed with
 * {@link Builder#transport} is left open for its owner.
 */
public final class BeyondWordsClient implements AutoCloseable {

  /** The provider's base URL. */
  public static final String DEFAULT_BASE_URL = "https://api.beyondwords.io/v1";

  private final OwnedTransport transport;
  private final BackgroundTracks backgroundTracks;
  private final String description;

  private BeyondWordsClient(ClientConfig config, ApiKeyAuth auth, @Nullable HttpTransport userTransport, RetryListener retryListener) {
    this.transport = OwnedTransport.of(userTransport);
    ApiCaller caller =
        new ApiCaller(
            config,
            transport.transport(),
            auth,
            ErrorDecoder.lenientJson(),
            Map.of("Accept", "application/json"),
            r -> {},
            retryListener);
    this.backgroundTracks = new BackgroundTracks(caller);
    this.description = "BeyondWordsClient{baseUrl=" + config.baseUrl() + ", auth=" + auth + "}";
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The background-tracks endpoints. */
  public BackgroundTracks backgroundTracks() {
    return backgroundTracks;
  }

  /**
   * Frees the connection pool the client created, if it created one. Safe on any thread: on a
   * non-blocking one it does not wait (see {@link #closeAsync()}).
   */
  @Override
  public void close() {
    transport.close();
  }

  /**
   * Frees the connection pool the client created, if it created one, without blocking.
   *
   * @return completes when the pool is disposed
   */
  public reactor.core.publisher.Mono<Void> closeAsync() {
    return transport.closeAsync();
  }

  @Override
  public String toString() {
    return description;
  }

  /** Builds {@link BeyondWordsClient}s; validates everything in {@link #build()}, before any I/O. */
  public static final class Builder extends ClientBuilder<Builder> {
    private @Nullable String apiKey;

    Builder() {
      super(DEFAULT_BASE_URL);
    }

    /**
     * The API key (required), sent as {@code X-Api-Key}; never logged or printed.
     *
     * @param apiKey the key
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws IllegalArgumentException when the key is missing or blank, or the base URL is not
     *     acceptable
     */
    public BeyondWordsClient build() {
      if (apiKey == null) {
        throw new IllegalArgumentException("apiKey is required");
      }
      ApiKeyAuth auth = ApiKeyAuth.header("X-Api-Key", apiKey);
      return new BeyondWordsClient(clientConfig(), auth, userTransport(), retryListenerOption());
    }

    @Override
    public String toString() {
      return "BeyondWordsClient.Builder{baseUrl=" + baseUrlOption() + ", apiKey=****}";
    }
  }
}
