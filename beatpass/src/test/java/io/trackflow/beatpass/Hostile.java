package io.trackflow.beatpass;

import io.trackflow.core.retry.RetryPolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/** A scripted, hostile HTTP server (Reactor Netty's), recording every request. */
final class Hostile implements AutoCloseable {

    static final RetryPolicy FAST = RetryPolicy.builder()
            .initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(10))
            .build();

    record Req(
            int index,
            String method,
            String rawPath,
            String path,
            String rawQuery,
            Map<String, List<String>> query,
            Map<String, List<String>> headers,
            long atMillis) {
        Optional<String> param(String name) {
            List<String> v = query.get(name);
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
        }

        long page() {
            return Long.parseLong(param("page").orElse("1"));
        }

        Optional<Integer> size() {
            return param("per_page").or(() -> param("perPage")).map(Integer::parseInt);
        }
    }

    record Resp(int status, Map<String, String> headers, String body, long delayMs) {
        static Resp json(String body) {
            return new Resp(200, Map.of("Content-Type", "application/json"), body, 0);
        }

        Resp delay(long ms) {
            return new Resp(status, headers, body, ms);
        }

        Resp header(String k, String v) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(k, v);
            return new Resp(status, h, body, delayMs);
        }
    }

    interface Script {
        Resp answer(Req r) throws Exception;
    }

    private final DisposableServer server;
    final List<Req> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();

    Hostile(Script script) {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((req, res) -> handle(req, res, script))
                .bindNow();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/api/v1";
    }

    BeatPassClient client() {
        return client(FAST);
    }

    BeatPassClient client(RetryPolicy retry) {
        return BeatPassClient.builder()
                .token("tok-123")
                .baseUrl(baseUrl())
                .retryPolicy(retry)
                .build();
    }

    List<Req> requests() {
        return new ArrayList<>(requests);
    }

    private Publisher<Void> handle(HttpServerRequest ex, HttpServerResponse res, Script script) {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        URI uri = URI.create(ex.uri());
        String rawQuery = uri.getRawQuery();
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String kv : rawQuery.split("&")) {
                int eq = kv.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
                q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            }
        }
        Map<String, List<String>> h = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : ex.requestHeaders()) {
            h.computeIfAbsent(e.getKey().toLowerCase(), x -> new ArrayList<>()).add(e.getValue());
        }
        Req r;
        synchronized (requests) {
            r = new Req(
                    requests.size(),
                    ex.method().name(),
                    uri.getRawPath(),
                    uri.getPath(),
                    rawQuery,
                    q,
                    h,
                    System.currentTimeMillis());
            requests.add(r);
        }
        Resp resp;
        try {
            resp = script.answer(r);
        } catch (Exception e) {
            resp = new Resp(599, Map.of(), "script failed: " + e, 0);
        }
        Resp fin = resp;
        // a request leaves the in-flight count when its answer starts: once the answer is out, the client may
        // send its next request before this handler's own end is signalled
        AtomicBoolean counted = new AtomicBoolean(true);
        Runnable leave = () -> {
            if (counted.compareAndSet(true, false)) {
                inFlight.decrementAndGet();
            }
        };
        Mono<Void> send = Mono.defer(() -> {
            leave.run();
            res.status(fin.status());
            fin.headers().forEach((k, v) -> res.header(k, v));
            return res.sendString(Mono.just(fin.body())).then();
        });
        return (fin.delayMs() > 0 ? Mono.delay(Duration.ofMillis(fin.delayMs())).then(send) : send)
                .doFinally(sig -> leave.run());
    }

    @Override
    public void close() {
        server.disposeNow();
    }

    // ---------------------------------------------------------------- JSON helpers

    /** A raw JSON fragment. */
    record Raw(String json) {}

    static String json(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Raw raw) {
            return raw.json();
        }
        if (v instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof Map<?, ?> m) {
            return m.entrySet().stream()
                    .map(e -> json(String.valueOf(e.getKey())) + ":" + json(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (v instanceof List<?> l) {
            return l.stream().map(Hostile::json).collect(Collectors.joining(",", "[", "]"));
        }
        throw new IllegalArgumentException(String.valueOf(v));
    }

    static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static Raw track(long id) {
        return new Raw("{\"id\":" + id + ",\"name\":\"Track " + id + "\",\"duration\":1000,\"plays\":" + id + "}");
    }

    static List<Object> tracks(List<Long> ids) {
        return ids.stream().map(Hostile::track).collect(Collectors.toList());
    }

    static List<Long> range(long fromInclusive, long toInclusive) {
        List<Long> out = new ArrayList<>();
        for (long i = fromInclusive; i <= toInclusive; i++) {
            out.add(i);
        }
        return out;
    }

    /** The key a path answers with. */
    static String keyOf(Req r) {
        return r.path().equals("/api/v1/tracks") ? "tracks" : "pagination";
    }

    /** The page object of an honest Laravel paginator. */
    static Map<String, Object> laravel(long total, long page, int perPage) {
        long first = (page - 1) * perPage; // 0-based
        List<Long> ids = first >= total ? List.of() : range(first + 1, Math.min(total, first + perPage));
        long lastPage = Math.max(1, (total + perPage - 1) / perPage);
        Map<String, Object> p = obj(
                "current_page",
                page,
                "data",
                tracks(ids),
                "first_page_url",
                "http://x/?page=1",
                "from",
                ids.isEmpty() ? null : first + 1,
                "last_page",
                lastPage,
                "last_page_url",
                "http://x/?page=" + lastPage,
                "next_page_url",
                page < lastPage ? "http://x/?page=" + (page + 1) : null,
                "path",
                "http://x/",
                "per_page",
                perPage,
                "prev_page_url",
                page > 1 ? "http://x/?page=" + (page - 1) : null,
                "to",
                ids.isEmpty() ? null : first + ids.size(),
                "total",
                total);
        return p;
    }

    static Resp envelope(String key, Map<String, Object> page) {
        return Resp.json(json(obj("status", "success", key, page)));
    }

    /** The honest server: the right parameter per endpoint, the endpoint's default size, a clamp. */
    static Resp honest(Req r, long total, int clamp) {
        String sizeName = keyOf(r).equals("tracks") ? "per_page" : "perPage";
        int asked = r.param(sizeName).map(Integer::parseInt).orElse(keyOf(r).equals("tracks") ? 15 : 20);
        return envelope(keyOf(r), laravel(total, r.page(), Math.min(asked, clamp)));
    }

    static List<Long> pagesAsked(List<Req> reqs) {
        return reqs.stream().map(Req::page).collect(Collectors.toList());
    }

    static <T> List<T> sorted(List<T> l) {
        List<T> c = new ArrayList<>(l);
        c.sort(null);
        return Collections.unmodifiableList(c);
    }
}
