package io.trackflow.core.error;

import io.trackflow.core.http.HttpResponse;
import io.trackflow.core.json.Json;
import io.trackflow.core.json.RawJson;
import io.trackflow.core.json.RawJson.Kind;
import java.time.Duration;
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
        RawJson root;
        try {
            // from the bytes, as Jackson reads them: the encoding detected (a BOM, UTF-16), the first value
            root = Json.read(response.bodyStream(), RawJson.class);
        } catch (IllegalArgumentException notJson) {
            return ErrorBody.empty();
        }
        if (root.kind() != Kind.OBJECT) {
            return ErrorBody.empty();
        }
        ErrorBody.Builder b = ErrorBody.builder();
        Optional<String> message = firstText(root, MESSAGE_KEYS);
        RawJson error = root.get("error").orElse(null);
        if (message.isEmpty() && error != null) {
            message = error.kind() == Kind.OBJECT ? firstText(error, MESSAGE_KEYS) : text(error);
            if (error.kind() == Kind.OBJECT) {
                firstText(error, CODE_KEYS).ifPresent(b::errorCode);
            }
        }
        message.ifPresent(b::message);
        if (!b.build().errorCode().isPresent()) {
            firstText(root, CODE_KEYS).ifPresent(b::errorCode);
        }
        readErrors(root.get("errors").orElse(null), b);
        RawJson retry = root.get("retry_after").orElse(null);
        if (retry != null && (retry.kind() == Kind.NUMBER || retry.kind() == Kind.STRING)) {
            try {
                double seconds = retry.kind() == Kind.NUMBER
                        ? retry.asDecimal().orElseThrow().doubleValue()
                        : Double.parseDouble(retry.asString().orElseThrow().trim());
                if (seconds >= 0 && seconds < 1e9) {
                    b.retryAfter(Duration.ofMillis((long) Math.ceil(seconds * 1000)));
                }
            } catch (NumberFormatException ignored) {
                // not a number: the header may still say
            }
        }
        return b.build();
    }

    private static void readErrors(RawJson errors, ErrorBody.Builder b) {
        if (errors == null || errors.isNull()) {
            return;
        }
        if (errors.kind() == Kind.ARRAY) {
            for (RawJson e : errors.elements()) {
                if (e.kind() == Kind.OBJECT) {
                    String location = firstText(e, LOCATION_KEYS).orElse("");
                    String msg = firstText(e, FIELD_MESSAGE_KEYS).orElse(e.toString());
                    b.addErrors(FieldError.of(location, msg));
                } else {
                    text(e).ifPresent(m -> b.addErrors(FieldError.of("", m)));
                }
            }
        } else if (errors.kind() == Kind.OBJECT) {
            for (Map.Entry<String, RawJson> f : errors.fields().entrySet()) {
                if (f.getValue().kind() == Kind.ARRAY) {
                    for (RawJson m : f.getValue().elements()) {
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

    private static Optional<String> firstText(RawJson node, String[] keys) {
        for (String k : keys) {
            RawJson v = node.get(k).orElse(null);
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
    private static Optional<String> text(RawJson v) {
        if (v.isNull()) {
            return Optional.empty();
        }
        String s = v.kind() == Kind.STRING ? v.asString().orElseThrow() : v.toJson();
        return s.isBlank() ? Optional.empty() : Optional.of(s);
    }
}
