package io.trackflow.beatpass.model;

import io.trackflow.core.json.FieldType;
import io.trackflow.core.json.ModelCodec;

/**
 * How each BeatPass model is read and written: one line per field, required or optional (see {@link ModelCodec}
 * for the rule, and each model's Javadoc for what a field accepts).
 */
final class Readers {

    private Readers() {}

    static final class TrackCodec extends ModelCodec<Track.Builder, Track> {
        TrackCodec() {
            super(
                    Track.class,
                    Track::builder,
                    Track.Builder::build,
                    Track.Builder::additionalProperties,
                    Track::additionalProperties);
            required("id", FieldType.LONG, Track.Builder::id, Track::id);
            required("name", FieldType.STRING, Track.Builder::name, Track::name);
            optional("release_date", FieldType.DATE, Track.Builder::releaseDate, Track::releaseDate);
            optional("image", FieldType.STRING, Track.Builder::image, Track::image);
            optional("duration", FieldType.MILLIS, Track.Builder::duration, Track::duration);
            optional("description", FieldType.STRING, Track.Builder::description, Track::description);
            optional("artists", FieldType.listOf(Artist.class), Track.Builder::artists, Track::artists);
            optional("album", FieldType.model(Album.class), Track.Builder::album, Track::album);
            optional("genres", FieldType.listOf(Genre.class), Track.Builder::genres, Track::genres);
            optional("tags", FieldType.listOf(Tag.class), Track.Builder::tags, Track::tags);
            optional("model_type", FieldType.STRING, Track.Builder::modelType, Track::modelType);
            optional("created_at", FieldType.INSTANT, Track.Builder::createdAt, Track::createdAt);
            optional("updated_at", FieldType.INSTANT, Track.Builder::updatedAt, Track::updatedAt);
            optional("duration_text", FieldType.STRING, Track.Builder::durationText, Track::durationText);
            optional("bpm", FieldType.DOUBLE, Track.Builder::bpm, Track::bpm);
            optional("key", FieldType.STRING, Track.Builder::key, Track::key);
            optional("scale", FieldType.STRING, Track.Builder::scale, Track::scale);
            optional("price", FieldType.DECIMAL, Track.Builder::price, Track::price);
            optional("currency", FieldType.STRING, Track.Builder::currency, Track::currency);
            optional("exclusive_price", FieldType.DECIMAL, Track.Builder::exclusivePrice, Track::exclusivePrice);
            optional("licensing_type", FieldType.STRING, Track.Builder::licensingType, Track::licensingType);
            optional("exclusive_status", FieldType.STRING, Track.Builder::exclusiveStatus, Track::exclusiveStatus);
            optional("plays", FieldType.LONG, Track.Builder::plays, Track::plays);
            optional("likes_count", FieldType.LONG, Track.Builder::likesCount, Track::likesCount);
            optional("reposts_count", FieldType.LONG, Track.Builder::repostsCount, Track::repostsCount);
        }
    }

    static final class AlbumCodec extends ModelCodec<Album.Builder, Album> {
        AlbumCodec() {
            super(
                    Album.class,
                    Album::builder,
                    Album.Builder::build,
                    Album.Builder::additionalProperties,
                    Album::additionalProperties);
            required("id", FieldType.LONG, Album.Builder::id, Album::id);
            required("name", FieldType.STRING, Album.Builder::name, Album::name);
            optional("image", FieldType.STRING, Album.Builder::image, Album::image);
            optional("release_date", FieldType.DATE, Album.Builder::releaseDate, Album::releaseDate);
            optional("description", FieldType.STRING, Album.Builder::description, Album::description);
            optional("tracks", FieldType.listOf(Track.class), Album.Builder::tracks, Album::tracks);
            optional("artists", FieldType.listOf(Artist.class), Album.Builder::artists, Album::artists);
            optional("plays", FieldType.LONG, Album.Builder::plays, Album::plays);
            optional("created_at", FieldType.INSTANT, Album.Builder::createdAt, Album::createdAt);
        }
    }

    static final class ArtistCodec extends ModelCodec<Artist.Builder, Artist> {
        ArtistCodec() {
            super(
                    Artist.class,
                    Artist::builder,
                    Artist.Builder::build,
                    Artist.Builder::additionalProperties,
                    Artist::additionalProperties);
            required("id", FieldType.LONG, Artist.Builder::id, Artist::id);
            required("name", FieldType.STRING, Artist.Builder::name, Artist::name);
            optional("image_small", FieldType.STRING, Artist.Builder::imageSmall, Artist::imageSmall);
            withDefault("verified", FieldType.BOOLEAN, Artist.Builder::verified, Artist::verified);
            optional("bio", FieldType.STRING, Artist.Builder::bio, Artist::bio);
            optional("website", FieldType.STRING, Artist.Builder::website, Artist::website);
        }
    }

    static final class GenreCodec extends ModelCodec<Genre.Builder, Genre> {
        GenreCodec() {
            super(
                    Genre.class,
                    Genre::builder,
                    Genre.Builder::build,
                    Genre.Builder::additionalProperties,
                    Genre::additionalProperties);
            required("id", FieldType.LONG, Genre.Builder::id, Genre::id);
            required("name", FieldType.STRING, Genre.Builder::name, Genre::name);
        }
    }

    static final class TagCodec extends ModelCodec<Tag.Builder, Tag> {
        TagCodec() {
            super(
                    Tag.class,
                    Tag::builder,
                    Tag.Builder::build,
                    Tag.Builder::additionalProperties,
                    Tag::additionalProperties);
            required("id", FieldType.LONG, Tag.Builder::id, Tag::id);
            required("name", FieldType.STRING, Tag.Builder::name, Tag::name);
        }
    }
}
