package io.trackflow.testkit;

import tools.jackson.databind.node.ObjectNode;

/**
 * The BeyondWords error bodies, in every shape the provider uses: {@code {code, message}}, {@code
 * {code, message, errors:[{location, message}]}}, {@code {message}} (429) and {@code {type,
 * message, context}} (permissions).
 */
final class BeyondWordsErrors {

    private BeyondWordsErrors() {}

    /** {@code {code, message}}. */
    static Reply error(int status, String message) {
        ObjectNode body = TestkitJson.object();
        body.put("code", status);
        body.put("message", message);
        return Reply.json(status, body);
    }

    /** {@code {code, message, errors:[{location, message}]}}. */
    static Reply invalid(int status, String message, String location, String detail) {
        ObjectNode body = TestkitJson.object();
        body.put("code", status);
        body.put("message", message);
        body.putArray("errors").addObject().put("location", location).put("message", detail);
        return Reply.json(status, body);
    }

    /** A 422 for one field of a request body. */
    static Reply invalidBody(String location, String detail) {
        return invalid(422, "Invalid request body", location, detail);
    }

    /** A 400 for one query parameter. */
    static Reply invalidParameter(String location, String detail) {
        return invalid(400, "Invalid parameter", location, detail);
    }

    /** The answer for an error status, in the shape the provider uses for it. */
    static Reply forStatus(int status, String path) {
        switch (status) {
            case 401:
                return error(401, "Unauthorized");
            case 403: {
                ObjectNode body = TestkitJson.object();
                body.put("type", "permission_error");
                body.put("message", "You do not have permission to access this resource");
                body.putObject("context").put("path", path);
                return Reply.json(403, body);
            }
            case 404:
                return error(404, "Not found");
            case 429: {
                ObjectNode body = TestkitJson.object();
                body.put("message", "Too many requests, please slow down");
                return Reply.json(429, body);
            }
            case 422: {
                ObjectNode body = TestkitJson.object();
                body.put("code", 422);
                body.put("message", "Invalid request body");
                body.putArray("errors");
                return Reply.json(422, body);
            }
            default:
                return error(status, status >= 500 ? "Internal server error" : "Request failed");
        }
    }
}
