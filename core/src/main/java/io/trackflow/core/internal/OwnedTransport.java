package io.trackflow.core.internal;

import io.trackflow.core.http.HttpTransport;
import io.trackflow.core.http.ReactorNettyTransport;
import org.jspecify.annotations.Nullable;

/**
 * The transport a client uses: the user's (left open on close) or one the client created (closed
 * with it).
 */
public final class OwnedTransport implements AutoCloseable {

  private final HttpTransport transport;
  private final boolean owned;

  private OwnedTransport(HttpTransport transport, boolean owned) {
    this.transport = transport;
    this.owned = owned;
  }

  /**
   * The user's transport, or a new {@link ReactorNettyTransport} with the defaults.
   *
   * @param userTransport the transport the user passed, or {@code null}
   * @return the holder
   */
  public static OwnedTransport of(@Nullable HttpTransport userTransport) {
    return userTransport != null
        ? new OwnedTransport(userTransport, false)
        : new OwnedTransport(ReactorNettyTransport.create(), true);
  }

  /** The transport. */
  public HttpTransport transport() {
    return transport;
  }

  /**
   * Closes the transport if the client created it, without blocking.
   *
   * @return completes when it is closed
   */
  public reactor.core.publisher.Mono<Void> closeAsync() {
    return owned ? transport.closeAsync() : reactor.core.publisher.Mono.empty();
  }

  /** Closes the transport if the client created it. */
  @Override
  public void close() {
    if (owned) {
      transport.close();
    }
  }
}
