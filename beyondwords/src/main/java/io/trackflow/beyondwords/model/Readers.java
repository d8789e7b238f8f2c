package io.trackflow.beyondwords.model;

import io.trackflow.core.json.FieldType;
import io.trackflow.core.json.ModelReader;

/**
 * How each BeyondWords model is read: one line per field, required or optional (see {@link ModelReader}
 * for the rule, and each model's Javadoc for what a field accepts).
 */
final class Readers {

    private Readers() {}

    static final class BackgroundTrackReader extends ModelReader<BackgroundTrack.Builder, BackgroundTrack> {
        private static final long serialVersionUID = 1L;

        BackgroundTrackReader() {
            super(
                    BackgroundTrack.class,
                    BackgroundTrack::builder,
                    BackgroundTrack.Builder::build,
                    BackgroundTrack.Builder::additionalProperties);
            required("id", FieldType.LONG, BackgroundTrack.Builder::id);
            required("name", FieldType.STRING, BackgroundTrack.Builder::name);
            optional("volume", FieldType.INT, BackgroundTrack.Builder::volume);
            optional("project", FieldType.model(ProjectRef.class), BackgroundTrack.Builder::project);
            optional("media", FieldType.model(Media.class), BackgroundTrack.Builder::media);
            required("created", FieldType.INSTANT, BackgroundTrack.Builder::created);
            optional("updated", FieldType.INSTANT, BackgroundTrack.Builder::updated);
        }
    }

    static final class ProjectRefReader extends ModelReader<ProjectRef.Builder, ProjectRef> {
        private static final long serialVersionUID = 1L;

        ProjectRefReader() {
            super(
                    ProjectRef.class,
                    ProjectRef::builder,
                    ProjectRef.Builder::build,
                    ProjectRef.Builder::additionalProperties);
            required("id", FieldType.LONG, ProjectRef.Builder::id);
            optional("name", FieldType.STRING, ProjectRef.Builder::name);
        }
    }

    static final class MediaReader extends ModelReader<Media.Builder, Media> {
        private static final long serialVersionUID = 1L;

        MediaReader() {
            super(Media.class, Media::builder, Media.Builder::build, Media.Builder::additionalProperties);
            optional("url", FieldType.STRING, Media.Builder::url);
            optional("duration", FieldType.MILLIS, Media.Builder::duration);
        }
    }
}
