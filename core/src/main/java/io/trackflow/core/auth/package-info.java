/** Authentication strategies: API-key headers and (refreshing) bearer tokens. */
@NullMarked
@TrackflowStyle
package io.trackflow.core.auth;

import io.trackflow.core.TrackflowStyle;
import org.jspecify.annotations.NullMarked;
