package io.trackflow.core.observation;

import io.micrometer.observation.transport.RequestReplySenderContext;
import io.trackflow.core.http.HttpResponse;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an observation of one HTTP attempt knows: provider, operation, method, URL without query,
 * attempt number; the response once it came (status), the error if one ended it. Its carrier is
 * the map of headers a tracing handler adds to the outgoing request ({@code traceparent}, ...).
 */
public final class RequestObservationContext extends RequestReplySenderContext<Map<String, String>, HttpResponse> {

    private final String provider;
    private final String operation;
    private final String method;
    private final String url;
    private final int attempt;

    /**
     * Creates the context of one attempt.
     *
     * @param provider the client's name
     * @param operation the operation's name
     * @param method the HTTP method
     * @param uri the request URI (its query and user-info are left out)
     * @param attempt 0 for the first attempt
     */
    public RequestObservationContext(String provider, String operation, String method, URI uri, int attempt) {
        super((carrier, key, value) -> {
            if (carrier != null) {
                carrier.put(key, value);
            }
        });
        setCarrier(new LinkedHashMap<>());
        this.provider = provider;
        this.operation = operation;
        this.method = method;
        this.url = withoutQuery(uri);
        this.attempt = attempt;
        setRemoteServiceName(provider);
    }

    private static String withoutQuery(URI uri) {
        StringBuilder b = new StringBuilder();
        b.append(uri.getScheme()).append("://").append(uri.getHost());
        if (uri.getPort() >= 0) {
            b.append(':').append(uri.getPort());
        }
        if (uri.getRawPath() != null) {
            b.append(uri.getRawPath());
        }
        return b.toString();
    }

    /** The client's name. */
    public String provider() {
        return provider;
    }

    /** The operation's name. */
    public String operation() {
        return operation;
    }

    /** The HTTP method. */
    public String method() {
        return method;
    }

    /** The URL without query or credentials. */
    public String url() {
        return url;
    }

    /** 0 for the first attempt of the call, 1 for the first retry, ... */
    public int attempt() {
        return attempt;
    }
}
