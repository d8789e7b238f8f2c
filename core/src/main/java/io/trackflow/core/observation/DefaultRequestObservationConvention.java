package io.trackflow.core.observation;

import io.micrometer.common.KeyValues;
import io.trackflow.core.http.HttpResponse;

/** The keys of {@link TrackflowObservations#REQUESTS}, as documented there. */
public class DefaultRequestObservationConvention implements RequestObservationConvention {

    /** The shared instance. */
    public static final DefaultRequestObservationConvention INSTANCE = new DefaultRequestObservationConvention();

    /** Creates the convention (subclass to add keys). */
    public DefaultRequestObservationConvention() {}

    @Override
    public String getName() {
        return TrackflowObservations.REQUESTS;
    }

    @Override
    public String getContextualName(RequestObservationContext context) {
        return context.method() + " " + context.operation();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(RequestObservationContext context) {
        HttpResponse response = context.getResponse();
        return KeyValues.of(
                TrackflowObservations.PROVIDER, context.provider(),
                TrackflowObservations.OPERATION, context.operation(),
                TrackflowObservations.METHOD, context.method(),
                TrackflowObservations.STATUS, response == null ? "NONE" : String.valueOf(response.status()),
                TrackflowObservations.OUTCOME, outcome(response),
                TrackflowObservations.ERROR,
                        context.getError() == null
                                ? "none"
                                : context.getError().getClass().getSimpleName(),
                TrackflowObservations.RETRY, context.attempt() >= 3 ? "3+" : String.valueOf(context.attempt()));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(RequestObservationContext context) {
        return KeyValues.of(TrackflowObservations.URL, context.url());
    }

    static String outcome(HttpResponse response) {
        if (response == null) {
            return "UNKNOWN";
        }
        int s = response.status();
        return s >= 200 && s < 300
                ? "SUCCESS"
                : s >= 400 && s < 500 ? "CLIENT_ERROR" : s >= 500 ? "SERVER_ERROR" : "UNKNOWN";
    }
}
