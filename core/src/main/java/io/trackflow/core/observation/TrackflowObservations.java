package io.trackflow.core.observation;

/**
 * The names of trackflow's observations and of their keys: part of the API, stable.
 *
 * <ul>
 *   <li>{@value #REQUESTS}: one per HTTP attempt. Low-cardinality keys {@value #PROVIDER}, {@value
 *       #OPERATION}, {@value #METHOD}, {@value #STATUS} (or {@code NONE}), {@value #OUTCOME} ({@code
 *       SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, {@code UNKNOWN}), {@value #ERROR}
 *       (the exception's simple name, or {@code none}), {@value #RETRY} ({@code 0}, {@code 1}, {@code
 *       2}, {@code 3+}); high-cardinality {@value #URL} (without query or credentials). It is a
 *       sender context: a tracing handler writes the propagation headers ({@code traceparent}) into
 *       the request.
 *   <li>{@value #OPERATIONS}: one per logical call (a listing, a bulk lookup, a single get). Keys
 *       {@value #PROVIDER}, {@value #OPERATION}, {@value #ERROR}; at its end the high-cardinality
 *       {@value #PAGES}, {@value #ITEMS}, {@value #RETRIES}.
 *   <li>{@value #RATE_LIMIT_WAIT}: the time an attempt waited for its rate-limit permit. Keys
 *       {@value #PROVIDER}, {@value #OPERATION}, {@value #ERROR}.
 * </ul>
 *
 * <p>No id, offset, URL with a query, or credential is ever a low-cardinality value.
 */
public final class TrackflowObservations {

    /** One observation per HTTP attempt. */
    public static final String REQUESTS = "trackflow.client.requests";
    /** One observation per logical call. */
    public static final String OPERATIONS = "trackflow.client.operations";
    /** The wait for a rate-limit permit. */
    public static final String RATE_LIMIT_WAIT = "trackflow.client.ratelimit.wait";

    /** The provider: {@code beyondwords}, {@code beatpass}, or a custom client's name. */
    public static final String PROVIDER = "trackflow.provider";
    /** The operation, e.g. {@code background_tracks.list}, {@code tracks.get}. */
    public static final String OPERATION = "trackflow.operation";
    /** The HTTP method. */
    public static final String METHOD = "http.request.method";
    /** The HTTP status, or {@code NONE} when no response came. */
    public static final String STATUS = "http.response.status_code";
    /** {@code SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR} or {@code UNKNOWN}. */
    public static final String OUTCOME = "outcome";
    /** The simple name of the exception that ended the attempt or call, or {@code none}. */
    public static final String ERROR = "error.type";
    /** Which attempt of the call this is: {@code 0}, {@code 1}, {@code 2}, {@code 3+}. */
    public static final String RETRY = "trackflow.retry";
    /** The request URL without its query (high cardinality). */
    public static final String URL = "http.url";
    /** Pages (successful page requests) of an operation (high cardinality). */
    public static final String PAGES = "trackflow.pages";
    /** Items an operation emitted (high cardinality). */
    public static final String ITEMS = "trackflow.items";
    /** Retries made by an operation's calls (high cardinality). */
    public static final String RETRIES = "trackflow.retries";

    private TrackflowObservations() {}
}
