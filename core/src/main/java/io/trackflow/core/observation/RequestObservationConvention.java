package io.trackflow.core.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of one HTTP attempt; replace {@link DefaultRequestObservationConvention}
 * with a client builder's {@code requestObservationConvention(..)}.
 */
public interface RequestObservationConvention extends ObservationConvention<RequestObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof RequestObservationContext;
    }
}
