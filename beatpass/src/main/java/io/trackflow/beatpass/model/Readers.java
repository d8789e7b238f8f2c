package io.trackflow.beatpass.model;

import io.trackflow.core.json.FieldType;
import io.trackflow.core.json.ModelReader;

/**
 * How each BeatPass model is read: one line per field, required or optional (see {@link ModelReader}
 * for the rule, and each model's Javadoc for what a field accepts).
 */
final class Readers {

    private Readers() {}

    static final class TrackReader extends ModelReader<Track.Builder, Track> {
        private static final long serialVersionUID = 1L;

        TrackReader() {
            super(Track.class, Track::builder, Track.Builder::build, Track.Builder::additionalProperties);
            required("id", FieldType.LONG, Track.Builder::id);
            required("name", FieldType.STRING, Track.Builder::name);
            optional("release_date", FieldType.DATE, Track.Builder::releaseDate);
            optional("image", FieldType.STRING, Track.Builder::image);
            optional("duration", FieldType.MILLIS, Track.Builder::duration);
            optional("description", FieldType.STRING, Track.Builder::description);
            optional("artists", FieldType.listOf(Artist.class), Track.Builder::artists);
            optional("album", FieldType.model(Album.class), Track.Builder::album);
            optional("genres", FieldType.listOf(Genre.class), Track.Builder::genres);
            optional("tags", FieldType.listOf(Tag.class), Track.Builder::tags);
            optional("model_type", FieldType.STRING, Track.Builder::modelType);
            optional("created_at", FieldType.INSTANT, Track.Builder::createdAt);
            optional("updated_at", FieldType.INSTANT, Track.Builder::updatedAt);
            optional("duration_text", FieldType.STRING, Track.Builder::durationText);
            optional("bpm", FieldType.DOUBLE, Track.Builder::bpm);
            optional("key", FieldType.STRING, Track.Builder::key);
            optional("scale", FieldType.STRING, Track.Builder::scale);
            optional("price", FieldType.DECIMAL, Track.Builder::price);
            optional("currency", FieldType.STRING, Track.Builder::currency);
            optional("exclusive_price", FieldType.DECIMAL, Track.Builder::exclusivePrice);
            optional("licensing_type", FieldType.STRING, Track.Builder::licensingType);
            optional("exclusive_status", FieldType.STRING, Track.Builder::exclusiveStatus);
            optional("plays", FieldType.LONG, Track.Builder::plays);
            optional("likes_count", FieldType.LONG, Track.Builder::likesCount);
            optional("reposts_count", FieldType.LONG, Track.Builder::repostsCount);
        }
    }

    static final class AlbumReader extends ModelReader<Album.Builder, Album> {
        private static final long serialVersionUID = 1L;

        AlbumReader() {
            super(Album.class, Album::builder, Album.Builder::build, Album.Builder::additionalProperties);
            required("id", FieldType.LONG, Album.Builder::id);
            required("name", FieldType.STRING, Album.Builder::name);
            optional("image", FieldType.STRING, Album.Builder::image);
            optional("release_date", FieldType.DATE, Album.Builder::releaseDate);
            optional("description", FieldType.STRING, Album.Builder::description);
            optional("tracks", FieldType.listOf(Track.class), Album.Builder::tracks);
            optional("artists", FieldType.listOf(Artist.class), Album.Builder::artists);
            optional("plays", FieldType.LONG, Album.Builder::plays);
            optional("created_at", FieldType.INSTANT, Album.Builder::createdAt);
        }
    }

    static final class ArtistReader extends ModelReader<Artist.Builder, Artist> {
        private static final long serialVersionUID = 1L;

        ArtistReader() {
            super(Artist.class, Artist::builder, Artist.Builder::build, Artist.Builder::additionalProperties);
            required("id", FieldType.LONG, Artist.Builder::id);
            required("name", FieldType.STRING, Artist.Builder::name);
            optional("image_small", FieldType.STRING, Artist.Builder::imageSmall);
            optional("verified", FieldType.BOOLEAN, Artist.Builder::verified);
            optional("bio", FieldType.STRING, Artist.Builder::bio);
            optional("website", FieldType.STRING, Artist.Builder::website);
        }
    }

    static final class GenreReader extends ModelReader<Genre.Builder, Genre> {
        private static final long serialVersionUID = 1L;

        GenreReader() {
            super(Genre.class, Genre::builder, Genre.Builder::build, Genre.Builder::additionalProperties);
            required("id", FieldType.LONG, Genre.Builder::id);
            required("name", FieldType.STRING, Genre.Builder::name);
        }
    }

    static final class TagReader extends ModelReader<Tag.Builder, Tag> {
        private static final long serialVersionUID = 1L;

        TagReader() {
            super(Tag.class, Tag::builder, Tag.Builder::build, Tag.Builder::additionalProperties);
            required("id", FieldType.LONG, Tag.Builder::id);
            required("name", FieldType.STRING, Tag.Builder::name);
        }
    }
}
