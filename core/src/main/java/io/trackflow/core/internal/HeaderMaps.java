package io.trackflow.core.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Header maps whose value lists cannot be changed by whoever reads them: a response's, a page's. One
 * rule for {@code core.http} and {@code core.paging}.
 */
public final class HeaderMaps {

    private HeaderMaps() {}

    /**
     * Whether every value list is read-only ({@code List.copyOf} returns such a list itself).
     *
     * @param headers the headers
     * @return whether no value list can be changed
     */
    public static boolean readOnly(Map<String, List<String>> headers) {
        for (List<String> v : headers.values()) {
            if (List.copyOf(v) != v) {
                return false;
            }
        }
        return true;
    }

    /**
     * The headers with read-only copies of their value lists, in order.
     *
     * @param headers the headers
     * @return a new map
     */
    public static Map<String, List<String>> copy(Map<String, List<String>> headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }

    /**
     * Two read-only value lists of one header as one, in order.
     *
     * @param first the values seen first
     * @param then the values seen after
     * @return a read-only list
     */
    public static List<String> concat(List<String> first, List<String> then) {
        List<String> all = new ArrayList<>(first.size() + then.size());
        all.addAll(first);
        all.addAll(then);
        return List.copyOf(all);
    }
}
