/**
 * An Apache Flink (FLIP-27) source over BeyondWords background-track listings: {@link
 * io.trackflow.flink.BackgroundTrackSource}.
 */
@NullMarked
@TrackflowStyle
package io.trackflow.flink;

import io.trackflow.core.TrackflowStyle;
import org.jspecify.annotations.NullMarked;
