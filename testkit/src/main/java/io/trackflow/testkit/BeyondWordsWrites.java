package io.trackflow.testkit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/background_tracks} (201) and {@code PUT /v1/background_tracks/{id}} (200),
 * validated like the provider: 400 for a body that is not a JSON object, 422 {@code {code, message,
 * errors:[{location, message}]}} per field, 403 {@code permission_error} for the locked project.
 */
final class BeyondWordsWrites {

    private final BeyondWordsStore store;

    BeyondWordsWrites(BeyondWordsStore store) {
        this.store = store;
    }

    Reply create(RecordedRequest r) {
        JsonNode body = TestkitJson.parse(r.body());
        Reply problem = body == null || !body.isObject() ? notAnObject() : validate(body, true);
        if (problem != null) {
            return problem;
        }
        synchronized (store) {
            String name = body.get("name").asString().trim();
            if (store.nameTaken(name, -1)) {
                return BeyondWordsErrors.invalidBody("name", "has already been taken");
            }
            Long project = projectOf(body, null);
            if (project != null && project == FakeBeyondWords.LOCKED_PROJECT_ID) {
                return BeyondWordsErrors.forStatus(403, r.path());
            }
            int volume = body.has("volume") ? intOf(body.get("volume")) : 100;
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            BeyondWordsTrack t = store.add(
                    name, volume, project, body.path("media").path("url").asString(), now);
            return Reply.raw(201, Map.of(), t.json());
        }
    }

    Reply update(long id, RecordedRequest r) {
        JsonNode body = TestkitJson.parse(r.body());
        Reply problem = body == null || !body.isObject() ? notAnObject() : validate(body, false);
        if (problem != null) {
            return problem;
        }
        synchronized (store) {
            BeyondWordsTrack current = store.get(id);
            if (current == null) {
                return BeyondWordsErrors.forStatus(404, r.path());
            }
            if (current.inLockedProject()) {
                return BeyondWordsErrors.forStatus(403, r.path());
            }
            String name = body.has("name") ? body.get("name").asString().trim() : current.name;
            if (body.has("name") && store.nameTaken(name, current.id)) {
                return BeyondWordsErrors.invalidBody("name", "has already been taken");
            }
            Long project = projectOf(body, current.projectId);
            if (project != null && project == FakeBeyondWords.LOCKED_PROJECT_ID) {
                return BeyondWordsErrors.forStatus(403, r.path());
            }
            int volume = body.has("volume") ? intOf(body.get("volume")) : current.volume;
            String media = body.has("media") ? body.path("media").path("url").asString() : current.mediaUrl;
            BeyondWordsTrack next = current.with(name, volume, project, media, BeyondWordsStore.later(current.updated));
            store.put(next);
            return Reply.raw(200, Map.of(), next.json());
        }
    }

    private static Reply notAnObject() {
        return BeyondWordsErrors.error(400, "Invalid JSON in request body");
    }

    private static @Nullable Reply validate(JsonNode body, boolean creating) {
        JsonNode name = body.get("name");
        if ((creating || name != null)
                && (name == null || !name.isString() || name.asString().isBlank())) {
            return BeyondWordsErrors.invalidBody("name", "can't be blank");
        }
        JsonNode volume = body.get("volume");
        if (volume != null && (!volume.isIntegralNumber() || intOf(volume) < 0 || intOf(volume) > 100)) {
            return BeyondWordsErrors.invalidBody("volume", "must be an integer between 0 and 100");
        }
        JsonNode media = body.get("media");
        if (creating || media != null) {
            JsonNode url = media == null ? null : media.get("url");
            if (url == null || !url.isString() || url.asString().isBlank()) {
                return BeyondWordsErrors.invalidBody("media.url", "can't be blank");
            }
            if (!url.asString().matches("https?://\\S+")) {
                return BeyondWordsErrors.invalidBody("media.url", "is not a valid URL");
            }
        }
        JsonNode project = body.get("project");
        if (project != null && !project.isNull()) {
            JsonNode id = project.get("id");
            if (id == null || !id.isIntegralNumber() || !BeyondWordsTrack.PROJECTS.containsKey(longOf(id))) {
                return BeyondWordsErrors.invalidBody("project.id", "does not exist");
            }
        }
        return null;
    }

    private static @Nullable Long projectOf(JsonNode body, @Nullable Long current) {
        if (!body.has("project")) {
            return current;
        }
        JsonNode p = body.get("project");
        return p.isNull() ? null : longOf(p.get("id"));
    }

    /**
     * An integer's value as the fake has always read it (Jackson 2's {@code asInt()}): its low 32 bits,
     * where Jackson 3's {@code asInt()} fails for a value out of range.
     */
    private static int intOf(JsonNode integer) {
        return integer.bigIntegerValue().intValue();
    }

    /** An integer's value as the fake has always read it (Jackson 2's {@code asLong()}): its low 64 bits. */
    private static long longOf(JsonNode integer) {
        return integer.bigIntegerValue().longValue();
    }
}
