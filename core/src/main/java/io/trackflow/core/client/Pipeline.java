package io.trackflow.core.client;

import io.trackflow.core.http.HttpTransport;
import io.trackflow.core.ratelimit.RateLimits;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Assembles a client's pipeline, in the documented order, once per client. */
final class Pipeline {

    private Pipeline() {}

    /**
     * The steps of {@link ApiClient}'s Javadoc, in order, linked in front of the transport stage.
     *
     * @param b the client's options
     * @param transport the client's transport
     * @param observing the client's observations, if it has a registry
     * @return the entry of the pipeline
     */
    static CallPolicy.Next<Object> assemble(
            ApiClientBuilder b, HttpTransport transport, @Nullable Observing observing) {
        List<CallPolicy> policies = new ArrayList<>();
        if (!b.defaultHeaders.isEmpty()) {
            policies.add(new DefaultHeadersPolicy(b.defaultHeaders));
        }
        policies.add(new AuthenticationPolicy(b.auth));
        policies.add(new RetryingPolicy(b.retryPolicy, b.retryListener, b.rateLimiter.holdsOnRateLimit()));
        if (b.rateLimiter != RateLimits.none()) {
            policies.add(new RateLimitPolicy(b.rateLimiter, observing));
        }
        if (observing != null) {
            policies.add(new ObservationPolicy(observing));
        }
        policies.add(new DeadlinePolicy());
        policies.addAll(b.policies);
        return link(policies, new TransportStage(transport, b.errorDecoder, b.responseListener));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static CallPolicy.Next<Object> link(List<CallPolicy> policies, TransportStage terminal) {
        CallPolicy.Next<Object> next = terminal::send;
        for (int i = policies.size() - 1; i >= 0; i--) {
            CallPolicy policy = policies.get(i);
            CallPolicy.Next<Object> rest = next;
            next = call -> policy.apply((Call) call, (CallPolicy.Next) rest);
        }
        return next;
    }
}
