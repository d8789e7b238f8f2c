package io.trackflow.core.observation;

import io.micrometer.common.KeyValues;

/** The keys of {@link TrackflowObservations#OPERATIONS}, as documented there. */
public class DefaultOperationObservationConvention implements OperationObservationConvention {

    /** The shared instance. */
    public static final DefaultOperationObservationConvention INSTANCE = new DefaultOperationObservationConvention();

    /** Creates the convention (subclass to add keys). */
    public DefaultOperationObservationConvention() {}

    @Override
    public String getName() {
        return TrackflowObservations.OPERATIONS;
    }

    @Override
    public String getContextualName(OperationObservationContext context) {
        return context.operation();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(OperationObservationContext context) {
        return KeyValues.of(
                TrackflowObservations.PROVIDER, context.provider(),
                TrackflowObservations.OPERATION, context.operation(),
                TrackflowObservations.ERROR,
                        context.getError() == null
                                ? "none"
                                : context.getError().getClass().getSimpleName());
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(OperationObservationContext context) {
        return KeyValues.of(
                TrackflowObservations.PAGES, String.valueOf(context.pages()),
                TrackflowObservations.ITEMS, String.valueOf(context.items()),
                TrackflowObservations.RETRIES, String.valueOf(context.retries()));
    }
}
