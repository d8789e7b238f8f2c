package io.trackflow.core.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of one logical call; replace {@link
 * DefaultOperationObservationConvention} with a client builder's {@code
 * operationObservationConvention(..)}.
 */
public interface OperationObservationConvention extends ObservationConvention<OperationObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof OperationObservationContext;
    }
}
