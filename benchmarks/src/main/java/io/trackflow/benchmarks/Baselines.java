package io.trackflow.benchmarks;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.trackflow.core.json.Json;
import java.util.List;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** Shared pieces of the hand-written baselines. */
final class Baselines {

    static final ObjectMapper MAPPER = Json.newMapper();
    static final JavaType TRACK_LIST = MAPPER.getTypeFactory().constructCollectionType(List.class, Dto.Track.class);
    static final ObjectReader TRACKS = MAPPER.readerFor(TRACK_LIST);
    static final ObjectReader ENVELOPE = MAPPER.readerFor(Dto.Envelope.class);

    private Baselines() {}

    static HttpClient nettyClient(ConnectionProvider provider, String header, String value) {
        return HttpClient.create(provider).headers(h -> h.add(header, value).add("Accept", "application/json"));
    }

    static String page(String baseUrl, long offset, int limit) {
        return baseUrl + "/background_tracks?pagination%5Blimit%5D=" + limit + "&pagination%5Boffset%5D=" + offset;
    }
}
