package io.trackflow.testkit;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/** The BeatPass fake's error answers in the provider's (Laravel's) shapes, and its {@code with=} rule. */
final class BeatPassErrors {

    private static final Set<String> RELATIONS = Set.of("tags", "genres", "artists", "album");

    private BeatPassErrors() {}

    /** {@code {"message":...}}, as Laravel sends 401, 404, 410 and the like. */
    static Reply message(int status, String message) {
        return Reply.json(status, Map.of("message", message));
    }

    /**
     * A validation failure as Laravel sends it: {@code 422 {"message":"The given data was invalid.",
     * "errors":{field:[message]}}}.
     */
    static Reply invalid(String field, String message) {
        ObjectNode body = TestkitJson.object();
        body.put("message", "The given data was invalid.");
        body.putObject("errors").putArray(field).add(message);
        return Reply.json(422, body);
    }

    /** The 422 for an unknown relation, with the {@code "status":"error"} BeMusic adds there. */
    static Reply invalidWith() {
        ObjectNode body = TestkitJson.object();
        body.put("status", "error");
        body.put("message", "The given data was invalid.");
        body.putObject("errors").putArray("with").add("The selected with is invalid.");
        return Reply.json(422, body);
    }

    /**
     * A wrong or expired token: {@code 401 {"message":"Unauthenticated."}} when the request accepts
     * JSON, else a {@code 302} to the HTML login page.
     */
    static Reply unauthenticated(RecordedRequest r, String login) {
        if (r.header("Accept").orElse("").contains("application/json")) {
            return message(401, "Unauthenticated.");
        }
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Location", login);
        h.put("Content-Type", "text/html; charset=UTF-8");
        String page = "<!DOCTYPE html><html><head><meta http-equiv=\"refresh\" content=\"0;url=/login\"></head>"
                + "<body>Redirecting to /login</body></html>";
        return Reply.raw(302, h, page.getBytes(StandardCharsets.UTF_8));
    }

    /** Laravel's throttle answer (the caller adds {@code Retry-After}). */
    static Reply tooManyAttempts(long retryAfterSeconds) {
        ObjectNode body = TestkitJson.object();
        body.put("message", "Too Many Attempts.");
        body.put("retry_after", retryAfterSeconds);
        return Reply.json(429, body);
    }

    /** The provider-shaped answer for an injected status fault on a path (429 aside). */
    static Reply forFault(int status, String path) {
        switch (status) {
            case 401:
                return message(401, "Unauthenticated.");
            case 404:
                return message(404, BeatPassLists.notFound(path));
            case 410:
                return message(410, "Track unavailable");
            case 422: {
                if (BeatPassLists.handles(path)) {
                    return invalid("page", "The page must be at least 1.");
                }
                // the other shape BeMusic sends: errors' values as strings
                ObjectNode body = TestkitJson.object();
                body.put("status", "error");
                body.put("message", "The given data was invalid.");
                body.putObject("errors").put("with", "The selected with is invalid.");
                return Reply.json(422, body);
            }
            default:
                return message(status, status >= 500 ? "Server Error" : "Error");
        }
    }

    /**
     * The relations a request asks for with {@code with=} (comma-separated, repeatable), in order;
     * null when one of them is unknown.
     */
    static @Nullable Set<String> relations(RecordedRequest r) {
        Set<String> with = new LinkedHashSet<>();
        for (String w : r.query().getOrDefault("with", List.of())) {
            for (String part : w.split(",")) {
                if (!part.isBlank()) {
                    with.add(part.trim());
                }
            }
        }
        return RELATIONS.containsAll(with) ? with : null;
    }
}
