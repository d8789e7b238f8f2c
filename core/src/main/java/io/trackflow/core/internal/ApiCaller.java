package io.trackflow.core.internal;

import io.trackflow.core.ClientConfig;
import io.trackflow.core.auth.AuthStrategy;
import io.trackflow.core.error.ApiException;
import io.trackflow.core.error.DecodingException;
import io.trackflow.core.error.ErrorBody;
import io.trackflow.core.error.ErrorDecoder;
import io.trackflow.core.error.ErrorResponse;
import io.trackflow.core.error.HttpStatusException;
import io.trackflow.core.error.TimeoutException;
import io.trackflow.core.http.HttpRequest;
import io.trackflow.core.http.HttpResponse;
import io.trackflow.core.http.HttpTransport;
import io.trackflow.core.http.ResponseBody;
import io.trackflow.core.http.ResponseHandler;
import java.io.InputStream;
import io.trackflow.core.retry.RetryListener;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * Runs one API call: default headers, credentials per attempt, the transport, the status check and
 * typed errors, one re-try with fresh credentials after a 401, retries, the total timeout, and body
 * decoding. Provider modules declare requests and models; this does the rest.
 */
public final class ApiCaller {

  private static final Logger LOG = Loggers.getLogger(ApiCaller.class);
  private static final int EXCERPT_BYTES = 2048;

  private final ClientConfig config;
  private final HttpTransport transport;
  private final AuthStrategy auth;
  private final ErrorDecoder errorDecoder;
  private final Map<String, String> defaultHeaders;
  private final Consumer<HttpResponse> responseListener;
  private final RetryListener retryListener;
  private final Clock clock;

  /**
   * Creates a caller.
   *
   * @param config shared options
   * @param transport the transport
   * @param auth the credentials
   * @param errorDecoder reads the provider's error bodies
   * @param defaultHeaders headers every request gets unless it sets them
   * @param responseListener told of every response (any status), e.g. for rate-limit figures
   * @param retryListener told before each retry
   */
  public ApiCaller(
      ClientConfig config,
      HttpTransport transport,
      AuthStrategy auth,
      ErrorDecoder errorDecoder,
      Map<String, String> defaultHeaders,
      Consumer<HttpResponse> responseListener,
      RetryListener retryListener) {
    this.config = Objects.requireNonNull(config, "config");
    this.transport = Objects.requireNonNull(transport, "transport");
    this.auth = Objects.requireNonNull(auth, "auth");
    this.errorDecoder = Objects.requireNonNull(errorDecoder, "errorDecoder");
    this.defaultHeaders = Map.copyOf(defaultHeaders);
    this.responseListener = Objects.requireNonNull(responseListener, "responseListener");
    this.retryListener = Objects.requireNonNull(retryListener, "retryListener");
    this.clock = Clock.systemUTC();
  }

  /** The shared options. */
  public ClientConfig config() {
    return config;
  }

  /**
   * A URI under the base URL.
   *
   * @param segments path segments, encoded here
   * @param query query parameters in order, encoded here
   * @return the URI
   */
  public URI uri(List<String> segments, List<Map.Entry<String, String>> query) {
    return Urls.build(config.baseUrl(), segments, query);
  }

  /**
   * Sends a request and returns its successful response, body included; every failure is a typed
   * {@link ApiException}.
   *
   * @param request the request, without credentials
   * @return the 2xx response
   */
  public Mono<HttpResponse> exchange(HttpRequest request) {
    return exchange(request, (head, body) -> HttpResponse.builder().from(head)
        .body(java.nio.ByteBuffer.wrap(body.readAllBytes()).asReadOnlyBuffer()).build());
  }

  /**
   * Sends a request and decodes its successful response; every failure is a typed {@link
   * ApiException}. A body the reader cannot read is a {@link DecodingException} (never retried).
   * The body is decoded inside the attempt, straight from the transport's buffers when it can.
   *
   * @param request the request, without credentials
   * @param reader decodes the body
   * @param <T> the result type
   * @return the decoded value
   */
  public <T> Mono<T> exchange(HttpRequest request, BodyReader<T> reader) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(reader, "reader");
    HttpRequest prepared = withDefaults(request);
    Duration total = config.totalTimeout();
    return Mono.defer(
        () -> {
          // one deadline per call: waits that would pass it end the call with their cause at once
          long deadline = System.nanoTime() + total.toNanos();
          Throwable[] last = {null};
          int[] attempts = {0};
          return Mono.defer(
                  () -> {
                    attempts[0]++;
                    return attempt(prepared, reader, true);
                  })
              .doOnError(e -> last[0] = e)
              .retryWhen(config.retryPolicy().toRetry(prepared.method(), retryListener, deadline))
              .timeout(
                  total,
                  Mono.error(() -> Errors.get().total(prepared, total, last[0], Math.max(1, attempts[0]))));
        });
  }

  private HttpRequest withDefaults(HttpRequest request) {
    HttpRequest r = request;
    for (Map.Entry<String, String> h : defaultHeaders.entrySet()) {
      if (r.header(h.getKey()).isEmpty()) {
        r = r.withHeader(h.getKey(), h.getValue());
      }
    }
    return r;
  }

  /** The outcome of one attempt: a decoded value, or a non-success response. */
  private static final class Outcome<T> {
    final @org.jspecify.annotations.Nullable T value;
    final @org.jspecify.annotations.Nullable HttpResponse failure;

    Outcome(@org.jspecify.annotations.Nullable T value, @org.jspecify.annotations.Nullable HttpResponse failure) {
      this.value = value;
      this.failure = failure;
    }
  }

  private <T> Mono<T> attempt(HttpRequest request, BodyReader<T> reader, boolean mayRefresh) {
    long started = System.nanoTime();
    return auth.authenticate(request)
        .flatMap(
            authed ->
                transport
                    .exchange(authed, new ResponseHandler<Outcome<T>>() {
                      @Override
                      public Outcome<T> onSuccess(HttpResponse head, ResponseBody body) {
                        log(request, head, started);
                        tellListener(head);
                        T value;
                        try (InputStream in = body.stream()) {
                          value = reader.read(head, in);
                        } catch (ApiException e) {
                          throw e;
                        } catch (Exception | StackOverflowError e) {
                          throw decodingError(request, head.status(), excerpt(body), e);
                        }
                        if (value == null) {
                          throw decodingError(request, head.status(), excerpt(body), new IllegalStateException("no value in the body"));
                        }
                        return new Outcome<>(value, null);
                      }

                      @Override
                      public Outcome<T> onFailure(HttpResponse response) {
                        log(request, response, started);
                        tellListener(response);
                        return new Outcome<>(null, response);
                      }
                    })
                    .flatMap(
                        outcome -> {
                          HttpResponse failure = outcome.failure;
                          if (failure == null) {
                            return Mono.just(Objects.requireNonNull(outcome.value));
                          }
                          if (failure.status() == 401 && mayRefresh) {
                            return auth.onUnauthorized(authed)
                                .flatMap(again -> again ? attempt(request, reader, false) : Mono.error(statusError(request, failure)));
                          }
                          return Mono.error(statusError(request, failure));
                        }));
  }

  private static void log(HttpRequest request, HttpResponse response, long started) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} -> {} in {} ms", request, response.status(), (System.nanoTime() - started) / 1_000_000);
    }
  }

  private void tellListener(HttpResponse response) {
    try {
      responseListener.accept(response);
    } catch (RuntimeException e) {
      LOG.warn("response listener failed", e);
    }
  }

  /**
   * The typed error for a non-success response.
   *
   * @param request the request (without credentials)
   * @param response the response
   * @return the exception
   */
  public HttpStatusException statusError(HttpRequest request, HttpResponse response) {
    return Errors.get().status(request, response, errorDecoder);
  }

  private static String excerpt(ResponseBody body) {
    try (InputStream in = body.stream()) {
      return excerpt(ByteBuffer.wrap(in.readNBytes(EXCERPT_BYTES)));
    } catch (java.io.IOException e) {
      return "";
    }
  }

  private static DecodingException decodingError(HttpRequest request, int status, String excerpt, Throwable cause) {
    return Errors.get().body(request, status, excerpt, cause);
  }

  /**
   * The body's first 2 KiB as text (invalid UTF-8 replaced).
   *
   * @param response the response
   * @return the excerpt
   */
  public static String excerpt(HttpResponse response) {
    return Errors.get().excerpt(response.body());
  }

  private static String excerpt(ByteBuffer b) {
    return Errors.get().excerpt(b);
  }

  @Override
  public String toString() {
    return "ApiCaller{baseUrl=" + config.baseUrl() + ", auth=" + auth + "}";
  }
}
