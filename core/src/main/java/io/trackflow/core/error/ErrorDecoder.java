package io.trackflow.core.error;

import io.trackflow.core.http.HttpResponse;

/**
 * Reads a provider's error body. Must never throw: a body it cannot read yields {@link
 * ErrorBody#empty()}, and the error is still reported by status and excerpt.
 */
@FunctionalInterface
public interface ErrorDecoder {

    /**
     * Reads what the body says about the error.
     *
     * @param response the non-success response
     * @return what could be read
     */
    ErrorBody decode(HttpResponse response);

    /**
     * The lenient JSON decoder that reads every error shape the supported providers send: {@code
     * {code, message, errors:[{location, message}]}}, {@code {message}}, {@code {type, message,
     * context}}, {@code {message, errors:{field:[..] | ".."}}} with {@code retry_after}; a {@code
     * message} that is not a string is kept as its JSON text.
     *
     * @return the shared decoder
     */
    static ErrorDecoder lenientJson() {
        return LenientJsonErrorDecoder.INSTANCE;
    }
}
