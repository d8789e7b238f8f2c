/** Offset pagination: pages, resumable cursors, ranges and the paginator. */
@NullMarked
@TrackflowStyle
package io.trackflow.core.paging;

import io.trackflow.core.TrackflowStyle;
import org.jspecify.annotations.NullMarked;
