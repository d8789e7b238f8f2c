package io.trackflow.core.client;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.trackflow.core.http.HttpRequest;
import io.trackflow.core.observation.DefaultRequestObservationConvention;
import io.trackflow.core.observation.OperationObservationContext;
import io.trackflow.core.observation.RequestObservationContext;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Observes each HTTP attempt ({@code trackflow.client.requests}): a sender observation, child of the
 * Reactor context's current one, whose propagation headers (a tracing handler's {@code traceparent})
 * go out with the request; its scope is open while the response is handled, so log lines carry the
 * trace id. Counts pages and retries for the enclosing operation's observation.
 */
record ObservationPolicy(Observing observing) implements CallPolicy {

    @Override
    public <T> Mono<T> apply(Call<T> call, Next<T> next) {
        return Mono.deferContextual(ctx -> {
            HttpRequest request = call.request();
            RequestObservationContext oc = new RequestObservationContext(
                    observing.provider, call.operation(), request.method().name(), request.uri(), call.attempt());
            Observation obs = Observation.createNotStarted(
                            observing.requests,
                            DefaultRequestObservationConvention.INSTANCE,
                            () -> oc,
                            observing.registry)
                    .parentObservation(Observing.parent(ctx))
                    .start();
            Runnable once = Observing.stopOnce(obs);
            OperationObservationContext operation = Observing.operation(ctx);
            if (operation != null && call.attempt() > 0) {
                operation.retried();
            }
            HttpRequest traced = request;
            for (Map.Entry<String, String> h : oc.getCarrier().entrySet()) {
                if (traced.header(h.getKey()).isEmpty()) {
                    traced = traced.withHeader(h.getKey(), h.getValue());
                }
            }
            Call<T> observed = call.withRequest(traced)
                    .onResponse(oc::setResponse)
                    .scoped(() -> {
                        Observation.Scope scope = obs.openScope();
                        return scope::close;
                    });
            return next.proceed(observed)
                    .doOnSuccess(v -> {
                        if (operation != null) {
                            operation.pageFetched();
                        }
                    })
                    .doOnError(obs::error)
                    // stopped before the outcome goes on, so that a retry or the caller sees it stopped
                    .doOnTerminate(once::run)
                    .doOnCancel(once::run)
                    .contextWrite(c -> c.put(ObservationThreadLocalAccessor.KEY, obs));
        });
    }
}
