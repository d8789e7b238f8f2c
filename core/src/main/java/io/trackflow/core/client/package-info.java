/**
 * The toolkit a provider client is written with: {@link io.trackflow.core.client.ApiClient} runs
 * each call through a fixed pipeline of small policies (default headers, authentication, retry,
 * rate limiting, deadline, transport, status check and decoding) and offers the paginator.
 */
@NullMarked
package io.trackflow.core.client;

import org.jspecify.annotations.NullMarked;
