package io.trackflow.beyondwords;

import io.trackflow.core.ClientConfig;
import io.trackflow.core.auth.ApiKeyAuth;
import io.trackflow.core.error.ErrorDecoder;
import io.trackflow.core.http.HttpTransport;
import io.trackflow.core.internal.ApiCaller;
import io.trackflow.core.internal.OwnedTransport;
import io.trackflow.core.retry.RetryListener;
import io.trackflow.core.retry.RetryPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
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

  private BeyondWordsClient(Builder b, ClientConfig config, ApiKeyAuth auth) {
    this.transport = OwnedTransport.of(b.transport);
    ApiCaller caller =
        new ApiCaller(
            config,
            transport.transport(),
            auth,
            ErrorDecoder.lenientJson(),
            Map.of("Accept", "application/json"),
            r -> {},
            b.retryListener);
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

  /** Frees the connection pool the client created, if it created one. */
  @Override
  public void close() {
    transport.close();
  }

  @Override
  public String toString() {
    return description;
  }

  /** Builds {@link BeyondWordsClient}s; validates everything in {@link #build()}, before any I/O. */
  public static final class Builder {
    private @Nullable String apiKey;
    private String baseUrl = DEFAULT_BASE_URL;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private @Nullable HttpTransport transport;
    private Duration totalTimeout = Duration.ofMinutes(2);
    private boolean allowInsecureHttp;
    private RetryListener retryListener = RetryListener.NONE;

    Builder() {}

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
     * The base URL; may carry a path. Default {@value #DEFAULT_BASE_URL}.
     *
     * @param baseUrl an absolute https URL (http only to loopback, unless allowed)
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /**
     * The retry policy. Default {@link RetryPolicy#defaults()}.
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * A transport to share (its owner closes it). Default: a new {@code ReactorNettyTransport}.
     *
     * @param transport the transport
     * @return this builder
     */
    public Builder transport(HttpTransport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    /**
     * The longest one call (one page, one get) may take, retries included. Default 2 minutes.
     *
     * @param totalTimeout positive
     * @return this builder
     */
    public Builder totalTimeout(Duration totalTimeout) {
      this.totalTimeout = Objects.requireNonNull(totalTimeout, "totalTimeout");
      return this;
    }

    /**
     * Allows plain {@code http} to a non-loopback host (the key then travels in clear text).
     * Default false.
     *
     * @param allow whether to allow it
     * @return this builder
     */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /**
     * Told before each retry, e.g. for metrics.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder retryListener(RetryListener listener) {
      this.retryListener = Objects.requireNonNull(listener, "listener");
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
      ClientConfig config =
          ClientConfig.builder()
              .baseUrl(ClientConfig.parseBaseUrl(baseUrl))
              .retryPolicy(retryPolicy)
              .totalTimeout(totalTimeout)
              .allowInsecureHttp(allowInsecureHttp)
              .build();
      return new BeyondWordsClient(this, config, auth);
    }

    @Override
    public String toString() {
      return "BeyondWordsClient.Builder{baseUrl=" + baseUrl + ", apiKey=****}";
    }
  }
}
