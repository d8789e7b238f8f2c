package io.trackflow.core.client;

import io.micrometer.observation.ObservationRegistry;
import io.trackflow.core.observation.OperationObservationConvention;
import io.trackflow.core.observation.RequestObservationConvention;

/** Builds a client's {@link Observing} from the builder's untyped fields (Micrometer is optional). */
final class ObservingFactory {

    private ObservingFactory() {}

    static Observing create(ApiClientBuilder b) {
        return new Observing(
                (ObservationRegistry) b.observationRegistry,
                b.name,
                (RequestObservationConvention) b.requestConvention,
                (OperationObservationConvention) b.operationConvention);
    }
}
