package io.trackflow.beyondwords.model;

import io.trackflow.core.json.FieldType;
import io.trackflow.core.json.ModelCodec;

/**
 * How each BeyondWords model is read and written: one line per field, required or optional (see {@link ModelCodec}
 * for the rule, and each model's Javadoc for what a field accepts).
 */
final class Readers {

    private Readers() {}

    static final class BackgroundTrackCodec extends ModelCodec<BackgroundTrack.Builder, BackgroundTrack> {
        BackgroundTrackCodec() {
            super(
                    BackgroundTrack.class,
                    BackgroundTrack::builder,
                    BackgroundTrack.Builder::build,
                    BackgroundTrack.Builder::additionalProperties,
                    BackgroundTrack::additionalProperties);
            required("id", FieldType.LONG, BackgroundTrack.Builder::id, BackgroundTrack::id);
            required("name", FieldType.STRING, BackgroundTrack.Builder::name, BackgroundTrack::name);
            withDefault("volume", FieldType.INT, BackgroundTrack.Builder::volume, BackgroundTrack::volume);
            optional(
                    "project",
                    FieldType.model(ProjectRef.class),
                    BackgroundTrack.Builder::project,
                    BackgroundTrack::project);
            optional("media", FieldType.model(Media.class), BackgroundTrack.Builder::media, BackgroundTrack::media);
            required("created", FieldType.INSTANT, BackgroundTrack.Builder::created, BackgroundTrack::created);
            withDefault("updated", FieldType.INSTANT, BackgroundTrack.Builder::updated, BackgroundTrack::updated);
        }
    }

    static final class ProjectRefCodec extends ModelCodec<ProjectRef.Builder, ProjectRef> {
        ProjectRefCodec() {
            super(
                    ProjectRef.class,
                    ProjectRef::builder,
                    ProjectRef.Builder::build,
                    ProjectRef.Builder::additionalProperties,
                    ProjectRef::additionalProperties);
            required("id", FieldType.LONG, ProjectRef.Builder::id, ProjectRef::id);
            withDefault("name", FieldType.STRING, ProjectRef.Builder::name, ProjectRef::name);
        }
    }

    static final class MediaCodec extends ModelCodec<Media.Builder, Media> {
        MediaCodec() {
            super(
                    Media.class,
                    Media::builder,
                    Media.Builder::build,
                    Media.Builder::additionalProperties,
                    Media::additionalProperties);
            withDefault("url", FieldType.STRING, Media.Builder::url, Media::url);
            optional("duration", FieldType.MILLIS, Media.Builder::duration, Media::duration);
        }
    }

    /**
     * A create or update in its request form ({@code project: {id}}, {@code media: {url}}), strict: a field
     * that is sent must read, and the request's own checks apply.
     */
    static final class BackgroundTrackRequestCodec
            extends ModelCodec<BackgroundTrackRequest.Builder, BackgroundTrackRequest> {
        BackgroundTrackRequestCodec() {
            super(BackgroundTrackRequest.class, BackgroundTrackRequest::builder, BackgroundTrackRequest.Builder::build);
            optional("name", FieldType.STRING, BackgroundTrackRequest.Builder::name, BackgroundTrackRequest::name);
            optional("volume", FieldType.INT, BackgroundTrackRequest.Builder::volume, BackgroundTrackRequest::volume);
            optional(
                    "project",
                    FieldType.objectWith("id", FieldType.LONG),
                    BackgroundTrackRequest.Builder::projectId,
                    BackgroundTrackRequest::projectId);
            optional(
                    "media",
                    FieldType.objectWith("url", FieldType.STRING),
                    BackgroundTrackRequest.Builder::mediaUrl,
                    BackgroundTrackRequest::mediaUrl);
        }
    }
}
