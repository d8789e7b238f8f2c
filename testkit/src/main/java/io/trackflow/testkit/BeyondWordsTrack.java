package io.trackflow.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/** One stored BeyondWords background track and its cached JSON. Immutable. */
final class BeyondWordsTrack {

    /** Projects a track may belong to; writes to the locked one are refused. */
    static final Map<Long, String> PROJECTS = Map.of(
            1L,
            "Newsroom",
            2L,
            "Podcasts",
            3L,
            "Audiobooks",
            4L,
            "Marketing",
            FakeBeyondWords.LOCKED_PROJECT_ID,
            "Locked archive");

    final long id;
    final String name;
    final int volume;
    final @Nullable Long projectId;
    final @Nullable String mediaUrl;
    final @Nullable Long durationMs;
    final Instant created;
    final Instant updated;
    final boolean custom;
    final String scope;
    private volatile byte @Nullable [] json;

    BeyondWordsTrack(
            long id,
            String name,
            int volume,
            @Nullable Long projectId,
            @Nullable String mediaUrl,
            @Nullable Long durationMs,
            Instant created,
            Instant updated,
            boolean custom,
            String scope) {
        this.id = id;
        this.name = name;
        this.volume = volume;
        this.projectId = projectId;
        this.mediaUrl = mediaUrl;
        this.durationMs = durationMs;
        this.created = created;
        this.updated = updated;
        this.custom = custom;
        this.scope = scope;
    }

    /** A changed copy; the media's duration is forgotten when its URL changes. */
    BeyondWordsTrack with(
            String name, int volume, @Nullable Long projectId, @Nullable String mediaUrl, Instant updated) {
        return new BeyondWordsTrack(
                id,
                name,
                volume,
                projectId,
                mediaUrl,
                Objects.equals(mediaUrl, this.mediaUrl) ? durationMs : null,
                created,
                updated,
                projectId != null,
                scope);
    }

    boolean inLockedProject() {
        return projectId != null && projectId == FakeBeyondWords.LOCKED_PROJECT_ID;
    }

    byte[] json() {
        byte[] j = json;
        if (j == null) {
            json = j = render().getBytes(StandardCharsets.UTF_8);
        }
        return j;
    }

    private String render() {
        ObjectNode o = TestkitJson.object();
        o.put("id", id);
        o.put("name", name);
        o.put("volume", volume);
        if (projectId == null) {
            o.putNull("project");
        } else {
            o.putObject("project").put("id", projectId).put("name", PROJECTS.get(projectId));
        }
        if (mediaUrl != null) {
            ObjectNode m = o.putObject("media");
            m.put("url", mediaUrl);
            if (durationMs != null) {
                m.put("duration", durationMs);
            }
            m.put("content_type", "audio/mpeg");
        }
        o.put("created", timestamp(created));
        o.put("updated", timestamp(updated));
        o.putNull("source_id");
        o.putArray("tags");
        return o.toString();
    }

    /** Three forms in turn, as the provider's pages and examples disagree. */
    private String timestamp(Instant t) {
        switch ((int) (id % 3)) {
            case 0:
                return WireTimestamps.utcWords(t);
            case 1:
                return WireTimestamps.iso(t);
            default:
                return WireTimestamps.isoWithOffset(t);
        }
    }
}
