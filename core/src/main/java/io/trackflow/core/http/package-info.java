/** The HTTP transport abstraction and its Reactor Netty implementation (the only public Netty-aware class). */
@NullMarked
@TrackflowStyle
package io.trackflow.core.http;

import io.trackflow.core.TrackflowStyle;
import org.jspecify.annotations.NullMarked;
