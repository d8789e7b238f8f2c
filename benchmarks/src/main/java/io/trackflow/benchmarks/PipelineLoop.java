package io.trackflow.benchmarks;

import io.trackflow.beyondwords.model.BackgroundTrack;
import io.trackflow.core.ClientConfig;
import io.trackflow.core.auth.ApiKeyAuth;
import io.trackflow.core.client.ApiClient;
import io.trackflow.core.http.HttpMethod;
import io.trackflow.core.http.HttpRequest;
import io.trackflow.core.http.HttpResponse;
import io.trackflow.core.http.ReactorNettyTransport;
import io.trackflow.core.http.ResponseBody;
import io.trackflow.core.http.ResponseHandler;
import io.trackflow.testkit.FakeBeyondWords;
import java.net.URI;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;

/**
 * trackflow's call pipeline without its paging engine: every page one {@link ApiClient#call} (auth,
 * retry, deadline, transport stage, Reactor Netty transport), built and read as {@code
 * BackgroundTracks} does, driven by the raw loop's {@code flatMapSequential}. Between the {@code
 * raw-model} contenders (no pipeline) and {@code list()} (pipeline and paging engine), it tells the
 * two costs apart.
 */
final class PipelineLoop {

    /** The API key the contender sends: the fake's default unless {@code ShortRun --key} says. */
    static volatile String apiKey = FakeBeyondWords.DEFAULT_API_KEY;

    private static ApiClient api;
    private static String apiBase;

    private PipelineLoop() {}

    private static synchronized ApiClient client(String base) {
        if (api == null || !base.equals(apiBase)) {
            api = ApiClient.builder(ClientConfig.of(base).baseUrl())
                    .name("beyondwords")
                    .auth(ApiKeyAuth.header("X-Api-Key", apiKey))
                    .defaultHeader("Accept", "application/json")
                    .build();
            apiBase = base;
        }
        return api;
    }

    private static ReactorNettyTransport transport;

    private static synchronized ReactorNettyTransport transport() {
        if (transport == null) {
            transport = ReactorNettyTransport.create();
        }
        return transport;
    }

    /**
     * trackflow's transport alone (no pipeline, no paging engine): {@link ReactorNettyTransport#exchange}
     * per page with the request's headers set by hand, each page read from the buffers as {@code list()}
     * reads it.
     */
    static Flux<?> transportListing(String base, int items, int pageSize, int inFlight) {
        ReactorNettyTransport t = transport();
        ResponseHandler<List<BackgroundTrack>> handler = new ResponseHandler<>() {
            @Override
            public List<BackgroundTrack> onSuccess(HttpResponse head, ResponseBody body) throws java.io.IOException {
                try (java.io.InputStream in = body.stream()) {
                    return Baselines.TRACKFLOW_MODEL.apply(in);
                }
            }

            @Override
            public List<BackgroundTrack> onFailure(HttpResponse response) {
                throw new IllegalStateException("HTTP " + response.status());
            }
        };
        return Baselines.inFlight(
                items,
                pageSize,
                inFlight,
                i -> t.exchange(
                        HttpRequest.builder()
                                .method(HttpMethod.GET)
                                .uri(URI.create(Baselines.page(base, (long) i * pageSize, pageSize)))
                                .putHeaders("X-Api-Key", apiKey)
                                .putHeaders("Accept", "application/json")
                                .build(),
                        handler));
    }

    /** A whole listing, {@code inFlight} pages at a time, in order. */
    static Flux<?> listing(String base, int items, int pageSize, int inFlight) {
        ApiClient client = client(base);
        return Baselines.inFlight(items, pageSize, inFlight, i -> {
            HttpRequest req = HttpRequest.get(client.uri(
                    List.of("background_tracks"),
                    List.of(
                            Map.entry("pagination[limit]", Integer.toString(pageSize)),
                            Map.entry("pagination[offset]", Long.toString((long) i * pageSize)))));
            return client.call("background_tracks.list", req, (head, in) -> Baselines.TRACKFLOW_MODEL.apply(in));
        });
    }
}
