package io.trackflow.core.http;

/**
 * Turns a response into a value: a success is decoded straight from the transport's buffers (no
 * copy), anything else is handed over whole, as an {@link HttpResponse} that owns its bytes.
 *
 * @param <T> the result
 */
public interface ResponseHandler<T> {

    /**
     * Decodes a 2xx response.
     *
     * @param head status and headers (its body is empty)
     * @param body the body, valid only during this call
     * @return the result
     * @throws Exception when the body cannot be decoded
     */
    T onSuccess(HttpResponse head, ResponseBody body) throws Exception;

    /**
     * Takes a non-2xx response.
     *
     * @param response the whole response
     * @return the result
     */
    T onFailure(HttpResponse response);
}
