package io.trackflow.core.client.example;

import io.trackflow.core.ProviderClientBuilder;
import io.trackflow.core.auth.ApiKeyAuth;
import io.trackflow.core.client.ApiClient;
import io.trackflow.core.http.HttpRequest;
import io.trackflow.core.http.HttpResponse;
import io.trackflow.core.json.Json;
import io.trackflow.core.paging.OffsetPaginator;
import io.trackflow.core.paging.Page;
import io.trackflow.core.paging.PageCursor;
import io.trackflow.core.paging.PageFetcher;
import io.trackflow.core.paging.PageResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The client of a small quotes API ({@code GET /quotes/{id}}, {@code GET /quotes?limit=&offset=}
 * answering {@code X-Total-Count}, {@code X-Limit}, {@code X-Offset}), written only with core's
 * exported packages: {@link ApiClient} runs the calls (auth, retries, deadline, typed errors), the
 * {@link OffsetPaginator} does the paging, the provider declares requests, readers and models.
 */
public final class QuotesClient implements AutoCloseable {

    /** The provider's base URL. */
    public static final String DEFAULT_BASE_URL = "https://quotes.example.com/api";

    /** Items asked per page (the server may clamp). */
    public static final int PAGE_SIZE = 20;

    /** The listing has no filters: one fingerprint for every cursor ({@code [0-9a-z]}, at most 64). */
    private static final String FINGERPRINT = "quotes";

    private final ApiClient api;
    private final OffsetPaginator<Quote> paginator;

    private QuotesClient(ApiClient api) {
        this.api = api;
        this.paginator = api.paginator(fetcher(), FINGERPRINT);
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * One quote: {@code GET /quotes/{id}}.
     *
     * @param id positive
     * @return the quote, or a {@code NotFoundException}
     */
    public Mono<Quote> get(long id) {
        if (id <= 0) {
            throw new IllegalArgumentException("id must be > 0, was " + id);
        }
        HttpRequest req = HttpRequest.get(api.uri(List.of("quotes", Long.toString(id)), List.of()));
        return api.call("quotes.get", req, (head, body) -> Json.read(body, Quote.class));
    }

    /** Every quote, paging automatically, two pages in flight at most. */
    public Flux<Quote> list() {
        return paginator.items(0, Long.MAX_VALUE, PAGE_SIZE, 2);
    }

    /**
     * The rest of a listing from a cursor (a page's {@code nextCursor()} or a failure's {@code
     * resumeCursor()}).
     *
     * @param resumeFrom where to resume
     * @return the quotes not yet read
     */
    public Flux<Quote> list(PageCursor resumeFrom) {
        Objects.requireNonNull(resumeFrom, "resumeFrom");
        return paginator.items(resumeFrom, PAGE_SIZE, 2);
    }

    /** The pages of the listing, each with its offset, limit, total and next cursor. */
    public Flux<Page<Quote>> pages() {
        return paginator.pages(0, Long.MAX_VALUE, PAGE_SIZE, 2);
    }

    private PageFetcher<Quote> fetcher() {
        return (offset, limit) -> {
            List<Map.Entry<String, String>> query =
                    List.of(Map.entry("limit", Integer.toString(limit)), Map.entry("offset", Long.toString(offset)));
            HttpRequest req = HttpRequest.get(api.uri(List.of("quotes"), query));
            return api.call("quotes.list", req, QuotesClient::page);
        };
    }

    private static PageResponse<Quote> page(HttpResponse head, InputStream body) throws IOException {
        List<Quote> items = Json.readList(body, Quote.class);
        return PageResponse.<Quote>builder()
                .items(items)
                .totalCount(head.headerAsLong("X-Total-Count"))
                .limit(head.headerAsPositiveInt("X-Limit"))
                .offset(head.headerAsLong("X-Offset"))
                .headers(head.headers())
                .build();
    }

    /**
     * Frees the connection pool the client created, without blocking.
     *
     * @return completes when it is freed
     */
    public Mono<Void> closeAsync() {
        return api.closeAsync();
    }

    @Override
    public void close() {
        api.close();
    }

    @Override
    public String toString() {
        return api.describeAs("QuotesClient");
    }

    /** Builds {@link QuotesClient}s; everything is validated in {@link #build()}, before any I/O. */
    public static final class Builder extends ProviderClientBuilder<Builder> {
        private @Nullable String apiKey;

        Builder() {
            super(DEFAULT_BASE_URL);
        }

        /**
         * The API key (required), sent as {@code X-Api-Key}.
         *
         * @param apiKey the key
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws IllegalArgumentException when the key is missing or blank, or an option is invalid
         */
        public QuotesClient build() {
            if (apiKey == null) {
                throw new IllegalArgumentException("apiKey is required");
            }
            return new QuotesClient(apiClient("quotes")
                    .auth(ApiKeyAuth.header("X-Api-Key", apiKey))
                    .defaultHeader("Accept", "application/json")
                    .build());
        }
    }
}
