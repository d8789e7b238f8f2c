package io.trackflow.core.error;

import io.trackflow.core.http.HttpMethod;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Everything known about a failed HTTP exchange, from which an {@link HttpStatusException} is built:
 * the request line (URI without credentials), the status, the response headers, what the {@link
 * ErrorDecoder} read from the body, and an excerpt of the body.
 */
@Value.Immutable
public abstract class ErrorResponse {

  ErrorResponse() {}

  /** The request method. */
  public abstract HttpMethod method();

  /** The request URI, without user-info. */
  public abstract URI uri();

  /** The status code. */
  public abstract int status();

  /** Response headers, names lower-case. */
  public abstract Map<String, List<String>> headers();

  /** What the decoder read from the body. */
  @Value.Default
  public ErrorBody body() {
    return ErrorBody.empty();
  }

  /** The body's first 2 KiB, as text. */
  @Value.Default
  public String bodyExcerpt() {
    return "";
  }

  /** The {@code Retry-After} delay: from the header (seconds or HTTP-date), else from the body. */
  @Value.Default
  public Optional<Duration> retryAfter() {
    return body().retryAfter();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ErrorResponse} values. */
  public static final class Builder extends ImmutableErrorResponse.Builder {
    Builder() {}
  }
}
