package io.trackflow.core.client;

import io.trackflow.core.http.HttpResponse;
import java.io.InputStream;

/**
 * Decodes a successful response, from its status and headers and a stream over its body (valid only
 * during the call: the transport may still hold the bytes in its own buffers). Whatever it throws
 * becomes a {@link io.trackflow.core.error.DecodingException} (never retried).
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface BodyReader<T> {

    /**
     * Reads the body.
     *
     * @param head the 2xx response's status and headers (its body is empty)
     * @param body the body
     * @return the value, never null
     * @throws Exception when the body does not fit the contract
     */
    T read(HttpResponse head, InputStream body) throws Exception;
}
