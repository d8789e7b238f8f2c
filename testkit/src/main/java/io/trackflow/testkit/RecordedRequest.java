package io.trackflow.testkit;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** One request a fake server received, for assertions: method, path, query, headers and body. */
@Value.Immutable
public abstract class RecordedRequest {

    RecordedRequest() {}

    /** The method, e.g. {@code GET}. */
    public abstract String method();

    /** The decoded path, without the query, e.g. {@code /v1/background_tracks/5}. */
    public abstract String path();

    /** The raw request target as received (path and still-encoded query). */
    public abstract String rawUri();

    /** Decoded query parameters: name (brackets decoded) to values, in order. */
    public abstract Map<String, List<String>> query();

    /** Headers, names lower-case. */
    public abstract Map<String, List<String>> headers();

    /** The body as text (empty when none). */
    public abstract String body();

    /**
     * The first value of a query parameter.
     *
     * @param name the decoded name, e.g. {@code pagination[limit]}
     * @return the value, or empty
     */
    public Optional<String> queryParam(String name) {
        List<String> v = query().get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /**
     * The first value of a header, any case.
     *
     * @param name the name
     * @return the value, or empty
     */
    public Optional<String> header(String name) {
        List<String> v = headers().get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    @Override
    public String toString() {
        return method() + " " + rawUri();
    }

    static Builder builder() {
        return new Builder();
    }

    static final class Builder extends ImmutableRecordedRequest.Builder {
        Builder() {}
    }
}
