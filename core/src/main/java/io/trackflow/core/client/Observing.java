package io.trackflow.core.client;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.trackflow.core.observation.DefaultOperationObservationConvention;
import io.trackflow.core.observation.OperationObservationContext;
import io.trackflow.core.observation.OperationObservationConvention;
import io.trackflow.core.observation.RequestObservationConvention;
import io.trackflow.core.observation.TrackflowObservations;
import io.trackflow.core.ratelimit.Permit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * A client's observations, when it was given an {@link ObservationRegistry}: with {@link
 * ObservationPolicy} and the observation fields and setters of {@link ApiClientBuilder}, the
 * code of the client package that names Micrometer types, loaded only when a registry is given
 * (Micrometer is optional). The
 * Reactor context's current observation (Micrometer's {@link ObservationThreadLocalAccessor#KEY})
 * is the parent of each observation, which becomes the current one for what it wraps.
 */
final class Observing {

    final ObservationRegistry registry;
    final String provider;
    final @Nullable RequestObservationConvention requests;
    final @Nullable OperationObservationConvention operations;

    Observing(
            ObservationRegistry registry,
            String provider,
            @Nullable RequestObservationConvention requests,
            @Nullable OperationObservationConvention operations) {
        this.registry = registry;
        this.provider = provider;
        this.requests = requests;
        this.operations = operations;
    }

    static @Nullable Observation parent(ContextView context) {
        return context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
    }

    /** The operation's counts, when the call runs inside an observed operation. */
    static @Nullable OperationObservationContext operation(ContextView context) {
        return context.getOrDefault(OperationObservationContext.class, null);
    }

    <T> Flux<T> operation(String name, Flux<T> source) {
        return Flux.deferContextual(ctx -> {
            OperationObservationContext oc = new OperationObservationContext(provider, name);
            Observation obs = start(oc, ctx);
            Runnable once = stopOnce(obs);
            return source.doOnNext(x -> oc.itemEmitted())
                    .doOnError(obs::error)
                    .doOnTerminate(once)
                    .doOnCancel(once)
                    .contextWrite(c ->
                            c.put(ObservationThreadLocalAccessor.KEY, obs).put(OperationObservationContext.class, oc));
        });
    }

    <T> Mono<T> operation(String name, Mono<T> source) {
        // the same observation as a stream's; singleOrEmpty waits for the end, so a value stops it as before
        return operation(name, source.flux()).singleOrEmpty();
    }

    /** Stops {@code obs} the first time it runs: before a terminal signal goes on, or on cancel. */
    static Runnable stopOnce(Observation obs) {
        AtomicBoolean stopped = new AtomicBoolean();
        return () -> {
            if (stopped.compareAndSet(false, true)) {
                obs.stop();
            }
        };
    }

    private Observation start(OperationObservationContext oc, ContextView ctx) {
        return Observation.createNotStarted(
                        operations, DefaultOperationObservationConvention.INSTANCE, () -> oc, registry)
                .parentObservation(parent(ctx))
                .start();
    }

    /** Times an attempt's wait for its rate-limit permit. */
    Mono<Permit> waitFor(Call<?> call, Mono<Permit> acquire) {
        return Mono.deferContextual(ctx -> {
            Observation wait = Observation.createNotStarted(TrackflowObservations.RATE_LIMIT_WAIT, registry)
                    .lowCardinalityKeyValue(TrackflowObservations.PROVIDER, provider)
                    .lowCardinalityKeyValue(TrackflowObservations.OPERATION, call.operation())
                    .parentObservation(parent(ctx))
                    .start();
            Runnable stopOnce = stopOnce(wait);
            return acquire.doOnSuccess(p -> wait.lowCardinalityKeyValue(TrackflowObservations.ERROR, "none"))
                    .doOnError(e -> wait.lowCardinalityKeyValue(
                                    TrackflowObservations.ERROR, e.getClass().getSimpleName())
                            .error(e))
                    .doOnTerminate(stopOnce)
                    .doOnCancel(stopOnce);
        });
    }
}
