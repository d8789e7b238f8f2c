package io.trackflow.core.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trackflow.core.error.internal.ErrorAccess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** A page's headers cannot be changed by whoever reads the page, whatever map its fetcher built. */
class ReadOnlyHeadersTest {

    private static Map<String, List<String>> mutable() {
        Map<String, List<String>> h = new LinkedHashMap<>();
        h.put("x-a", new ArrayList<>(List.of("1")));
        return h;
    }

    @Test
    void pagesOfAListingHaveReadOnlyHeaderValues() {
        PageFetcher<Integer> f = (offset, limit) ->
                Mono.just(PageResponse.<Integer>builder().totalCount(1).build(List.of(1), mutable()));
        Page<Integer> p =
                OffsetPaginator.of(f, "q", ErrorAccess.get()).pages(0, 10, 5, 1).blockFirst();
        assertThat(p.header("X-A")).contains("1");
        assertThatThrownBy(() -> p.headers().get("x-a").add("2")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void everyPageValueKeepsItsHeaderValuesReadOnly() {
        PageResponse<Integer> r =
                PageResponse.<Integer>builder().headers(mutable()).build();
        PageNumberResponse<Integer> n =
                PageNumberResponse.<Integer>builder().headers(mutable()).build();
        Page<Integer> p =
                Page.<Integer>builder().offset(0).limit(1).headers(mutable()).build();
        for (Map<String, List<String>> h : List.of(r.headers(), n.headers(), p.headers())) {
            assertThatThrownBy(() -> h.get("x-a").add("2")).isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
