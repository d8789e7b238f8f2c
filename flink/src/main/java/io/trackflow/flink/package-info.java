/**
 * Apache Flink connectors: a FLIP-27 source over BeyondWords background-track listings ({@link
 * io.trackflow.flink.BackgroundTrackSource}) and an Async I/O function enriching track ids with
 * BeatPass lookups ({@link io.trackflow.flink.TrackLookupFunction}), with Flink type information for
 * their records ({@link io.trackflow.flink.BackgroundTrackTypeInfo}, {@link
 * io.trackflow.flink.TrackTypeInfo}).
 */
@NullMarked
@TrackflowStyle
package io.trackflow.flink;

import io.trackflow.core.TrackflowStyle;
import org.jspecify.annotations.NullMarked;
