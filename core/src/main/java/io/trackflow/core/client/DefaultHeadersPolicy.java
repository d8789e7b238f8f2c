package io.trackflow.core.client;

import io.trackflow.core.http.HttpRequest;
import java.util.Map;
import reactor.core.publisher.Mono;

/** Gives every request the client's default headers, unless it sets them itself. */
record DefaultHeadersPolicy(Map<String, String> headers) implements CallPolicy {

    DefaultHeadersPolicy {
        headers = Map.copyOf(headers);
    }

    @Override
    public <T> Mono<T> apply(Call<T> call, Next<T> next) {
        HttpRequest request = call.request();
        HttpRequest withDefaults = request;
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (withDefaults.header(h.getKey()).isEmpty()) {
                withDefaults = withDefaults.withHeader(h.getKey(), h.getValue());
            }
        }
        return next.proceed(withDefaults == request ? call : call.withRequest(withDefaults));
    }
}
