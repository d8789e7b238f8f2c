/** The Jackson 3 module for an application's own mapper: {@link io.trackflow.core.json.jackson3.TrackflowJackson3Module}. */
@NullMarked
package io.trackflow.core.json.jackson3;

import org.jspecify.annotations.NullMarked;
