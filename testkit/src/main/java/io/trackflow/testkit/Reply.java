package io.trackflow.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/** A complete answer of a fake server: status, headers (mutable, in order) and body. */
final class Reply {
    final int status;
    final Map<String, String> headers;
    final byte[] body;

    Reply(int status, Map<String, String> headers, byte[] body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /** A JSON answer serialized from a map, list or tree. */
    static Reply json(int status, Object body) {
        return raw(status, Map.of(), TestkitJson.bytes(body));
    }

    /** An answer with a pre-serialized body; {@code Content-Type: application/json} unless given. */
    static Reply raw(int status, Map<String, String> headers, byte[] body) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.putIfAbsent("Content-Type", "application/json");
        return new Reply(status, h, body);
    }

    /** This answer with one more header. */
    Reply with(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
