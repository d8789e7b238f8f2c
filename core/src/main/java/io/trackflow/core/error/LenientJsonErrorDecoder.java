package io.trackflow.core.error;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackflow.core.http.HttpResponse;
import io.trackflow.core.json.Json;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/** See {@link ErrorDecoder#lenientJson()}. */
final class LenientJsonErrorDecoder implements ErrorDecoder {

    static final LenientJsonErrorDecoder INSTANCE = new LenientJsonErrorDecoder();

    private static final String[] MESSAGE_KEYS = {"message", "error_description", "detail", "title"};
    private static final String[] CODE_KEYS = {"code", "type", "error_code"};
    private static final String[] LOCATION_KEYS = {"location", "field", "param", "path", "name"};
    private static final String[] FIELD_MESSAGE_KEYS = {"message", "msg", "detail", "error"};

    private LenientJsonErrorDecoder() {}

    @Override
    public ErrorBody decode(HttpResponse response) {
        if (response.bodyLength() == 0) {
            return ErrorBody.empty();
        }
        JsonNode root;
        try {
            root = Json.reader().readTree(response.bodyStream());
        } catch (Exception notJson) {
            return ErrorBody.empty();
        }
        if (root == null || !root.isObject()) {
            return ErrorBody.empty();
        }
        ErrorBody.Builder b = ErrorBody.builder();
        Optional<String> message = firstText(root, MESSAGE_KEYS);
        JsonNode error = root.get("error");
        if (message.isEmpty() && error != null) {
            message = error.isObject() ? firstText(error, MESSAGE_KEYS) : text(error);
            if (error.isObject()) {
                firstText(error, CODE_KEYS).ifPresent(b::errorCode);
            }
        }
        message.ifPresent(b::message);
        if (!b.build().errorCode().isPresent()) {
            firstText(root, CODE_KEYS).ifPresent(b::errorCode);
        }
        readErrors(root.get("errors"), b);
        JsonNode retry = root.get("retry_after");
        if (retry != null && (retry.isNumber() || retry.isTextual())) {
            try {
                double seconds = retry.isNumber()
                        ? retry.asDouble()
                        : Double.parseDouble(retry.asText().trim());
                if (seconds >= 0 && seconds < 1e9) {
                    b.retryAfter(Duration.ofMillis((long) Math.ceil(seconds * 1000)));
                }
            } catch (NumberFormatException ignored) {
                // not a number: the header may still say
            }
        }
        return b.build();
    }

    private static void readErrors(JsonNode errors, ErrorBody.Builder b) {
        if (errors == null || errors.isNull()) {
            return;
        }
        if (errors.isArray()) {
            for (JsonNode e : errors) {
                if (e.isObject()) {
                    String location = firstText(e, LOCATION_KEYS).orElse("");
                    String msg = firstText(e, FIELD_MESSAGE_KEYS).orElse(e.toString());
                    b.addErrors(FieldError.of(location, msg));
                } else {
                    text(e).ifPresent(m -> b.addErrors(FieldError.of("", m)));
                }
            }
        } else if (errors.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = errors.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getValue().isArray()) {
                    for (JsonNode m : f.getValue()) {
                        text(m).ifPresent(msg -> b.addErrors(FieldError.of(f.getKey(), msg)));
                    }
                } else {
                    text(f.getValue()).ifPresent(msg -> b.addErrors(FieldError.of(f.getKey(), msg)));
                }
            }
        } else {
            text(errors).ifPresent(m -> b.addErrors(FieldError.of("", m)));
        }
    }

    private static Optional<String> firstText(JsonNode node, String[] keys) {
        for (String k : keys) {
            JsonNode v = node.get(k);
            if (v != null) {
                Optional<String> t = text(v);
                if (t.isPresent()) {
                    return t;
                }
            }
        }
        return Optional.empty();
    }

    /** A value as text: strings as they are, numbers and booleans printed, objects/arrays as JSON. */
    private static Optional<String> text(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return Optional.empty();
        }
        String s = v.isValueNode() ? v.asText() : v.toString();
        return s.isBlank() ? Optional.empty() : Optional.of(s);
    }
}
