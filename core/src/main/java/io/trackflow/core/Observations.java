package io.trackflow.core;

import io.micrometer.observation.ObservationRegistry;
import io.trackflow.core.client.ApiClientBuilder;
import io.trackflow.core.observation.OperationObservationConvention;
import io.trackflow.core.observation.RequestObservationConvention;
import org.jspecify.annotations.Nullable;

/** Hands a builder's observation options to the client (loaded only when a registry was given). */
final class Observations {

    private Observations() {}

    static void apply(ApiClientBuilder b, Object registry, @Nullable Object requests, @Nullable Object operations) {
        b.observationRegistry((ObservationRegistry) registry);
        if (requests != null) {
            b.requestObservationConvention((RequestObservationConvention) requests);
        }
        if (operations != null) {
            b.operationObservationConvention((OperationObservationConvention) operations);
        }
    }
}
