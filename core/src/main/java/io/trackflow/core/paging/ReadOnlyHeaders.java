package io.trackflow.core.paging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Header maps whose value lists cannot be changed by whoever reads a page. */
final class ReadOnlyHeaders {

    private ReadOnlyHeaders() {}

    /** Whether every value list is read-only ({@code List.copyOf} returns such a list itself). */
    static boolean readOnly(Map<String, List<String>> headers) {
        for (List<String> v : headers.values()) {
            if (List.copyOf(v) != v) {
                return false;
            }
        }
        return true;
    }

    /** The headers with read-only copies of their value lists, in order. */
    static Map<String, List<String>> copy(Map<String, List<String>> headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }
}
